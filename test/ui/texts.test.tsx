import { fireEvent, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { resolveConfig } from '../../src/core/config';
import { DIALOG_TEXT_KEYS } from '../../src/ui/texts/dialog-keys';
import { en } from '../../src/ui/texts/en';
import { enDialog } from '../../src/ui/texts/en-dialog';
import { resolveTexts } from '../../src/ui/texts/resolve-texts';
import { startConsent } from './start-consent';

const WELSH_LABEL = 'Cwcis ar y wefan hon';
const region = (name = 'Cookies on this website') => screen.findByRole('region', { name });
const rootOf = (element: Element) => element.closest('.bc')!;

describe('Welsh', () => {
  it('is used when the page is in Welsh', async () => {
    document.documentElement.lang = 'cy';
    startConsent();
    const banner = await region(WELSH_LABEL);
    expect(
      within(banner)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Derbyn cwcis ychwanegol', 'Gwrthod cwcis ychwanegol', 'Addasu cwcis']);
    // Same language as the page: nothing to mark.
    expect(rootOf(banner).hasAttribute('lang')).toBe(false);
  });

  it('matches a regional tag such as cy-GB, and uses the typographic apostrophe', async () => {
    document.documentElement.lang = 'cy-GB';
    startConsent();
    const banner = await region(WELSH_LABEL);
    expect(banner.textContent).toContain('i’n gwefan');
    expect(banner.textContent).not.toContain("'");
  });

  it('ends the hint with the cookies notice, linked, when there is a cookies page', async () => {
    document.documentElement.lang = 'cy';
    startConsent({ cookiesPageUrl: '/cwcis' });
    const banner = await region(WELSH_LABEL);
    expect(Array.from(banner.querySelectorAll('p'), (p) => p.textContent)[1]).toBe(
      'Gallwch reoli eich dewisiadau a’ch gosodiadau cwcis unrhyw bryd drwy glicio ar “Addasu cwcis” isod. I gael rhagor o wybodaeth am sut rydym yn defnyddio cwcis, gweler ein hysbysiad cwcis.',
    );
    expect(within(banner).getByRole('link', { name: 'hysbysiad cwcis' }).getAttribute('href')).toBe('/cwcis');
  });

  it('translates the dialog and the category texts', async () => {
    startConsent({ lang: 'cy' });
    fireEvent.click(within(await region(WELSH_LABEL)).getByRole('button', { name: 'Addasu cwcis' }));
    const panel = await screen.findByRole('dialog', { name: 'Addasu cwcis' });
    expect(within(panel).getByRole('group', { name: 'Cwcis hanfodol' }).textContent).toContain('Ymlaen bob amser');
    const analytics = within(panel).getByRole('group', { name: 'Cwcis dadansoddi' });
    expect(within(analytics).getByRole('radio', { name: 'Na' })).toBeTruthy();
    expect(within(analytics).getByRole('radio', { name: 'Ie' })).toBeTruthy();
    expect(within(panel).getByRole('button', { name: 'Cadw dewisiadau cwcis' })).toBeTruthy();
  });

  it('marks the UI as Welsh on an English page that asks for Welsh', async () => {
    document.documentElement.lang = 'en-GB';
    startConsent({ lang: 'cy' });
    const root = rootOf(await region(WELSH_LABEL));
    expect(root.getAttribute('lang')).toBe('cy');
    expect(root.getAttribute('dir')).toBe('ltr');
  });
});

describe('languages', () => {
  it('takes config.lang over <html lang>', async () => {
    document.documentElement.lang = 'cy';
    startConsent({ lang: 'en' });
    const root = rootOf(await region());
    expect(root.getAttribute('lang')).toBe('en');
  });

  it('falls back to English, and says so with lang, for a language it has no texts for', async () => {
    document.documentElement.lang = 'fr';
    startConsent();
    const root = rootOf(await region());
    expect(root.getAttribute('lang')).toBe('en');
  });

  it('falls back to English key by key', async () => {
    startConsent({ lang: 'fr', texts: { fr: { bannerLabel: 'Les cookies sur ce site', accept: 'Accepter les cookies supplémentaires' } } });
    const banner = await region('Les cookies sur ce site');
    expect(
      within(banner)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Accepter les cookies supplémentaires', 'Reject additional cookies', 'Customise cookies']);
    expect(rootOf(banner).getAttribute('lang')).toBe('fr');
  });

  it('lets a site override a built-in translation one key at a time', async () => {
    startConsent({ lang: 'cy', texts: { cy: { accept: 'Iawn' } } });
    const banner = await region(WELSH_LABEL);
    expect(within(banner).getByRole('button', { name: 'Iawn' })).toBeTruthy();
    expect(within(banner).getByRole('button', { name: 'Gwrthod cwcis ychwanegol' })).toBeTruthy();
  });

  it('lays out right-to-left languages right to left', async () => {
    document.documentElement.lang = 'en';
    startConsent({ lang: 'ar', texts: { ar: { bannerLabel: 'ملفات تعريف الارتباط على هذا الموقع' } } });
    const root = rootOf(await region('ملفات تعريف الارتباط على هذا الموقع'));
    expect(root.getAttribute('lang')).toBe('ar');
    expect(root.getAttribute('dir')).toBe('rtl');
  });

  it('inherits the direction of a right-to-left page in its language', async () => {
    document.documentElement.lang = 'he';
    document.documentElement.dir = 'rtl';
    startConsent({ texts: { he: { bannerLabel: 'עוגיות באתר הזה' } } });
    const root = rootOf(await region('עוגיות באתר הזה'));
    expect(root.hasAttribute('lang')).toBe(false);
    expect(root.hasAttribute('dir')).toBe(false);
  });

  it('marks English on a right-to-left page as left to right', async () => {
    document.documentElement.lang = 'ar';
    document.documentElement.dir = 'rtl';
    startConsent();
    const root = rootOf(await region());
    expect(root.getAttribute('lang')).toBe('en');
    expect(root.getAttribute('dir')).toBe('ltr');
  });
});

describe('texts from the config', () => {
  const hostile = '<img src=x onerror="window.hacked=1">';

  it('are rendered as text, never as HTML, wherever they appear', async () => {
    const texts = Object.fromEntries(Object.keys(en).map((key) => [key, `${key} ${hostile}`]));
    startConsent({
      cookiesPageUrl: '/cookies',
      texts: { en: texts },
      categories: { analytics: { title: `Analytics ${hostile}`, description: `Counts ${hostile}` } },
    });
    const banner = await region(`bannerLabel ${hostile}`);
    expect(banner.textContent).toContain(`body ${hostile}`);
    expect(within(banner).getByRole('heading', { name: `bannerTitle ${hostile}` })).toBeTruthy();
    fireEvent.click(within(banner).getByRole('button', { name: `customise ${hostile}` }));
    const panel = await screen.findByRole('dialog', { name: `panelTitle ${hostile}` });
    expect(within(panel).getByRole('group', { name: `Analytics ${hostile}` }).textContent).toContain(`Counts ${hostile}`);
    fireEvent.click(within(panel).getByRole('button', { name: `save ${hostile}` }));
    expect((await screen.findByRole('status')).textContent).toBe(`saved ${hostile}`);
    expect(document.querySelector('img')).toBeNull();
    expect((window as { hacked?: number }).hacked).toBeUndefined();
  });

  it('turn {braces} into a link to the cookies page, as text', async () => {
    startConsent({ cookiesPageUrl: '/cookies', texts: { en: { body: `Read {our ${hostile} policy} now.` } } });
    const banner = await region();
    const link = within(banner).getByRole('link', { name: `our ${hostile} policy` });
    expect(link.getAttribute('href')).toBe('/cookies');
    expect(link.parentElement!.textContent).toBe(`Read our ${hostile} policy now.`);
    expect(document.querySelector('img')).toBeNull();
  });

  it('drop the braces and keep plain text without a cookies page', async () => {
    startConsent({ texts: { en: { body: 'Read {our policy} now.' } } });
    const banner = await region();
    expect(within(banner).queryByRole('link')).toBeNull();
    expect(banner.textContent).toContain('Read our policy now.');
  });

  it('can leave out a paragraph with an empty text', async () => {
    startConsent({ texts: { en: { hint: '' } } });
    expect((await region()).textContent).not.toContain('Customise Cookies');
  });

  it('give categories their titles: the category config first, then the language, then English', async () => {
    startConsent({
      lang: 'cy',
      categories: { preferences: { title: 'Site preferences' }, analytics: {}, surveys: {} },
      texts: { cy: { 'category.surveys.title': 'Arolygon' } },
    });
    fireEvent.click(within(await region(WELSH_LABEL)).getByRole('button', { name: 'Addasu cwcis' }));
    const panel = await screen.findByRole('dialog', { name: 'Addasu cwcis' });
    expect(within(panel).getByRole('group', { name: 'Site preferences' })).toBeTruthy();
    expect(within(panel).getByRole('group', { name: 'Cwcis dadansoddi' })).toBeTruthy();
    expect(within(panel).getByRole('group', { name: 'Arolygon' })).toBeTruthy();
  });

  it('name a category without any text by its name', async () => {
    startConsent({ categories: { surveys: {} } });
    fireEvent.click(within(await region()).getByRole('button', { name: 'Customise cookies' }));
    expect(within(await screen.findByRole('dialog')).getByRole('group', { name: 'surveys' })).toBeTruthy();
  });
});

describe('resolveTexts', () => {
  it('warns once about text keys it does not know', async () => {
    const warn = vi.fn();
    const config = resolveConfig({
      categories: { analytics: {} },
      texts: { en: { acept: 'Yes', 'category.analytics.title': 'Stats', bannerTitle: '' }, cy: { 'category.marketing.title': 'Marchnata' } },
    });
    await resolveTexts(config, 'en', warn);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toBe('ignoring unknown text keys: en.acept, cy.category.marketing.title');
  });

  it('knows every text of the dialog, the cookie tables’ and the consent cookie’s lifetime included', async () => {
    const warn = vi.fn();
    const config = resolveConfig({ texts: { en: Object.fromEntries([...Object.keys(enDialog), 'consentCookieExpires'].map((key) => [key, 'x'])) } });
    await resolveTexts(config, 'en', warn);
    expect(warn).not.toHaveBeenCalled();
    expect([...DIALOG_TEXT_KEYS].sort()).toEqual(Object.keys(enDialog).sort());
  });

  it('never reads Object.prototype for a language or a key', async () => {
    const { texts, lang } = await resolveTexts(resolveConfig({ texts: { en: {} } }), 'constructor', () => {});
    expect(lang).toBe('en');
    expect(texts.accept).toBe('Accept additional cookies');
  });
});

describe('English fallbacks inside another language', () => {
  it('are marked lang="en", part by part, so screen readers switch voice (WCAG 3.1.2)', async () => {
    document.documentElement.lang = 'fr';
    startConsent({
      texts: { fr: { bannerLabel: 'Cookies sur ce site', accept: 'Accepter les cookies', 'category.analytics.title': 'Cookies de mesure' } },
    });
    const banner = await region('Cookies sur ce site');
    const root = rootOf(banner);
    // The page is French, and so is the UI, so the root needs no lang of its own.
    expect(root.hasAttribute('lang')).toBe(false);
    expect(within(banner).getByRole('button', { name: 'Accepter les cookies' }).hasAttribute('lang')).toBe(false);
    expect(within(banner).getByRole('button', { name: 'Reject additional cookies' }).getAttribute('lang')).toBe('en');
    expect(
      within(banner)
        .getByText(/^We use some essential cookies/)
        .getAttribute('lang'),
    ).toBe('en');

    fireEvent.click(within(banner).getByRole('button', { name: 'Customise cookies' }));
    const panel = await screen.findByRole('dialog', { name: 'Customise cookies' });
    expect(within(panel).getByText('Customise cookies').getAttribute('lang')).toBe('en');
    // A translated category title is French; a built-in English one is marked.
    expect(within(panel).getByText('Cookies de mesure').hasAttribute('lang')).toBe(false);
    expect(
      within(panel)
        .getByText(/^These cookies help us understand/)
        .getAttribute('lang'),
    ).toBe('en');
    expect(within(panel).getByText('Preference cookies').getAttribute('lang')).toBe('en');
  });

  it('are not marked in a complete translation, nor on an English page', async () => {
    document.documentElement.lang = 'cy';
    startConsent();
    const welsh = await region(WELSH_LABEL);
    expect(rootOf(welsh).querySelectorAll('[lang]')).toHaveLength(0);
  });

  it('are not marked when the whole UI is English', async () => {
    document.documentElement.lang = 'en-GB';
    startConsent({ categories: { analytics: {}, marketing: {} } });
    const banner = await region();
    fireEvent.click(within(banner).getByRole('button', { name: 'Customise cookies' }));
    await screen.findByRole('dialog', { name: 'Customise cookies' });
    expect(rootOf(banner).querySelectorAll('[lang]')).toHaveLength(0);
  });
});
