// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ConfigError, cookieTables } from '../../src/server';

const config = {
  cookie: { name: 'council_consent', expiresDays: 180 },
  categories: {
    analytics: {
      cookies: [
        {
          name: '_ga',
          provider: 'Google Analytics',
          purpose: { en: 'Tells visitors apart.', cy: 'Yn gwahaniaethu rhwng ymwelwyr.' },
          expires: { en: '2 years', cy: '2 flynedd' },
        },
        { name: /^_ga_/, label: '_ga_<container ID>', provider: 'Google Analytics', purpose: 'Keeps the state of your visit.' },
      ],
    },
    marketing: { cookies: [{ name: 'yt-remote-*', provider: 'YouTube', storage: 'localStorage' as const }] },
  },
};

describe('cookieTables', () => {
  it('gives every category its rows, the consent cookie first under essential', () => {
    const tables = cookieTables(config);
    expect(tables.lang).toBe('en');
    expect(tables.categories.map(({ category, essential, rows }) => [category, essential, rows.map(({ name }) => name)])).toEqual([
      ['essential', true, ['council_consent']],
      ['analytics', false, ['_ga', '_ga_<container ID>']],
      ['marketing', false, ['yt-remote-*']],
    ]);
    expect(tables.categories[0]!.rows[0]).toMatchObject({ purpose: 'Saves your cookie consent settings', expires: '180 days', setBy: 'This website' });
    expect(tables.categories[1]!.rows[0]).toMatchObject({ purpose: 'Tells visitors apart.', expires: '2 years', setBy: 'Google Analytics', firstParty: false });
    expect(tables.categories[2]!.rows[0]).toMatchObject({ storage: 'localStorage', setBy: 'YouTube' });
  });

  it("declares the consent cookie's longer lifetime when a choice that grants nothing is kept for less", () => {
    const expires = (expiresDays: unknown) => cookieTables({ ...config, cookie: { expiresDays } } as typeof config).categories[0]!.rows[0]!.expires;
    expect(expires({ granted: 365, refused: 180 })).toBe('1 year');
    expect(expires({ granted: 90, refused: 730 })).toBe('2 years');
  });

  it('heads the tables in the same words as the dialog', () => {
    const { texts, langs } = cookieTables();
    expect([texts.cookieName, texts.cookiePurpose, texts.cookieExpires, texts.cookieSetBy]).toEqual(['Name', 'Purpose', 'Expires', 'Set by']);
    expect(texts.cookiesUsed).toBe('Cookies used ({count})');
    expect(langs).toEqual({});
  });

  it('speaks Welsh, the consent cookie included', () => {
    const tables = cookieTables(config, { lang: 'cy-GB' });
    expect(tables.lang).toBe('cy-GB');
    expect([tables.texts.cookieName, tables.texts.cookiePurpose, tables.texts.cookieExpires]).toEqual(['Enw', 'Diben', 'Yn dod i ben']);
    expect(tables.categories[0]!.rows[0]).toMatchObject({ purpose: 'Cadw’ch gosodiadau caniatâd cwcis', expires: '180 diwrnod', setBy: 'Y wefan hon' });
    expect(tables.categories[1]!.rows[0]).toMatchObject({ purpose: 'Yn gwahaniaethu rhwng ymwelwyr.', expires: '2 flynedd' });
    // Plain text has no language of its own: it is the page's.
    expect(tables.categories[1]!.rows[1]!.langs).toEqual({ purpose: undefined, expires: undefined, setBy: undefined });
  });

  it('takes config.lang when the call names no language', () => {
    expect(cookieTables({ ...config, lang: 'cy' }).texts.cookieSetBy).toBe('Gosodir gan');
  });

  it('takes the site’s own words through texts, the consent cookie’s lifetime included', () => {
    const tables = cookieTables({
      ...config,
      texts: { en: { cookieSetBy: 'Who sets it', consentCookiePurpose: 'Remembers your choice.', consentCookieExpires: 'Six months' } },
    });
    expect(tables.texts.cookieSetBy).toBe('Who sets it');
    expect(tables.categories[0]!.rows[0]).toMatchObject({ purpose: 'Remembers your choice.', expires: 'Six months' });
  });

  it('marks English inside another language, and gives the site’s language when it has texts in it', () => {
    const tables = cookieTables({ ...config, texts: { fr: { cookieName: 'Nom' } } }, { lang: 'fr' });
    expect(tables.lang).toBe('fr');
    expect(tables.texts.cookieName).toBe('Nom');
    expect(tables.langs.cookiePurpose).toBe('en');
    expect(tables.langs.cookieName).toBeUndefined();
    expect(tables.categories[0]!.rows[0]).toMatchObject({ expires: '180 days', langs: { purpose: 'en', expires: 'en', setBy: 'en' } });
  });

  it('falls back to English, unmarked, in a language nobody translated', () => {
    const tables = cookieTables(config, { lang: 'ga' });
    expect(tables.lang).toBe('en');
    expect(tables.langs).toEqual({});
    expect(tables.categories[1]!.rows[0]).toMatchObject({ purpose: 'Tells visitors apart.', langs: { purpose: undefined } });
  });

  it('throws ConfigError for a bad config', () => {
    expect(() => cookieTables({ categories: { analytics: { cookies: [{ name: '_ga', purpose: { cy: 1 } }] } } } as never)).toThrow(ConfigError);
  });
});
