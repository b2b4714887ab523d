// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { resolveConfig, type ConsentConfig } from '../../src/core/config';
import { declarationRows, localize, type DeclarationText } from '../../src/core/declaration';
import { consentCookieExpires, DECLARATION_TEXTS_CY, DECLARATION_TEXTS_EN, lifetimeInWords } from '../../src/core/declaration-texts';
import { createTextLookup } from '../../src/core/text-lookup';
import { namePattern } from '../../src/core/name-pattern';
import { createMemoryStorage } from '../../src/storage/memory';

/** The English texts, the consent cookie's lifetime worked out as the server and UI do. */
const english: DeclarationText = (key) => [key == 'consentCookieExpires' ? '1 year' : DECLARATION_TEXTS_EN[key], undefined];

function rowsOf(config: ConsentConfig, category = 'analytics', text = english, lang = 'en') {
  const resolved = resolveConfig(config);
  return declarationRows(resolved, resolved.categories.find(({ name }) => name == category)!, lang, text);
}

describe('declarationRows', () => {
  it('gives each entry its name, purpose, expiry and who sets it, in the config order', () => {
    const rows = rowsOf({
      categories: {
        analytics: {
          cookies: [
            { name: '_ga', provider: 'Google Analytics', purpose: 'Tells visitors apart.', expires: '2 years' },
            { name: 'visits', purpose: 'Counts your visits.', expires: 'Session' },
          ],
        },
      },
    });
    expect(rows).toEqual([
      {
        name: '_ga',
        purpose: 'Tells visitors apart.',
        expires: '2 years',
        setBy: 'Google Analytics',
        firstParty: false,
        storage: 'cookie',
        langs: { purpose: undefined, expires: undefined, setBy: undefined },
      },
      {
        name: 'visits',
        purpose: 'Counts your visits.',
        expires: 'Session',
        setBy: 'This website',
        firstParty: true,
        storage: 'cookie',
        langs: { purpose: undefined, expires: undefined, setBy: undefined },
      },
    ]);
  });

  it('shows a pattern as written, a RegExp as its source, and a label instead of either', () => {
    const rows = rowsOf({ categories: { analytics: { cookies: ['_ga_*', /^_hj/i, { name: /^_ga_/, label: '_ga_<container ID>' }] } } });
    expect(rows.map(({ name }) => name)).toEqual(['_ga_*', '/^_hj/i', '_ga_<container ID>']);
    expect(rows[0]).toMatchObject({ purpose: '', expires: '', setBy: 'This website' });
  });

  it('keeps web-storage entries, with their kind', () => {
    const rows = rowsOf({ categories: { analytics: { cookies: [{ name: 'yt-remote-device-id', provider: 'YouTube', storage: 'localStorage' }] } } });
    expect(rows[0]).toMatchObject({ name: 'yt-remote-device-id', setBy: 'YouTube', storage: 'localStorage' });
  });

  it('starts the essential table with the consent cookie: its real name, purpose and lifetime', () => {
    const rows = rowsOf(
      { cookie: { name: 'council_consent' }, categories: { essential: { cookies: [{ name: 'session', expires: 'Session' }] } } },
      'essential',
    );
    expect(rows.map(({ name }) => name)).toEqual(['council_consent', 'session']);
    expect(rows[0]).toEqual({
      name: 'council_consent',
      purpose: 'Saves your cookie consent settings',
      expires: '1 year',
      setBy: 'This website',
      firstParty: true,
      storage: 'cookie',
      langs: { purpose: undefined, expires: undefined, setBy: undefined },
    });
    // Only there.
    expect(rowsOf({}).map(({ name }) => name)).toEqual([]);
  });

  it('lets the site describe the consent cookie itself, and leaves it out when the choice is kept elsewhere', () => {
    const own = { name: 'biscuit_consent', purpose: 'Our words.', expires: '1 year' };
    expect(rowsOf({ categories: { essential: { cookies: [own] } } }, 'essential').map(({ purpose }) => purpose)).toEqual(['Our words.']);
    // A local-storage key of that name is something else.
    expect(rowsOf({ categories: { essential: { cookies: [{ ...own, storage: 'localStorage' }] } } }, 'essential')).toHaveLength(2);
    expect(rowsOf({ storage: createMemoryStorage() }, 'essential')).toEqual([]);
  });

  it('marks texts that are in another language than the table', () => {
    const welsh = createTextLookup(
      {},
      'cy',
      { ...DECLARATION_TEXTS_CY, consentCookieExpires: '1 flwyddyn' },
      { ...DECLARATION_TEXTS_EN, consentCookieExpires: '1 year' },
    );
    const rows = rowsOf(
      {
        categories: {
          analytics: {
            cookies: [{ name: '_ga', purpose: { en: 'Tells visitors apart.', cy: 'Yn gwahaniaethu rhwng ymwelwyr.' }, expires: { en: '2 years' } }],
          },
        },
      },
      'analytics',
      welsh.text as DeclarationText,
      'cy',
    );
    expect(rows[0]).toMatchObject({
      purpose: 'Yn gwahaniaethu rhwng ymwelwyr.',
      expires: '2 years',
      setBy: 'Y wefan hon',
      langs: { purpose: undefined, expires: 'en', setBy: undefined },
    });
  });
});

