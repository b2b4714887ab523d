import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { ConsentConfig } from '../../src/core/config';
import { brokenStorage, decidedStorage, startConsent } from './start-consent';

const banner = () => screen.findByRole('region', { name: 'Cookies on this website' });
const dialog = () => screen.findByRole('dialog', { name: 'Customise cookies' });
const radio = (container: HTMLElement, group: string, name: 'Yes' | 'No') =>
  within(within(container).getByRole('group', { name: group })).getByRole('radio', { name }) as HTMLInputElement;
const buttons = (container: HTMLElement) =>
  within(container)
    .getAllByRole('button')
    .map((button) => button.textContent);
/** The stored answers of the optional categories, as the cookie holds them. */
const answers = (storage: { read(): string | undefined }) => storage.read()?.split('.')[4];

/** Both exemptions, nothing that needs consent. */
const ONLY_EXEMPT: ConsentConfig = { categories: { preferences: { exemption: 'appearance' }, analytics: { exemption: 'statistics' } } };
/** Analytics under the statistics exemption; preferences and marketing need consent. */
const MIXED: ConsentConfig = { categories: { preferences: {}, analytics: { exemption: 'statistics' }, marketing: {} } };

describe('the banner, when every optional category is on unless the visitor objects', () => {
  it('says what the cookies do and that they are on unless turned off, with three buttons of equal weight', async () => {
    startConsent(ONLY_EXEMPT);
    const region = await banner();
    const paragraphs = Array.from(region.querySelectorAll('p'), (paragraph) => paragraph.textContent);
    expect(paragraphs).toEqual([
      'We use some essential cookies to make our website work.',
      'We also use cookies that remember how you want our site to look and work, and analytics cookies that help us understand how you use it, so we can improve it. They are on unless you turn them off.',
      'You can manage your preferences and cookie settings at any time by clicking on “Customise Cookies” below.',
    ]);
    expect(buttons(region)).toEqual(['Turn off additional cookies', 'Hide cookie message', 'Customise cookies']);
    expect(
      new Set(
        within(region)
          .getAllByRole('button')
          .map((button) => button.className),
      ),
    ).toEqual(new Set(['bc-button']));
  });

  it('names only the kind of exemption configured', async () => {
    startConsent({ categories: { analytics: { exemption: 'statistics' } } });
    expect((await banner()).textContent).toContain(
      'We also use analytics cookies to understand how you use our site, so we can improve it. They are on unless you turn them off.',
    );
  });

  it('lets the categories run once it is on screen, without deciding for the visitor', async () => {
    const { consent, storage } = startConsent(ONLY_EXEMPT);
    expect(consent.allowed('analytics')).toBe(false);
    await banner();
    await waitFor(() => expect(consent.allowed('analytics')).toBe(true));
    expect(consent.get()).toMatchObject({ decided: false, exempt: ['preferences', 'analytics'] });
    expect(storage.read()).toBeUndefined();
  });

  it('never lets them run when the banner cannot load', async () => {
    const { consent } = startConsent(ONLY_EXEMPT, { load: () => Promise.reject(new Error('offline')) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(consent.allowed('analytics')).toBe(false);
  });

  it('"Hide cookie message" records an acknowledgement, not consent, and the banner goes', async () => {
    const { consent, storage } = startConsent(ONLY_EXEMPT);
    fireEvent.click(within(await banner()).getByRole('button', { name: 'Hide cookie message' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Cookies on this website' })).toBeNull());
    expect(consent.get()).toMatchObject({ decided: true, source: 'banner', exempt: ['preferences', 'analytics'] });
    expect(consent.allowed('analytics')).toBe(true);
    expect(answers(storage)).toBe('preferences=e&analytics=e');
  });

  it('"Turn off additional cookies" objects to them all and confirms', async () => {
    const { consent, storage } = startConsent({ ...ONLY_EXEMPT, cookiesPageUrl: '/cookies' });
    await banner();
    await waitFor(() => expect(consent.allowed('analytics')).toBe(true));
    fireEvent.click(within(await banner()).getByRole('button', { name: 'Turn off additional cookies' }));
    const status = await screen.findByRole('status');
    expect(status.textContent).toBe('You’ve turned off additional cookies. You can change your cookie settings at any time.');
    expect(within(status).getByRole('link', { name: 'change your cookie settings' }).getAttribute('href')).toBe('/cookies');
    expect(document.activeElement).toBe(status);
    expect(consent.allowed('analytics')).toBe(false);
    expect(consent.get().exempt).toEqual([]);
    expect(answers(storage)).toBe('preferences=0&analytics=0');
    fireEvent.click(screen.getByRole('button', { name: 'Hide cookie message' }));
    expect(screen.queryByRole('region', { name: 'Cookies on this website' })).toBeNull();
  });

  it('keeps the question, with the alert, when the acknowledgement cannot be saved', async () => {
    const { storage, state } = brokenStorage();
    const { consent } = startConsent(ONLY_EXEMPT, { storage });
    fireEvent.click(within(await banner()).getByRole('button', { name: 'Hide cookie message' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Sorry, there was a technical problem. Please try again.');
    state.fixed = true;
    fireEvent.click(within(await banner()).getByRole('button', { name: 'Hide cookie message' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Cookies on this website' })).toBeNull());
    expect(consent.decided).toBe(true);
  });

  it('does not come back for a returning visitor, whose categories run at once', async () => {
    const storage = await decidedStorage(ONLY_EXEMPT, (c) => c.save({}));
    const { consent } = startConsent(ONLY_EXEMPT, { storage });
    expect(consent.allowed('analytics')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByRole('region', { name: 'Cookies on this website' })).toBeNull();
  });

  it('asks for consent, as usual, with exemptions: false', async () => {
    const { consent } = startConsent({ ...ONLY_EXEMPT, exemptions: false });
    expect(buttons(await banner())).toEqual(['Accept additional cookies', 'Reject additional cookies', 'Customise cookies']);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(consent.allowed('analytics')).toBe(false);
  });

  it('speaks Welsh', async () => {
    document.documentElement.lang = 'cy';
    try {
      startConsent(ONLY_EXEMPT);
      const region = await screen.findByRole('region', { name: 'Cwcis ar y wefan hon' });
      expect(buttons(region)).toEqual(['Diffodd cwcis ychwanegol', 'Cuddio neges cwcis', 'Addasu cwcis']);
      expect(region.textContent).toContain('Maent ymlaen oni bai eich bod yn eu diffodd.');
    } finally {
      document.documentElement.lang = '';
    }
  });

  it('takes the site’s own words', async () => {
    startConsent({ ...ONLY_EXEMPT, texts: { en: { turnOff: 'Switch them off', exemptBoth: 'We count visits and remember your settings.' } } });
    const region = await banner();
    expect(buttons(region)[0]).toBe('Switch them off');
    expect(region.textContent).toContain('We count visits and remember your settings.');
  });
});

describe('the banner, with categories that need consent as well', () => {
  it('asks the usual question and adds a sentence about the others', async () => {
    startConsent(MIXED);
    const region = await banner();
    expect(buttons(region)).toEqual(['Accept additional cookies', 'Reject additional cookies', 'Customise cookies']);
    expect(Array.from(region.querySelectorAll('p'), (paragraph) => paragraph.textContent)[1]).toBe(
      'We also use analytics cookies to understand how you use our site, so we can improve it. They are on unless you turn them off.',
    );
  });

  it('accepting grants the consent categories and leaves analytics on under its exemption', async () => {
    const { consent, storage } = startConsent(MIXED);
    fireEvent.click(within(await banner()).getByRole('button', { name: 'Accept additional cookies' }));
    await screen.findByRole('status');
    expect(consent.get()).toMatchObject({ categories: { preferences: true, analytics: true, marketing: true }, exempt: ['analytics'] });
    expect(answers(storage)).toBe('preferences=1&analytics=e&marketing=1');
  });

  it('rejecting refuses them and objects to analytics', async () => {
    const { consent, storage } = startConsent(MIXED);
    fireEvent.click(within(await banner()).getByRole('button', { name: 'Reject additional cookies' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/^You’ve rejected additional cookies\./);
    expect(consent.allowed('analytics')).toBe(false);
    expect(answers(storage)).toBe('preferences=0&analytics=0&marketing=0');
  });
});

describe('the dialog and the cookies-page form', () => {
  it('show an exempt category as Yes, saying it is on unless turned off, and a Yes left alone is no consent', async () => {
    const { consent, storage } = startConsent(MIXED);
    fireEvent.click(within(await banner()).getByRole('button', { name: 'Customise cookies' }));
    const panel = await dialog();
    const analytics = within(panel).getByRole('group', { name: 'Analytics cookies' });
    expect(document.getElementById(analytics.getAttribute('aria-describedby')!)!.textContent).toContain('These cookies are on unless you turn them off.');
    expect(radio(panel, 'Analytics cookies', 'Yes').checked).toBe(true);
    expect(radio(panel, 'Marketing cookies', 'No').checked).toBe(true);
    expect(within(panel).getByRole('group', { name: 'Marketing cookies' }).textContent).not.toContain('on unless you turn them off');
    fireEvent.click(within(panel).getByRole('button', { name: 'Save cookie preferences' }));
    await screen.findByRole('status');
    expect(consent.get()).toMatchObject({ categories: { analytics: true }, exempt: ['analytics'] });
    expect(answers(storage)).toBe('preferences=0&analytics=e&marketing=0');
  });

  it('record No as an objection, and Yes after it as consent', async () => {
    const { consent, storage } = startConsent(MIXED);
    fireEvent.click(within(await banner()).getByRole('button', { name: 'Customise cookies' }));
    let panel = await dialog();
    fireEvent.click(radio(panel, 'Analytics cookies', 'No'));
    fireEvent.click(within(panel).getByRole('button', { name: 'Save cookie preferences' }));
    await screen.findByRole('status');
    expect(consent.allowed('analytics')).toBe(false);
    expect(answers(storage)).toBe('preferences=0&analytics=0&marketing=0');

    consent.showPreferences();
    panel = await dialog();
    expect(radio(panel, 'Analytics cookies', 'No').checked).toBe(true);
    fireEvent.click(radio(panel, 'Analytics cookies', 'Yes'));
    fireEvent.click(within(panel).getByRole('button', { name: 'Save cookie preferences' }));
    await waitFor(() => expect(answers(storage)).toBe('preferences=0&analytics=1&marketing=0'));
    expect(consent.get().exempt).toEqual([]);
  });

  it('offer "Turn off additional cookies" rather than accept and reject when every category is exempt', async () => {
    startConsent(ONLY_EXEMPT);
    fireEvent.click(within(await banner()).getByRole('button', { name: 'Customise cookies' }));
    const panel = await dialog();
    expect(buttons(panel)).toEqual(['Close', 'Save cookie preferences', 'Turn off additional cookies']);
  });

  it('show an exempt category as No under Global Privacy Control, saying why', async () => {
    const { consent } = startConsent(MIXED, { gpc: true });
    fireEvent.click(within(await banner()).getByRole('button', { name: 'Customise cookies' }));
    const panel = await dialog();
    expect(radio(panel, 'Analytics cookies', 'No').checked).toBe(true);
    expect(within(panel).getByRole('group', { name: 'Analytics cookies' }).textContent).toContain('Global Privacy Control');
    fireEvent.click(radio(panel, 'Analytics cookies', 'Yes'));
    fireEvent.click(within(panel).getByRole('button', { name: 'Save cookie preferences' }));
    await screen.findByRole('status');
    expect(consent.allowed('analytics')).toBe(true);
  });

  it('tell a visitor who has not decided, on the cookies page, so exempt categories run there', async () => {
    document.body.insertAdjacentHTML('beforeend', '<section aria-label="Cookie settings" data-consent-preferences></section>');
    const page = screen.getByRole('region', { name: 'Cookie settings' });
    const { consent, storage } = startConsent(ONLY_EXEMPT);
    await within(page).findByRole('group', { name: 'Analytics cookies' });
    await waitFor(() => expect(consent.allowed('analytics')).toBe(true));
    // The form follows with the 'change' event, after any write in progress.
    await waitFor(() => expect(radio(page, 'Analytics cookies', 'Yes').checked).toBe(true));
    fireEvent.click(radio(page, 'Preference cookies', 'No'));
    fireEvent.click(within(page).getByRole('button', { name: 'Save cookie preferences' }));
    await within(page).findByRole('status');
    expect(answers(storage)).toBe('preferences=0&analytics=e');
  });
});
