// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { resolveConfig } from '../../src/core/config';
import { ConfigError } from '../../src/core/errors';

const names = (config: unknown) => resolveConfig(config).categories.map((category) => category.name);

/** The message of the ConfigError `config` throws. */
function errorOf(config: unknown): string {
  try {
    resolveConfig(config);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('categories', () => {
  it('defaults to essential, preferences and analytics', () => {
    const { categories } = resolveConfig();
    expect(categories.map(({ name, essential }) => [name, essential])).toEqual([
      ['essential', true],
      ['preferences', false],
      ['analytics', false],
    ]);
  });

  it('always has essential, first, even when the config lists only optional ones', () => {
    expect(names({ categories: { marketing: {} } })).toEqual(['essential', 'marketing']);
    expect(names({ categories: { analytics: {}, essential: { title: 'Needed' } } })).toEqual(['essential', 'analytics']);
    expect(resolveConfig({ categories: { analytics: {}, essential: { title: 'Needed' } } }).categories[0]!.title).toBe('Needed');
  });

  it('keeps the configured order of optional categories', () => {
    expect(names({ categories: { marketing: {}, analytics: {}, preferences: {} } })).toEqual(['essential', 'marketing', 'analytics', 'preferences']);
  });

  it('honours Global Privacy Control for marketing by default, and where a category asks to', () => {
    const { categories } = resolveConfig({ categories: { analytics: {}, marketing: {}, social: { gpc: true } } });
    expect(categories.map(({ name, gpc }) => [name, gpc])).toEqual([
      ['essential', false],
      ['analytics', false],
      ['marketing', true],
      ['social', true],
    ]);
  });

  it('rejects names that are not lowercase identifiers', () => {
    for (const name of ['Analytics', '1st', 'ad-tracking', 'a b', '', '__proto__', 'constructor']) {
      expect(errorOf(JSON.parse(`{"categories": {${JSON.stringify(name)}: {}}}`))).toBe(
        `biscuit-consent: config.categories.${name} must be named in lowercase letters, digits and _ (not "constructor")`,
      );
    }
  });

  it('rejects a category that is not an object, or has a non-string title or description', () => {
    expect(errorOf({ categories: { analytics: true } })).toBe('biscuit-consent: config.categories.analytics must be an object');
    expect(errorOf({ categories: { analytics: [] } })).toMatch(/categories\.analytics must be an object/);
    expect(errorOf({ categories: { analytics: { title: 3 } } })).toBe('biscuit-consent: config.categories.analytics.title must be a string');
    expect(errorOf({ categories: { analytics: { description: null } } })).toMatch(/analytics\.description must be a string/);
  });

  it('refuses to make essential cookies optional', () => {
    expect(errorOf({ categories: { essential: { essential: false } } })).toBe(
      'biscuit-consent: config.categories.essential.essential must be true: essential cookies cannot be refused',
    );
  });

  it('names the exact cookie pattern at fault', () => {
    expect(errorOf({ categories: { analytics: { cookies: ['_ga', /^_gid/, 42] } } })).toBe(
      'biscuit-consent: config.categories.analytics.cookies[2] must be a name, "*" pattern, RegExp or { name, … }',
    );
    expect(errorOf({ categories: { analytics: { cookies: ['_ga', ''] } } })).toMatch(/analytics\.cookies\[1\] must be a name/);
    expect(errorOf({ categories: { analytics: { cookies: '_ga' } } })).toMatch(/analytics\.cookies must be an array/);
  });

  it('caps the number of categories, naming the first one too many, so the script tag can leave out just the extra ones', () => {
    const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`c${i}`, {}]));
    expect(errorOf({ categories: many })).toBe('biscuit-consent: config.categories.c31 must be left out: at most 32 categories, essential included');
    expect(names({ categories: { ...Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`c${i}`, {}])), essential: {} } })).toHaveLength(32);
  });
});

