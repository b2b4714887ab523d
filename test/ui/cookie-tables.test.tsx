import { fireEvent, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { ConsentConfig } from '../../src/core/config';
import { decidedStorage, startConsent } from './start-consent';

const CONFIG: ConsentConfig = {
  cookie: { expiresDays: 180 },
  categories: {
    essential: { cookies: [{ name: 'session', purpose: 'Keeps you signed in', expires: 'When you close your browser' }] },
    analytics: {
      cookies: [
        { name: '_ga', provider: 'Google Analytics', purpose: 'Tells visits apart', expires: { en: '2 years' } },
        { name: /^_ga_/, label: '_ga_<container ID>', provider: 'Google Analytics', purpose: 'Keeps the state of a visit', expires: '2 years' },
        { name: 'yt-remote-*', storage: 'localStorage', provider: 'YouTube', purpose: { en: 'Remembers your player', cy: 'Yn cofio eich chwaraewr' } },
      ],
    },
    // Declared by name alone: still listed.
    marketing: { cookies: ['_fbp'] },
    // Nothing declared: no table.
    preferences: {},
  },
};

async function openDialog(config: ConsentConfig = CONFIG) {
  const { consent } = startConsent(config, { storage: await decidedStorage(config) });
  consent.showPreferences();
  // The first test also waits for the chunks to be transformed, on a busy machine.
  return screen.findByRole('dialog', { name: 'Customise cookies' }, { timeout: 10_000 });
}

/** The disclosure of a category, found by its group's name and the summary's text. */
const disclosure = (container: HTMLElement, group: string) =>
  within(within(container).getByRole('group', { name: group }))
    .getByText(/^Cookies used \(\d+\)$/)
    .closest('details')!;

/** The table's cells, row by row, as text. */
const cells = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map((row) =>
      within(row)
        .queryAllByRole(/^(columnheader|rowheader|cell)$/)
        .map((cell) => cell.textContent),
    );

describe('the cookie tables', () => {
  it('give each category with declared cookies a closed disclosure counting its entries', async () => {
    const panel = await openDialog();
    const analytics = disclosure(panel, 'Analytics cookies');
    expect(analytics.open).toBe(false);
    expect(within(analytics).getByText('Cookies used (3)').tagName).toBe('SUMMARY');
    // The consent cookie is the essential category's first entry.
    expect(within(disclosure(panel, 'Essential cookies')).getByText('Cookies used (2)')).toBeTruthy();
    expect(within(disclosure(panel, 'Marketing cookies')).getByText('Cookies used (1)')).toBeTruthy();
    expect(within(within(panel).getByRole('group', { name: 'Preference cookies' })).queryByText(/Cookies used/)).toBeNull();
  });

  it('open on a table captioned by the category, with column and row headers', async () => {
    const panel = await openDialog();
    const analytics = disclosure(panel, 'Analytics cookies');
    analytics.open = true;
    const table = within(analytics).getByRole('table', { name: 'Analytics cookies' });
    expect(cells(table)).toEqual([
      ['Name', 'Purpose', 'Expires', 'Set by'],
      ['_ga', 'Tells visits apart', '2 years', 'Google Analytics'],
      ['_ga_<container ID>', 'Keeps the state of a visit', '2 years', 'Google Analytics'],
      ['yt-remote-*Local storage', 'Remembers your player', '', 'YouTube'],
    ]);
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.getAttribute('scope')),
    ).toEqual(['col', 'col', 'col', 'col']);
    expect(within(table).getByRole('rowheader', { name: /^_ga$/ }).getAttribute('scope')).toBe('row');
    // The box it scrolls in is a focusable region named like the table.
    const region = within(analytics).getByRole('region', { name: 'Analytics cookies' });
    expect(region.tabIndex).toBe(0);
    expect(region.contains(table)).toBe(true);
  });

  it('list the consent cookie under essential with its real name, its lifetime from the config, set by the website', async () => {
    const panel = await openDialog({ ...CONFIG, cookie: { name: 'site_consent', expiresDays: 730 } });
    const table = within(disclosure(panel, 'Essential cookies')).getByRole('table', { name: 'Essential cookies' });
    expect(cells(table).slice(1)).toEqual([
      ['site_consent', 'Saves your cookie consent settings', '2 years', 'This website'],
      ['session', 'Keeps you signed in', 'When you close your browser', 'This website'],
    ]);
  });

  it('show a RegExp entry without a label as its pattern, and a bare name with empty cells', async () => {
    const panel = await openDialog({ categories: { analytics: { cookies: [/^_hj/, '_clck'] } } });
    const table = within(disclosure(panel, 'Analytics cookies')).getByRole('table');
    expect(cells(table).slice(1)).toEqual([
      ['/^_hj/', '', '', 'This website'],
      ['_clck', '', '', 'This website'],
    ]);
  });

  it('render text from the config as text, never as HTML', async () => {
    const hostile = '<img src=x onerror="window.hacked=1">';
    const panel = await openDialog({
      categories: { analytics: { cookies: [{ name: '_x', label: hostile, provider: hostile, purpose: hostile, expires: { en: hostile } }] } },
      texts: { en: { cookiesUsed: '<b>Cookies</b> ({count})', cookieName: '<i>Name</i>' } },
    });
    const details = within(within(panel).getByRole('group', { name: 'Analytics cookies' }))
      .getByText('<b>Cookies</b> (1)')
      .closest('details')!;
    expect(details.querySelector('img, b, i')).toBeNull();
    expect(cells(within(details).getByRole('table')).slice(1)).toEqual([[hostile, hostile, hostile, hostile]]);
  });

  it('leave Shift+Tab from a disclosure or an open table to the browser: the dialog’s focus trap wraps only from its first control', async () => {
    const panel = await openDialog();
    const analytics = disclosure(panel, 'Analytics cookies');
    analytics.open = true;
    for (const element of [analytics.querySelector('summary')!, within(analytics).getByRole('region')]) {
      element.focus();
      // fireEvent returns false when the handler prevented the default (moved focus itself).
      expect(fireEvent.keyDown(element, { key: 'Tab', shiftKey: true })).toBe(true);
      expect(document.activeElement).toBe(element);
    }
  });

  it('keep a disclosure open while the choices change', async () => {
    const panel = await openDialog();
    const analytics = disclosure(panel, 'Analytics cookies');
    fireEvent.click(within(analytics).getByText('Cookies used (3)'));
    analytics.open = true;
    fireEvent.click(within(within(panel).getByRole('group', { name: 'Analytics cookies' })).getByRole('radio', { name: 'No' }));
    expect(disclosure(panel, 'Analytics cookies')).toBe(analytics);
    expect(analytics.open).toBe(true);
  });

  it('take the site’s words through texts, the consent cookie’s lifetime included', async () => {
    const panel = await openDialog({
      ...CONFIG,
      texts: { en: { cookiesUsed: 'What we store ({count})', cookieSetBy: 'Who sets it', consentCookieExpires: 'Six months' } },
    });
    const essential = within(within(panel).getByRole('group', { name: 'Essential cookies' }))
      .getByText('What we store (2)')
      .closest('details')!;
    const table = within(essential).getByRole('table');
    expect(cells(table)[0]).toEqual(['Name', 'Purpose', 'Expires', 'Who sets it']);
    expect(cells(table)[1]![2]).toBe('Six months');
  });

  it('speak Welsh on a Welsh page, marking the English a site left untranslated', async () => {
    document.documentElement.lang = 'cy';
    const { consent } = startConsent(CONFIG, { storage: await decidedStorage(CONFIG) });
    consent.showPreferences();
    const panel = await screen.findByRole('dialog', { name: 'Addasu cwcis' });
    const group = within(panel).getByRole('group', { name: 'Cwcis dadansoddi' });
    const details = within(group).getByText('Cwcis a ddefnyddir (3)').closest('details')!;
    const table = within(details).getByRole('table', { name: 'Cwcis dadansoddi' });
    expect(cells(table)[0]).toEqual(['Enw', 'Diben', 'Yn dod i ben', 'Gosodir gan']);
    expect(within(table).getByText('Storfa leol')).toBeTruthy();
    expect(within(table).getByRole('cell', { name: 'Yn cofio eich chwaraewr' }).lang).toBe('');
    // The site gave this lifetime in English only.
    expect(within(table).getAllByRole('cell', { name: '2 years' })[0]!.lang).toBe('en');
    const essential = within(within(panel).getByRole('group', { name: 'Cwcis hanfodol' })).getByRole('table', { hidden: true });
    expect(cells(essential)[1]).toEqual(['biscuit_consent', 'Cadw’ch gosodiadau caniatâd cwcis', '180 diwrnod', 'Y wefan hon']);
  });
});

describe('the cookies-page form', () => {
  it('shows the same tables', async () => {
    document.body.insertAdjacentHTML('beforeend', '<section aria-label="Cookie settings" data-consent-preferences></section>');
    startConsent(CONFIG, { storage: await decidedStorage(CONFIG) });
    const page = screen.getByRole('region', { name: 'Cookie settings' });
    await within(page).findByRole('group', { name: 'Analytics cookies' });
    const analytics = disclosure(page, 'Analytics cookies');
    expect(cells(within(analytics).getByRole('table', { name: 'Analytics cookies' }))[1]).toEqual(['_ga', 'Tells visits apart', '2 years', 'Google Analytics']);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
