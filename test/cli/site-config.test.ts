// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { namePattern, readSiteConfig } from '../../src/cli/site-config';

describe('namePattern', () => {
  it('matches as the library does: * for any characters, everything else literally', () => {
    expect(namePattern('_ga*').test('_ga')).toBe(true);
    expect(namePattern('_ga*').test('_ga_ABC')).toBe(true);
    expect(namePattern('_ga*').test('x_ga')).toBe(false);
    expect(namePattern('a.b').test('axb')).toBe(false);
    expect(namePattern('ASP.NET_SessionId').test('ASP.NET_SessionId')).toBe(true);
  });
});

describe('readSiteConfig', () => {
  it('reads a config as written: categories as an object, names and patterns, texts', () => {
    const site = readSiteConfig({
      source: 'block',
      config: {
        cookie: { name: 'council_consent' },
        categories: { analytics: { cookies: ['_ga', '_ga_*'] }, support: { essential: true, cookies: ['chat_session'] } },
        texts: { en: { reject: 'No thanks', accept: 'Yes please' }, cy: { reject: 'Dim diolch' } },
      },
    });
    expect(site.source).toBe('block');
    expect(site.consentCookie).toBe('council_consent');
    expect(site.categories.map((category) => [category.name, category.essential, category.names.map((name) => name.label)])).toEqual([
      ['analytics', false, ['_ga', '_ga_*']],
      ['support', true, ['chat_session']],
    ]);
    expect(site.rejectTexts).toEqual(['No thanks', 'Dim diolch']);
    expect(site.acceptTexts).toEqual(['Yes please']);
    expect(site.problems).toEqual([]);
  });

  it('reads the live instance: categories as an array, RegExps serialised by the page', () => {
    const site = readSiteConfig({
      source: 'live',
      config: {
        categories: [
          { name: 'essential', essential: true, cookies: [] },
          { name: 'analytics', essential: false, cookies: [{ $regexp: ['^_hj', 'gi'] }] },
        ],
        cookie: { name: 'biscuit_consent' },
      },
    });
    const [essential, analytics] = site.categories;
    expect(essential).toMatchObject({ name: 'essential', essential: true });
    expect(analytics!.names[0]).toMatchObject({ label: '/^_hj/gi', kind: 'cookie' });
    // g and y would make test() stateful.
    expect(analytics!.names[0]!.test.flags).toBe('i');
    expect([analytics!.names[0]!.test.test('_HJID'), analytics!.names[0]!.test.test('_HJID')]).toEqual([true, true]);
  });

  it('reads declaration objects, web storage included', () => {
    const site = readSiteConfig({
      source: 'global',
      config: {
        categories: {
          preferences: { cookies: [{ name: 'theme', storage: 'localStorage', purpose: 'Remembers the theme' }, { name: 'lang*' }] },
        },
      },
    });
    expect(site.categories[0]!.names.map((name) => [name.label, name.kind])).toEqual([
      ['theme', 'localStorage'],
      ['lang*', 'cookie'],
    ]);
  });

  it('the essential category is essential whatever it says; exempt categories are on unless objected to', () => {
    const site = readSiteConfig({
      source: 'block',
      config: {
        categories: {
          essential: { essential: false },
          statistics: { exemption: 'statistics' },
          looks: { exemption: 'appearance' },
          ads: { exemption: 'advertising' },
        },
      },
    });
    expect(site.categories.map((category) => [category.name, category.essential, category.exempt])).toEqual([
      ['essential', true, false],
      ['statistics', false, true],
      ['looks', false, true],
      ['ads', false, false],
    ]);
    const outsideUk = readSiteConfig({ source: 'block', config: { exemptions: false, categories: { statistics: { exemption: 'statistics' } } } });
    expect(outsideUk.categories[0]!.exempt).toBe(false);
  });

  it('uses what it can of a broken config and lists the rest as problems', () => {
    const site = readSiteConfig({
      source: 'block',
      config: { categories: { analytics: { cookies: ['_ga', 42, '', { storage: 'indexedDB', name: 'x' }, { $regexp: ['(', ''] }] } }, cookie: { name: '' } },
    });
    expect(site.consentCookie).toBe('biscuit_consent');
    expect(site.categories[0]!.names.map((name) => name.label)).toEqual(['_ga']);
    expect(site.problems).toEqual([
      'categories.analytics.cookies[1] is not a name, pattern, RegExp or { name, storage } entry',
      'categories.analytics.cookies[2] is not a name, pattern, RegExp or { name, storage } entry',
      'categories.analytics.cookies[3] is not a name, pattern, RegExp or { name, storage } entry',
      'categories.analytics.cookies[4] is not a name, pattern, RegExp or { name, storage } entry',
    ]);
    expect(readSiteConfig({ source: 'block', error: 'the #biscuit-config block is not valid JSON (Unexpected token)' })).toMatchObject({
      categories: [],
      problems: ['the #biscuit-config block is not valid JSON (Unexpected token)'],
    });
    expect(readSiteConfig({ source: 'global', config: 'yes' }).problems).toEqual(['the config is not an object']);
  });
});