describe('cookie declarations', () => {
  const cookiesOf = (cookies: unknown) => resolveConfig({ categories: { analytics: { cookies } } }).categories[1]!.cookies;

  it('makes bare names, patterns and RegExps declarations of cookies by that name alone', () => {
    expect(cookiesOf(['_ga', '_ga_*', /^_hj/])).toEqual([
      { name: '_ga', label: undefined, provider: undefined, purpose: undefined, expires: undefined, storage: 'cookie' },
      { name: '_ga_*', label: undefined, provider: undefined, purpose: undefined, expires: undefined, storage: 'cookie' },
      { name: /^_hj/, label: undefined, provider: undefined, purpose: undefined, expires: undefined, storage: 'cookie' },
    ]);
  });

  it('keeps every field of a declaration, and defaults its storage to a cookie', () => {
    const declared = {
      name: /^_ga_/,
      label: '_ga_<container ID>',
      provider: 'Google Analytics',
      purpose: { en: 'Keeps the state of your visit', cy: 'Yn cadw cyflwr eich ymweliad' },
      expires: '2 years',
    };
    expect(cookiesOf([declared, { name: 'yt-remote-device-id', storage: 'localStorage' }])).toEqual([
      { ...declared, storage: 'cookie' },
      { name: 'yt-remote-device-id', label: undefined, provider: undefined, purpose: undefined, expires: undefined, storage: 'localStorage' },
    ]);
    expect(cookiesOf([{ name: 'tab', storage: 'sessionStorage' }])[0]!.storage).toBe('sessionStorage');
    // Saying so is allowed too.
    expect(cookiesOf([{ name: 'lang', storage: 'cookie' }])[0]!.storage).toBe('cookie');
  });

  it('names the field of a bad declaration, down to the language of a text', () => {
    const at = (entry: unknown) => errorOf({ categories: { analytics: { cookies: ['_ga', '_gid', entry] } } });
    expect(at({ purpose: 'No name' })).toBe('biscuit-consent: config.categories.analytics.cookies[2] must be a name, "*" pattern, RegExp or { name, … }');
    expect(at({ name: '' })).toBe('biscuit-consent: config.categories.analytics.cookies[2] must be a name, "*" pattern, RegExp or { name, … }');
    expect(at({ name: 7, purpose: 'Counts visits' })).toMatch(/cookies\[2\] must be a name/);
    expect(at({ name: '_ga', provider: 7 })).toBe('biscuit-consent: config.categories.analytics.cookies[2].provider must be a string');
    expect(at({ name: '_ga', label: /x/ })).toMatch(/cookies\[2\]\.label must be a string/);
    expect(at({ name: '_ga', purpose: 7 })).toMatch(/cookies\[2\]\.purpose must be a string or \{ lang: string \}/);
    expect(at({ name: '_ga', purpose: { en: 'Counts visits', cy: 7 } })).toBe(
      'biscuit-consent: config.categories.analytics.cookies[2].purpose.cy must be a string, under a language code',
    );
    expect(at({ name: '_ga', expires: { 'not a language': '2 years' } })).toMatch(/cookies\[2\]\.expires\.not a language must be/);
    expect(at({ name: '_ga', storage: 'indexedDB' })).toBe(
      'biscuit-consent: config.categories.analytics.cookies[2].storage must be "cookie", "localStorage" or "sessionStorage"',
    );
  });

  it("reads only the entry's own fields", () => {
    const entry = Object.assign(Object.create({ storage: 'localStorage', provider: 'Inherited' }), { name: '_ga' });
    expect(cookiesOf([entry])[0]).toMatchObject({ storage: 'cookie', provider: undefined });
  });
});

