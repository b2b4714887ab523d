import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { createConsent } from '../../src/entries/index';
import { createMemoryStorage } from '../../src/storage/memory';
import { decidedStorage, loadChunk, startConsent } from './start-consent';

const banner = () => screen.findByRole('region', { name: 'Cookies on this website' });

/**
 * Resolves once the changes made to the page from now on have reached every
 * MutationObserver created before this call, the UI's DOM watcher included
 * (observers hear of a change in the order they were created): a known point
 * for "nothing was loaded", rather than a pause.
 */
function watched() {
  return new Promise<void>((resolve) => {
    const observer = new MutationObserver(() => {
      observer.disconnect();
      resolve();
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
}

describe('the UI loader', () => {
  it('loads no UI for a visitor who has decided and has no form on the page', async () => {
    const { load } = startConsent({}, { storage: await decidedStorage() });
    const seen = watched();
    document.body.insertAdjacentHTML('beforeend', '<p>Some content</p>');
    await seen;
    expect(load).not.toHaveBeenCalled();
    expect(document.querySelector('.bc')).toBeNull();
  });

  it('loads each piece once, however often the UI is shown', async () => {
    const { consent, load } = startConsent();
    await banner();
    consent.showPreferences();
    await screen.findByRole('dialog', { name: 'Customise cookies' });
    consent.hide();
    consent.showBanner();
    await banner();
    consent.showPreferences();
    await screen.findByRole('dialog', { name: 'Customise cookies' });
    expect(load.mock.calls).toEqual([['banner'], ['dialog']]);
  });

  it('loads the banner and the dialog when a decided visitor asks for the dialog', async () => {
    const { consent, load } = startConsent({}, { storage: await decidedStorage() });
    consent.showPreferences();
    await screen.findByRole('dialog', { name: 'Customise cookies' });
    expect(load.mock.calls).toEqual([['banner'], ['dialog']]);
  });

  it('fetches the dialog when the visitor points at or focuses "Customise cookies" or a data-consent-open element, not before', async () => {
    document.body.innerHTML = '<a href="/cookies" data-consent-open>Cookie settings</a>';
    const { load } = startConsent();
    const customise = within(await banner()).getByRole('button', { name: 'Customise cookies' });
    // Pointer events reach the loader as they are dispatched: what they load, they load at once.
    fireEvent.pointerOver(within(await banner()).getByRole('button', { name: 'Accept additional cookies' }));
    expect(load.mock.calls).toEqual([['banner']]);
    fireEvent.pointerOver(customise);
    await waitFor(() => expect(load.mock.calls).toEqual([['banner'], ['dialog']]));
    expect(screen.queryByRole('dialog')).toBeNull();

    const other = startConsent({}, { storage: await decidedStorage() });
    screen.getByRole('link', { name: 'Cookie settings' }).focus();
    await waitFor(() => expect(other.load.mock.calls).toEqual([['banner'], ['dialog']]));
  });

  it('asks nothing when every category is essential', async () => {
    // The loader decides while the instance starts (createStore runs its plugins at once).
    const { consent, load } = startConsent({ categories: { security: { essential: true } } });
    expect(load).not.toHaveBeenCalled();
    expect(consent.decided).toBe(false);
    // The dialog still explains them when asked for.
    consent.showPreferences();
    expect(await screen.findByRole('dialog', { name: 'Customise cookies' })).toBeTruthy();
  });

  it('asks again after a revision change', async () => {
    startConsent({ revision: 2 }, { storage: await decidedStorage() });
    expect(await banner()).toBeTruthy();
  });

  it('shows the banner and wires the page through createConsent', async () => {
    const consent = createConsent({ storage: createMemoryStorage() });
    try {
      fireEvent.click(within(await banner()).getByRole('button', { name: 'Reject additional cookies' }));
      await screen.findByRole('status');
      expect(consent.decided).toBe(true);
    } finally {
      consent.destroy();
    }
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Cookies on this website' })).toBeNull());
  });

  it('removes everything it added on destroy', async () => {
    document.body.innerHTML = '<div data-consent-preferences>Fallback</div><button data-consent-open>Settings</button>';
    const { consent } = startConsent();
    await screen.findByRole('group', { name: 'Analytics cookies' });
    consent.showPreferences();
    await screen.findByRole('dialog', { name: 'Customise cookies' });
    consent.destroy();
    await waitFor(() => expect(document.querySelector('.bc')).toBeNull());
    expect(document.body.textContent).toBe('FallbackSettings');
    expect(document.documentElement.style.scrollPaddingBottom).toBe('');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    screen.getByRole('button', { name: 'Settings' }).dispatchEvent(click);
    expect(click.defaultPrevented).toBe(false);
  });

  it('reports a piece that fails to load once, clearly, and tries again on the next request', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    let attempts = 0;
    const { consent, load } = startConsent(
      {},
      {
        load: (name) => (++attempts <= 2 ? Promise.reject(new Error('network down')) : loadChunk(name)),
      },
    );
    await waitFor(() => expect(error).toHaveBeenCalledOnce());
    expect(error.mock.calls[0]![0]).toMatch(/^biscuit-consent: could not load the cookie banner or settings \(network down\)/);
    expect(screen.queryByRole('region', { name: 'Cookies on this website' })).toBeNull();
    consent.showBanner();
    await new Promise((resolve) => setTimeout(resolve, 20));
    consent.showBanner();
    expect(await banner()).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(3);
    expect(error).toHaveBeenCalledOnce();
  });

  it('lets a data-consent-open link do what links do once the dialog has failed to load, and tries again for other elements', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    document.body.innerHTML = '<a href="#settings" data-consent-open>Cookie settings</a><button data-consent-open>Settings</button>';
    let down = true;
    const { load } = startConsent(
      {},
      { storage: await decidedStorage(), load: (name) => (name == 'dialog' && down ? Promise.reject(new Error('404')) : loadChunk(name)) },
    );
    const link = screen.getByRole('link', { name: 'Cookie settings' });
    // Whether each click reached the page with its default action still on (after every other listener).
    const prevented: boolean[] = [];
    const record = (event: Event) => {
      prevented.push(event.defaultPrevented);
      event.preventDefault(); // jsdom does not navigate
    };
    window.addEventListener('click', record);
    try {
      // The first click is held back for the dialog; when the dialog cannot load, it goes ahead after all.
      link.click();
      await waitFor(() => expect(prevented).toEqual([true, false]));
      // Later clicks are the link's own.
      link.click();
      expect(prevented).toEqual([true, false, false]);
    } finally {
      window.removeEventListener('click', record);
    }
    expect(screen.queryByRole('dialog')).toBeNull();
    // A button has nothing of its own to do: it tries the dialog again.
    down = false;
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(await screen.findByRole('dialog', { name: 'Customise cookies' })).toBeTruthy();
    expect(load.mock.calls.filter(([name]) => name == 'dialog').length).toBeGreaterThanOrEqual(2);
  });
});

describe('the page around the banner', () => {
  it('keeps focused elements clear of the fixed banner with scroll padding on <html>', async () => {
    startConsent();
    await banner();
    const { style } = document.documentElement;
    expect(style.scrollPaddingBottom).toMatch(/^\d+px$/);
    expect(style.paddingBottom).toBe(style.scrollPaddingBottom);
    fireEvent.click(screen.getByRole('button', { name: 'Accept additional cookies' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Hide cookie message' }));
    expect(style.scrollPaddingBottom).toBe('');
    expect(style.paddingBottom).toBe('');
  });

  it('sets no scroll padding for an inline banner', async () => {
    startConsent({ bannerLayout: 'inline' });
    await banner();
    expect(document.documentElement.style.scrollPaddingBottom).toBe('');
  });

  it('warns once when style.css is missing', async () => {
    document.head.replaceChildren();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    startConsent();
    await banner();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/style\.css/);
  });

  it('does not warn when style.css is loaded', async () => {
    const warn = vi.spyOn(console, 'warn');
    startConsent();
    await banner();
    expect(warn).not.toHaveBeenCalled();
  });
});
