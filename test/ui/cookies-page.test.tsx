import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { brokenStorage, decidedStorage, loadChunk, startConsent } from './start-consent';

const radio = (container: HTMLElement, group: string, name: 'Yes' | 'No') =>
  within(within(container).getByRole('group', { name: group })).getByRole('radio', { name }) as HTMLInputElement;

/** The cookies page: a site's section holding the form. */
const cookiesPage = (inner = '') => {
  document.body.insertAdjacentHTML('beforeend', `<section aria-label="Cookie settings" data-consent-preferences>${inner}</section>`);
  return screen.getByRole('region', { name: 'Cookie settings' });
};

describe('the cookies-page form', () => {
  it('renders inline in a data-consent-preferences element, not as a dialog, replacing its fallback', async () => {
    const page = cookiesPage('<p>Turn on JavaScript to change your cookie settings.</p>');
    startConsent({}, { storage: await decidedStorage() });
    // The first test also waits for the chunks to be transformed, on a busy machine.
    await within(page).findByRole('group', { name: 'Analytics cookies' }, { timeout: 10_000 });
    expect(page.textContent).not.toContain('Turn on JavaScript');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(radio(page, 'Analytics cookies', 'Yes').checked).toBe(true);
    expect(within(page).getByRole('group', { name: 'Essential cookies' }).textContent).toContain('Always on');
  });

  it('saves with a status notice at the top of the form, and moves focus to it', async () => {
    const page = cookiesPage();
    const { consent } = startConsent({}, { storage: await decidedStorage({}, (c) => c.rejectAll()) });
    await within(page).findByRole('group', { name: 'Preference cookies' });
    fireEvent.click(radio(page, 'Preference cookies', 'Yes'));
    fireEvent.click(within(page).getByRole('button', { name: 'Save cookie preferences' }));
    const status = await within(page).findByRole('status');
    expect(status.textContent).toBe('Your cookie preferences have been saved.');
    expect(document.activeElement).toBe(status);
    expect(status.compareDocumentPosition(within(page).getAllByRole('group')[0]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(consent.get().categories).toEqual({ essential: true, preferences: true, analytics: false });
    expect(consent.get().source).toBe('panel');
    // The form is the page's: no banner notice.
    expect(screen.queryByRole('region', { name: 'Cookies on this website' })).toBeNull();
  });

  it('shows an alert at the top of the form when saving fails, keeping the choices, and a retry works', async () => {
    const page = cookiesPage();
    const { storage, state } = brokenStorage();
    startConsent({}, { storage });
    await within(page).findByRole('group', { name: 'Analytics cookies' });
    fireEvent.click(radio(page, 'Analytics cookies', 'Yes'));
    fireEvent.click(within(page).getByRole('button', { name: 'Save cookie preferences' }));
    const alert = await within(page).findByRole('alert');
    expect(alert.textContent).toBe('Sorry, there was a technical problem. Please try again.');
    expect(document.activeElement).toBe(alert);
    expect(radio(page, 'Analytics cookies', 'Yes').checked).toBe(true);

    state.fixed = true;
    fireEvent.click(within(page).getByRole('button', { name: 'Save cookie preferences' }));
    expect((await within(page).findByRole('status')).textContent).toBe('Your cookie preferences have been saved.');
    expect(within(page).queryByRole('alert')).toBeNull();
  });

  it('follows choices made in the dialog', async () => {
    const page = cookiesPage();
    const { consent } = startConsent();
    await within(page).findByRole('group', { name: 'Analytics cookies' });
    consent.showPreferences();
    const dialog = await screen.findByRole('dialog', { name: 'Customise cookies' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Accept additional cookies' }));
    await waitFor(() => expect(radio(page, 'Analytics cookies', 'Yes').checked).toBe(true));
    expect(radio(page, 'Preference cookies', 'Yes').checked).toBe(true);
  });

  it('renders in elements the page adds later, and leaves with them', async () => {
    const { consent, load } = startConsent({}, { storage: await decidedStorage() });
    await Promise.resolve();
    expect(load).not.toHaveBeenCalled();
    const page = cookiesPage();
    await within(page).findByRole('group', { name: 'Analytics cookies' });
    page.remove();
    await waitFor(() => expect(page.textContent).toBe(''));
    // The unmounted form no longer follows changes.
    await consent.rejectAll();
    expect(page.textContent).toBe('');
  });

  it('gives each form its own radio groups and ids', async () => {
    const first = cookiesPage();
    document.body.insertAdjacentHTML('beforeend', '<aside aria-label="Footer settings" data-consent-preferences></aside>');
    const second = screen.getByRole('complementary', { name: 'Footer settings' });
    startConsent({}, { storage: await decidedStorage() });
    await within(second).findByRole('group', { name: 'Analytics cookies' });
    await within(first).findByRole('group', { name: 'Analytics cookies' });
    fireEvent.click(radio(first, 'Analytics cookies', 'No'));
    expect(radio(first, 'Analytics cookies', 'No').checked).toBe(true);
    expect(radio(second, 'Analytics cookies', 'Yes').checked).toBe(true);
    const ids = Array.from(document.querySelectorAll('[id]'), (element) => element.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('data-consent-open', () => {
  it('opens the dialog from a link, without following it, and returns focus to it', async () => {
    document.body.innerHTML = '<footer><a href="#cookies" data-consent-open>Cookie <span>settings</span></a></footer>';
    startConsent({}, { storage: await decidedStorage() });
    const link = screen.getByRole('link', { name: 'Cookie settings' });
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    // A click on an element inside the link counts.
    link.querySelector('span')!.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    const panel = await screen.findByRole('dialog', { name: 'Customise cookies' });
    fireEvent.click(within(panel).getByRole('button', { name: 'Close' }));
    expect(document.activeElement).toBe(link);
  });

  it('works for elements added after the page loaded', async () => {
    startConsent({}, { storage: await decidedStorage() });
    document.body.insertAdjacentHTML('beforeend', '<button data-consent-open>Change cookie settings</button>');
    fireEvent.click(screen.getByRole('button', { name: 'Change cookie settings' }));
    expect(await screen.findByRole('dialog', { name: 'Customise cookies' })).toBeTruthy();
  });

  it('leaves other clicks alone', async () => {
    startConsent({}, { storage: await decidedStorage() });
    document.body.insertAdjacentHTML('beforeend', '<a href="#top">Top</a>');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    screen.getByRole('link', { name: 'Top' }).dispatchEvent(click);
    expect(click.defaultPrevented).toBe(false);
  });
});

describe('the banner on the cookies page', () => {
  const banner = () => screen.queryByRole('region', { name: 'Cookies on this website' });

  it('does not ask: the form asks the same question, every choice at No', async () => {
    const page = cookiesPage();
    const { consent, load } = startConsent();
    await within(page).findByRole('group', { name: 'Analytics cookies' });
    expect(radio(page, 'Analytics cookies', 'No').checked).toBe(true);
    expect(radio(page, 'Analytics cookies', 'Yes').checked).toBe(false);
    // Asked again (a reset, say): still the form's question.
    consent.showBanner();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(banner()).toBeNull();
    expect(load.mock.calls.map(([name]) => name).sort()).toEqual(['banner', 'dialog']);
  });

  it('takes its question away when the page adds a form after it showed', async () => {
    startConsent();
    await screen.findByRole('region', { name: 'Cookies on this website' });
    const page = cookiesPage();
    await within(page).findByRole('group', { name: 'Analytics cookies' });
    await waitFor(() => expect(banner()).toBeNull());
  });

  it('keeps a confirmation when the page adds a form after the visitor chose', async () => {
    startConsent();
    fireEvent.click(within(await screen.findByRole('region', { name: 'Cookies on this website' })).getByRole('button', { name: 'Reject additional cookies' }));
    await screen.findByText(/You[’']ve rejected additional cookies/);
    const page = cookiesPage();
    await within(page).findByRole('group', { name: 'Analytics cookies' });
    expect(screen.getByText(/You[’']ve rejected additional cookies/)).toBeTruthy();
  });

  it('asks when the form leaves the page before the visitor chose', async () => {
    const page = cookiesPage();
    startConsent();
    await within(page).findByRole('group', { name: 'Analytics cookies' });
    page.remove();
    expect(await screen.findByRole('region', { name: 'Cookies on this website' })).toBeTruthy();
  });

  it('does not come back when the form leaves after the visitor chose with it', async () => {
    const page = cookiesPage();
    startConsent();
    await within(page).findByRole('group', { name: 'Analytics cookies' });
    fireEvent.click(within(page).getByRole('button', { name: 'Reject additional cookies' }));
    await within(page).findByRole('status');
    page.remove();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(banner()).toBeNull();
  });

  it('asks after all when the form cannot be shown (its chunk fails to load)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const page = cookiesPage('<p>Turn on JavaScript to change your cookie settings.</p>');
    startConsent({}, { load: (name) => (name == 'dialog' ? Promise.reject(new Error('network down')) : loadChunk(name)) });
    expect(await screen.findByRole('region', { name: 'Cookies on this website' })).toBeTruthy();
    expect(page.textContent).toContain('Turn on JavaScript');
  });
});