describe('UK exemptions', () => {
  const exemptions = (config: unknown) =>
    resolveConfig(config)
      .categories.filter((category) => !category.essential)
      .map(({ name, exemption }) => [name, exemption]);

  it('takes "statistics" or "appearance" per category, and none by default', () => {
    expect(exemptions({ categories: { preferences: { exemption: 'appearance' }, analytics: { exemption: 'statistics' }, social: {} } })).toEqual([
      ['preferences', 'appearance'],
      ['analytics', 'statistics'],
      ['social', undefined],
    ]);
    expect(exemptions({})).toEqual([
      ['preferences', undefined],
      ['analytics', undefined],
    ]);
    for (const exemption of ['analytics', 'Statistics', true, '']) {
      expect(errorOf({ categories: { analytics: { exemption } } })).toBe(
        'biscuit-consent: config.categories.analytics.exemption must be "statistics" or "appearance"',
      );
    }
  });

  it('turns every exemption off with exemptions: false, still checking them', () => {
    const config = { exemptions: false, categories: { analytics: { exemption: 'statistics' } } };
    expect(exemptions(config)).toEqual([['analytics', undefined]]);
    expect(resolveConfig(config).exemptions).toBe(false);
    expect(resolveConfig({}).exemptions).toBe(true);
    expect(errorOf({ exemptions: 'no' })).toBe('biscuit-consent: config.exemptions must be a boolean');
    expect(errorOf({ exemptions: false, categories: { marketing: { exemption: 'statistics' } } })).toMatch(
      /^biscuit-consent: config\.categories\.marketing\.exemption must be left out: essential and advertising/,
    );
  });

  const refused = (name: string) =>
    `biscuit-consent: config.categories.${name}.exemption must be left out: essential and advertising categories (mapped to an ad_ Consent Mode signal) cannot be exempt`;

  it('refuses an exemption on an essential category', () => {
    expect(errorOf({ categories: { essential: { exemption: 'appearance' } } })).toBe(refused('essential'));
    expect(errorOf({ categories: { security: { essential: true, exemption: 'statistics' } } })).toBe(refused('security'));
  });

  it('refuses an exemption on an advertising category, with Consent Mode on or off', () => {
    expect(errorOf({ categories: { marketing: { exemption: 'statistics' } } })).toBe(refused('marketing'));
    expect(errorOf({ googleConsentMode: true, categories: { marketing: { exemption: 'statistics' } } })).toBe(refused('marketing'));
    // A mapping of its own decides what a category stands for.
    for (const signal of ['ad_storage', 'ad_user_data', 'ad_personalization'] as const) {
      expect(
        errorOf({ googleConsentMode: { mapping: { analytics: ['analytics_storage', signal] } }, categories: { analytics: { exemption: 'statistics' } } }),
      ).toBe(refused('analytics'));
    }
    expect(
      exemptions({ googleConsentMode: { mapping: { marketing: ['analytics_storage'] } }, categories: { marketing: { exemption: 'statistics' } } }),
    ).toEqual([['marketing', 'statistics']]);
    expect(exemptions({ googleConsentMode: true, categories: { analytics: { exemption: 'statistics' }, preferences: { exemption: 'appearance' } } })).toEqual([
      ['analytics', 'statistics'],
      ['preferences', 'appearance'],
    ]);
  });
});