describe('localize', () => {
  it('takes the exact tag, then the primary language, then a regional form of it, then English, then the first given', () => {
    const text = { en: 'English', cy: 'Cymraeg', 'fr-CA': 'Français (Canada)', de: 'Deutsch' };
    expect(localize(text, 'cy')).toEqual(['Cymraeg', undefined]);
    expect(localize(text, 'CY-gb')).toEqual(['Cymraeg', undefined]);
    expect(localize({ ...text, 'cy-GB': 'Cymraeg (DU)' }, 'cy-gb')).toEqual(['Cymraeg (DU)', undefined]);
    expect(localize(text, 'fr')).toEqual(['Français (Canada)', undefined]);
    expect(localize(text, 'ga')).toEqual(['English', 'en']);
    expect(localize({ de: 'Deutsch', fr: 'Français' }, 'ga')).toEqual(['Deutsch', 'de']);
  });

  it('gives plain text as it is, and nothing as empty', () => {
    expect(localize('2 years', 'cy')).toEqual(['2 years', undefined]);
    expect(localize(undefined, 'en')).toEqual(['', undefined]);
    expect(localize({}, 'en')).toEqual(['', undefined]);
  });
});

describe('lifetimeInWords', () => {
  it('says whole years as years and the rest as days, in English', () => {
    expect([1, 2, 90, 364, 365, 400, 730].map((days) => lifetimeInWords(days, 'en-GB'))).toEqual([
      '1 day',
      '2 days',
      '90 days',
      '364 days',
      '1 year',
      '400 days',
      '2 years',
    ]);
  });

  it('mutates the Welsh noun after 1 and 2, and keeps it singular after other numbers', () => {
    expect([1, 2, 3, 90, 365, 730].map((days) => lifetimeInWords(days, 'cy'))).toEqual([
      '1 diwrnod',
      '2 ddiwrnod',
      '3 diwrnod',
      '90 diwrnod',
      '1 flwyddyn',
      '2 flynedd',
    ]);
  });

  it('has no words for other languages', () => {
    expect(lifetimeInWords(365, 'fr')).toBeUndefined();
  });
});

describe('createTextLookup', () => {
  const builtIn = { greeting: 'Helo', only: 'Dim ond Cymraeg' };
  const english = { greeting: 'Hello', only: 'Welsh only', fallback: 'English only' };

  it('prefers the config for the exact tag, then its language, then the built-in translation, then English', () => {
    const lookup = createTextLookup(
      { 'CY-gb': { greeting: 'Shwmae' }, cy: { only: 'Ein geiriau' }, en: { fallback: 'Our English' } },
      'cy-GB',
      builtIn,
      english,
    );
    expect(lookup.lang).toBe('cy-GB');
    expect(lookup.text('greeting')).toEqual(['Shwmae', undefined]);
    expect(lookup.text('only')).toEqual(['Ein geiriau', undefined]);
    expect(lookup.text('fallback')).toEqual(['Our English', 'en']);
    expect(lookup.text('missing')).toEqual([undefined, undefined]);
  });

  it('falls back to English, unmarked, for a language nobody translated', () => {
    const lookup = createTextLookup({}, 'ga', undefined, english);
    expect(lookup.lang).toBe('en');
    expect(lookup.text('greeting')).toEqual(['Hello', undefined]);
  });

  it('never answers from Object.prototype', () => {
    expect(createTextLookup({}, 'en', undefined, english).text('constructor')).toEqual([undefined, undefined]);
  });
});

describe('namePattern', () => {
  it('reads * as any characters and everything else literally', () => {
    const test = (pattern: string, name: string) => namePattern(pattern).test(name);
    expect(test('_ga_*', '_ga_ABC123')).toBe(true);
    expect(test('_ga_*', '_ga')).toBe(false);
    expect(test('_pk_id.*', '_pk_id.1.abcd')).toBe(true);
    expect(test('_pk_id.*', '_pk_idX1')).toBe(false);
    expect(test('a+b(c)', 'a+b(c)')).toBe(true);
    expect(test('*', 'anything')).toBe(true);
  });

  it('drops the g and y flags, which would make a RegExp skip names', () => {
    const test = namePattern(/^_hj/gy);
    expect([test.test('_hjA'), test.test('_hjB')]).toEqual([true, true]);
    expect(namePattern(/^yt/i).test('YT-remote')).toBe(true);
  });
});

describe('consentCookieExpires', () => {
  it('takes the site’s words for the language, else the built-in ones, else English marked as such', () => {
    expect(consentCookieExpires(['Six months', undefined], 365, 'en')).toEqual(['Six months', undefined]);
    expect(consentCookieExpires([undefined, 'en'], 730, 'cy-GB')).toEqual(['2 flynedd', undefined]);
    // The site's English does not beat built-in Welsh words on a Welsh page.
    expect(consentCookieExpires(['Six months', 'en'], 365, 'cy')).toEqual(['1 flwyddyn', undefined]);
    expect(consentCookieExpires(['Six months', 'en'], 365, 'fr')).toEqual(['Six months', 'en']);
    expect(consentCookieExpires([undefined, 'en'], 90, 'fr')).toEqual(['90 days', 'en']);
  });
});