describe('the cookie', () => {
  it('defaults to a Lax cookie on / kept 365 days', () => {
    expect(resolveConfig().cookie).toEqual({
      name: 'biscuit_consent',
      domain: undefined,
      path: '/',
      expiresDays: { granted: 365, refused: 365 },
      sameSite: 'lax',
      secure: undefined,
    });
  });

  it('accepts expiresDays from 1 to 730 whole days, for every choice alike', () => {
    expect(resolveConfig({ cookie: { expiresDays: 1 } }).cookie.expiresDays).toEqual({ granted: 1, refused: 1 });
    expect(resolveConfig({ cookie: { expiresDays: 730 } }).cookie.expiresDays).toEqual({ granted: 730, refused: 730 });
    for (const expiresDays of [0, 731, 1.5, '365', -1, Number.NaN, null, [30]]) {
      expect(errorOf({ cookie: { expiresDays } })).toBe('biscuit-consent: config.cookie.expiresDays must be a whole number of days from 1 to 730');
    }
  });

  it('accepts one lifetime for choices that grant something and one for those that do not', () => {
    expect(resolveConfig({ cookie: { expiresDays: { granted: 365, refused: 180 } } }).cookie.expiresDays).toEqual({ granted: 365, refused: 180 });
    expect(resolveConfig({ cookie: { expiresDays: { refused: 90 } } }).cookie.expiresDays).toEqual({ granted: 365, refused: 90 });
    expect(resolveConfig({ cookie: { expiresDays: {} } }).cookie.expiresDays).toEqual({ granted: 365, refused: 365 });
    expect(errorOf({ cookie: { expiresDays: { granted: 365, refused: 0 } } })).toBe(
      'biscuit-consent: config.cookie.expiresDays.refused must be a whole number of days from 1 to 730',
    );
    expect(errorOf({ cookie: { expiresDays: { granted: '1y' } } })).toMatch(/config\.cookie\.expiresDays\.granted must be/);
  });

  it('accepts the three SameSite values in either case and nothing else', () => {
    expect(resolveConfig({ cookie: { sameSite: 'Strict' } }).cookie.sameSite).toBe('strict');
    expect(errorOf({ cookie: { sameSite: 'loose' } })).toBe('biscuit-consent: config.cookie.sameSite must be "lax", "strict" or "none"');
  });

  it('refuses SameSite=None without Secure, which browsers would drop', () => {
    expect(errorOf({ cookie: { sameSite: 'none', secure: false } })).toMatch(/cookie\.secure must be true when sameSite is "none"/);
    expect(resolveConfig({ cookie: { sameSite: 'none', secure: true } }).cookie.secure).toBe(true);
  });

  it('checks the name, domain and path', () => {
    expect(errorOf({ cookie: { name: 'my cookie' } })).toMatch(/cookie\.name must be a cookie name/);
    expect(errorOf({ cookie: { domain: 'exa mple.com' } })).toMatch(/cookie\.domain must be a host name/);
    expect(errorOf({ cookie: { path: 'cookies' } })).toMatch(/cookie\.path must be a path starting with "\/"/);
    expect(resolveConfig({ cookie: { domain: '.example.gov.uk', path: '/app' } }).cookie).toMatchObject({
      domain: '.example.gov.uk',
      path: '/app',
    });
  });

  it('never lets a domain or path carry more attributes into the cookie', () => {
    for (const cookie of [
      { domain: 'example.gov.uk;secure' },
      { domain: 'example.gov.uk; SameSite=None' },
      { path: '/; Domain=evil.example' },
      { path: '/app\n' },
      { path: 'app/' },
    ]) {
      expect(errorOf({ cookie }), JSON.stringify(cookie)).toMatch(/^biscuit-consent: config\.cookie\.(domain|path) must be/);
    }
  });

  it('treats __Host- and __Secure- as prefixes only: a name that merely contains one is an ordinary name', () => {
    expect(resolveConfig({ cookie: { name: 'site__host-consent', domain: 'example.gov.uk', path: '/app' } }).cookie).toMatchObject({
      domain: 'example.gov.uk',
      path: '/app',
      secure: undefined,
    });
  });

  it('takes only names js-cookie writes as they are, so the cookie always reads back', () => {
    for (const name of ['consent%41', 'a(b)', 'a,b', 'a;b', 'é', 'a"b', '']) {
      expect(errorOf({ cookie: { name } })).toBe('biscuit-consent: config.cookie.name must be a cookie name');
    }
    for (const name of ["a!#$&'*+-.^_`|~z", '__Secure-consent', '__Host-consent']) expect(resolveConfig({ cookie: { name } }).cookie.name).toBe(name);
  });

  it('keeps the rules of __Host- and __Secure- names (any case): always Secure; __Host- on / and without a domain', () => {
    expect(resolveConfig({ cookie: { name: '__Host-consent' } }).cookie).toMatchObject({ secure: true, path: '/', domain: undefined });
    expect(resolveConfig({ cookie: { name: '__secure-consent', domain: 'example.gov.uk' } }).cookie.secure).toBe(true);
    expect(errorOf({ cookie: { name: '__Host-consent', secure: false } })).toBe(
      'biscuit-consent: config.cookie.secure must be true for a __Secure- or __Host- name',
    );
    expect(errorOf({ cookie: { name: '__SECURE-consent', secure: false } })).toMatch(/cookie\.secure must be true/);
    expect(errorOf({ cookie: { name: '__host-consent', domain: 'example.gov.uk' } })).toBe(
      'biscuit-consent: config.cookie.domain must be left out for a __Host- name',
    );
    expect(errorOf({ cookie: { name: '__Host-consent', path: '/app' } })).toBe('biscuit-consent: config.cookie.path must be "/" for a __Host- name');
  });
});

describe('other fields', () => {
  it('fails fast on a config that is not an object', () => {
    for (const config of [null, 'analytics', 42, [], true]) {
      expect(errorOf(config)).toBe('biscuit-consent: config.(root) must be an object');
    }
  });

  it('wants revision to be a whole number', () => {
    expect(resolveConfig({ revision: 3 }).revision).toBe(3);
    for (const revision of [1.5, -1, '2', null]) {
      expect(errorOf({ revision })).toMatch(/^biscuit-consent: config\.revision must be a whole number from 0/);
    }
  });

  it('allows only relative and http(s) links', () => {
    for (const url of ['/cookies', 'https://example.gov.uk/cookies', 'http://intranet.example/cookies', 'cookies.html', '?page=cookies', '#cookies']) {
      expect(resolveConfig({ cookiesPageUrl: url }).cookiesPageUrl).toBe(url);
    }
    for (const url of ['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', '']) {
      expect(errorOf({ cookiesPageUrl: url })).toBe('biscuit-consent: config.cookiesPageUrl must be a relative or http(s) URL');
    }
  });

  it('checks texts per language', () => {
    expect(resolveConfig({ texts: { cy: { accept: 'Derbyn' } } }).texts).toEqual({ cy: { accept: 'Derbyn' } });
    expect(errorOf({ texts: { english: {} } })).toMatch(/texts\.english must be an object of texts, keyed by a language code/);
    expect(errorOf({ texts: { en: 'hello' } })).toMatch(/texts\.en must be an object of texts/);
    expect(errorOf({ texts: { en: { accept: 1 } } })).toBe('biscuit-consent: config.texts.en.accept must be a string');
  });

  it('takes language codes with region and script subtags', () => {
    for (const lang of ['cy', 'en-GB', 'zh-Hant-TW', 'es-419', 'ast']) {
      expect(resolveConfig({ lang }).lang).toBe(lang);
      expect(resolveConfig({ texts: { [lang]: { accept: 'OK' } } }).texts).toEqual({ [lang]: { accept: 'OK' } });
    }
    for (const lang of ['e', 'english', 'en_GB', 'en-', 'en-G', 'en-GBGBGBGBG']) {
      expect(errorOf({ lang }), lang).toMatch(/config\.lang must be a language code/);
    }
  });

  it('wants text, not something that only turns into matching text', () => {
    expect(errorOf({ lang: ['cy'] })).toMatch(/config\.lang must be a language code/);
    expect(errorOf({ cookie: { name: 12345 } })).toBe('biscuit-consent: config.cookie.name must be a cookie name');
    expect(errorOf({ cookie: { path: { toString: () => '/' } } })).toMatch(/config\.cookie\.path must be a path starting with "\/"/);
    expect(errorOf({ cookiesPageUrl: new URL('https://example.gov.uk/cookies') })).toMatch(/config\.cookiesPageUrl must be a relative or http\(s\) URL/);
  });

  it('checks lang, bannerLayout, nonce and storage', () => {
    expect(resolveConfig({ bannerLayout: 'inline' }).bannerLayout).toBe('inline');
    expect(resolveConfig({ bannerLayout: 'fixed' }).bannerLayout).toBe('fixed');
    expect(errorOf({ lang: 'welsh!' })).toMatch(/config\.lang must be a language code/);
    expect(errorOf({ bannerLayout: 'top' })).toBe('biscuit-consent: config.bannerLayout must be "fixed" or "inline"');
    expect(errorOf({ nonce: 1 })).toBe('biscuit-consent: config.nonce must be a string');
    expect(errorOf({ storage: { read() {} } })).toMatch(/config\.storage must be an object with read, write and remove methods/);
  });

  it('checks Google Consent Mode options', () => {
    expect(resolveConfig({ googleConsentMode: true }).googleConsentMode).toEqual({ region: undefined, waitForUpdate: 500, mapping: {} });
    expect(resolveConfig({}).googleConsentMode).toBeUndefined();
    expect(errorOf({ googleConsentMode: { mapping: { adverts: ['ad_storage'] } } })).toMatch(
      /googleConsentMode\.mapping\.adverts must be a configured category/,
    );
    expect(errorOf({ googleConsentMode: { mapping: { analytics: ['analytics'] } } })).toMatch(
      /googleConsentMode\.mapping\.analytics must be an array of Consent Mode signals/,
    );
    expect(errorOf({ googleConsentMode: { region: ['United Kingdom'] } })).toMatch(/googleConsentMode\.region must be an array of region codes/);
    // ISO 3166-2: a country, or a country and a subdivision of up to three letters or digits.
    const region = ['GB', 'US-CA', 'GB-ENG', 'FR-75', 'es-an'];
    expect(resolveConfig({ googleConsentMode: { region } }).googleConsentMode!.region).toEqual(region);
    for (const codes of [['GB', 'UK-'], ['GB', 'GB-ENGL'], ['GBR']]) {
      expect(errorOf({ googleConsentMode: { region: codes } }), codes.join()).toMatch(/googleConsentMode\.region must be an array of region codes/);
    }
    expect(errorOf({ googleConsentMode: { mapping: [] } })).toBe('biscuit-consent: config.googleConsentMode.mapping must be an object');
    expect(errorOf({ googleConsentMode: { mapping: { analytics: ['analytics_storage', 'analytics'] } } })).toMatch(
      /googleConsentMode\.mapping\.analytics must be an array of Consent Mode signals/,
    );
    expect(errorOf({ googleConsentMode: { waitForUpdate: -5 } })).toMatch(/waitForUpdate must be a whole number of milliseconds/);
  });

  it('checks the consent log', () => {
    expect(resolveConfig({ consentLog: { url: '/log' } }).consentLog).toEqual({ url: '/log', required: false });
    expect(errorOf({ consentLog: {} })).toBe('biscuit-consent: config.consentLog.url must be a relative or http(s) URL');
    expect(errorOf({ consentLog: { url: '/log', required: 'yes' } })).toMatch(/consentLog\.required must be a boolean/);
  });

  it('says what each field expects', () => {
    for (const [config, message] of [
      [{ categories: 'analytics' }, 'categories must be an object'],
      [{ categories: { analytics: { essential: 'yes' } } }, 'categories.analytics.essential must be a boolean'],
      [{ categories: { marketing: { gpc: 1 } } }, 'categories.marketing.gpc must be a boolean'],
      [{ cookie: { secure: 'true' } }, 'cookie.secure must be a boolean'],
      [{ texts: ['cy'] }, 'texts must be an object'],
      [{ reloadOnWithdraw: 'no' }, 'reloadOnWithdraw must be a boolean'],
    ] as const) {
      expect(errorOf(config)).toBe(`biscuit-consent: config.${message}`);
    }
  });

  it('fills in the defaults of the optional switches: a fixed banner, no reload on withdrawal', () => {
    expect(resolveConfig({})).toMatchObject({ bannerLayout: 'fixed', reloadOnWithdraw: false });
  });

  it('warns nothing when every top-level key is known', () => {
    const warn = vi.fn();
    resolveConfig({ revision: 1, cookiesPageUrl: '/cookies', categories: { analytics: {} } }, warn);
    expect(warn).not.toHaveBeenCalled();
  });

  it('warns once about unknown top-level keys instead of throwing', () => {
    const warn = vi.fn();
    resolveConfig({ cookiesPage: '/cookies', theme: 'dark', revision: 1 }, warn);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith('ignoring unknown config keys: cookiesPage, theme');
  });

  it('exposes ConfigError.path for programs', () => {
    try {
      resolveConfig({ cookie: { expiresDays: 0 } });
    } catch (error) {
      expect((error as ConfigError).path).toBe('cookie.expiresDays');
      expect((error as ConfigError).name).toBe('ConfigError');
    }
    expect.assertions(2);
  });
});
