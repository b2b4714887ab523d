// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ConfigError, readConsent, serializeConsent } from '../../src/server';

const ID = '3f9c2a7e0b1d4c6f8a2e5b7d9c0f1a3e';
const NOW = Date.UTC(2026, 10, 26);
const VALUE = `1.0.${NOW / 1000 - 60}.b.preferences=1&analytics=0.${ID}`;

describe('readConsent', () => {
  it('reads the consent cookie from a Cookie header among others', () => {
    const record = readConsent(`session=abc; biscuit_consent=${VALUE}; theme=dark`, {}, { now: NOW });
    expect(record).toMatchObject({
      decided: true,
      categories: { essential: true, preferences: true, analytics: false },
      id: ID,
      source: 'banner',
    });
  });

  it('gives no decision for a missing, empty, foreign or garbled header', () => {
    for (const header of [undefined, null, '', 'biscuit_consent=', 'biscuit_consent={"necessary":true}', ';;==;', 'biscuit_consent=%E0%A4%A']) {
      expect(readConsent(header, {}, { now: NOW }).decided).toBe(false);
    }
  });

  it('reads the value as a browser does: a percent-encoded, quoted or padded one is no decision there, so here too', () => {
    for (const value of [`"${VALUE}"`, VALUE.replace('&', '%26'), ` ${VALUE}`, `${VALUE} `, `${VALUE}\t`]) {
      expect(readConsent(`a=1; biscuit_consent=${value}; b=2`, {}, { now: NOW }).decided).toBe(false);
    }
  });

  it('gives no decision when duplicate consent cookies disagree (one planted by another subdomain or path)', () => {
    const refused = VALUE.replace('preferences=1', 'preferences=0');
    expect(readConsent(`biscuit_consent=${VALUE}; biscuit_consent=${refused}`, {}, { now: NOW }).decided).toBe(false);
    expect(readConsent(`biscuit_consent=${VALUE}; x=1; biscuit_consent=${VALUE}`, {}, { now: NOW }).decided).toBe(true);
  });

  it('throws a clear error for a now that is not a time', () => {
    expect(() => readConsent('', {}, { now: NaN })).toThrow('biscuit-consent: readConsent() options.now must be milliseconds since 1970');
  });

  it('gives no decision for a value with anything after the ID', () => {
    for (const tail of ['0', '.1', 'x', 'ff']) {
      expect(readConsent(`biscuit_consent=${VALUE}${tail}; theme=dark`, {}, { now: NOW }), tail).toMatchObject({ decided: false, id: null });
    }
  });

  it('uses the configured cookie name and categories', () => {
    const config = { cookie: { name: 'consent' }, categories: { analytics: {} } };
    expect(readConsent(`biscuit_consent=${VALUE}`, config, { now: NOW }).decided).toBe(false);
    expect(readConsent(`consent=${VALUE}`, config, { now: NOW }).categories).toEqual({ essential: true, analytics: false });
  });

  it('honours the Sec-GPC request header', () => {
    const config = { categories: { analytics: {}, marketing: {} } };
    const header = `biscuit_consent=1.0.${NOW / 1000}.b.analytics=1&marketing=1.${ID}`;
    expect(readConsent(header, config, { now: NOW }).categories.marketing).toBe(true);
    expect(readConsent(header, config, { now: NOW, gpc: '1' }).categories).toEqual({ essential: true, analytics: true, marketing: false });
    expect(readConsent(header, config, { now: NOW, gpc: '0' }).categories.marketing).toBe(true);
  });

  it('throws ConfigError for a bad config', () => {
    expect(() => readConsent('', { revision: -1 })).toThrow(ConfigError);
  });

  describe('with UK exemptions', () => {
    const config = { categories: { preferences: { exemption: 'appearance' }, analytics: { exemption: 'statistics' }, marketing: {} } } as const;
    const header = (choices: string, source = 'b') => `biscuit_consent=2.0.${NOW / 1000 - 60}.${source}.${choices}.${ID}`;

    it('tells categories granted by consent from those on because the visitor did not object', () => {
      expect(readConsent(header('preferences=1&analytics=e&marketing=0'), config, { now: NOW })).toMatchObject({
        decided: true,
        categories: { essential: true, preferences: true, analytics: true, marketing: false },
        exempt: ['analytics'],
      });
      expect(readConsent(header('preferences=0&analytics=e&marketing=0'), config, { now: NOW }).categories.preferences).toBe(false);
    });

    it('keeps them off for a visitor who has not decided, unless the page itself shows the notice', () => {
      expect(readConsent('', config, { now: NOW })).toMatchObject({ decided: false, categories: { analytics: false }, exempt: [] });
      expect(readConsent('', config, { now: NOW, noticeShown: true })).toMatchObject({
        decided: false,
        categories: { preferences: true, analytics: true, marketing: false },
        exempt: ['preferences', 'analytics'],
      });
    });

    it('counts Sec-GPC as an objection', () => {
      expect(readConsent(header('preferences=e&analytics=e&marketing=0'), config, { now: NOW, gpc: '1' }).categories).toEqual({
        essential: true,
        preferences: false,
        analytics: false,
        marketing: false,
      });
      expect(readConsent(header('preferences=e&analytics=1&marketing=0', 'p'), config, { now: NOW, gpc: '1' }).categories.analytics).toBe(true);
    });

    it('needs consent for everything with exemptions: false', () => {
      const abroad = { ...config, exemptions: false };
      expect(readConsent(header('preferences=1&analytics=1&marketing=0'), abroad, { now: NOW })).toMatchObject({ decided: true, exempt: [] });
      // The visitor never answered the question about analytics: ask it.
      expect(readConsent(header('preferences=1&analytics=e&marketing=0'), abroad, { now: NOW })).toMatchObject({
        decided: false,
        categories: { analytics: false },
      });
    });
  });
});

describe('serializeConsent', () => {
  it('writes a complete Set-Cookie header value', () => {
    expect(serializeConsent({ analytics: true }, {}, { now: NOW, id: ID })).toBe(
      `biscuit_consent=2.0.${NOW / 1000}.p.preferences=0&analytics=1.${ID}; Path=/; Max-Age=31536000; SameSite=Lax`,
    );
  });

  it('honours the cookie config and the secure option', () => {
    const header = serializeConsent(
      { analytics: false },
      { cookie: { name: 'c', domain: 'example.gov.uk', path: '/', expiresDays: 90, sameSite: 'strict' } },
      { secure: true },
    );
    expect(header).toMatch(
      /^c=2\.0\.\d+\.p\.preferences=0&analytics=0\.[\da-f]{32}; Path=\/; Domain=example\.gov\.uk; Max-Age=7776000; SameSite=Strict; Secure$/,
    );
  });

  it('leaves a category with an exemption that the form left out on under it, and objects to one refused', () => {
    const config = { categories: { analytics: { exemption: 'statistics' }, marketing: {} } } as const;
    expect(serializeConsent({}, config, { now: NOW, id: ID }).split(';')[0]).toBe(`biscuit_consent=2.0.${NOW / 1000}.p.analytics=e&marketing=0.${ID}`);
    expect(serializeConsent({ analytics: false }, config, { now: NOW, id: ID }).split(';')[0]).toMatch(/analytics=0&marketing=0/);
    const record = readConsent(serializeConsent({ marketing: true }, config, { now: NOW }).split(';')[0], config, { now: NOW });
    expect(record).toMatchObject({ categories: { analytics: true, marketing: true }, exempt: ['analytics'] });
  });

  it('keeps a choice as long as expiresDays says for what it grants', () => {
    const config = { cookie: { expiresDays: { granted: 365, refused: 90 } }, categories: { analytics: { exemption: 'statistics' }, marketing: {} } } as const;
    const maxAge = (choices: Parameters<typeof serializeConsent<typeof config>>[0]) => serializeConsent(choices, config).match(/Max-Age=(\d+)/)![1];
    expect(maxAge({ marketing: true })).toBe(String(365 * 86400));
    expect(maxAge({ analytics: true })).toBe(String(365 * 86400));
    expect(maxAge({})).toBe(String(90 * 86400));
    expect(maxAge({ analytics: false })).toBe(String(90 * 86400));
  });

  it('makes a new consent ID unless given a valid one', () => {
    const a = serializeConsent({}, {}, { id: 'not-an-id' });
    const b = serializeConsent({});
    expect(a.split(';')[0]!.slice(-32)).not.toBe(b.split(';')[0]!.slice(-32));
  });

  it('round-trips with readConsent', () => {
    const config = { categories: { analytics: {}, marketing: {} }, revision: 3 };
    const setCookie = serializeConsent({ marketing: true }, config, { now: NOW, id: ID, source: 'panel' });
    const record = readConsent(setCookie.split(';')[0], config, { now: NOW });
    expect(record).toEqual({
      decided: true,
      categories: { essential: true, analytics: false, marketing: true },
      exempt: [],
      revision: 3,
      updatedAt: new Date(NOW).toISOString(),
      id: ID,
      source: 'panel',
      previous: null,
    });
  });

  it('rejects a source or a time it cannot write, with a clear error', () => {
    for (const source of ['form', 'Panel', '', 7]) {
      expect(() => serializeConsent({}, {}, { source: source as never })).toThrow(
        'biscuit-consent: serializeConsent() options.source must be "banner", "panel", "api", "gpc" or "placeholder"',
      );
    }
    for (const now of [NaN, Infinity, -1, 1e16, '2026-01-01']) {
      expect(() => serializeConsent({}, {}, { now: now as never })).toThrow('biscuit-consent: serializeConsent() options.now must be milliseconds since 1970');
    }
    for (const source of ['banner', 'panel', 'api', 'gpc', 'placeholder'] as const) {
      expect(readConsent(serializeConsent({}, {}, { source, now: NOW }).split(';')[0], {}, { now: NOW }).source).toBe(source);
    }
  });

  it('writes a __Host- cookie Secure, on / and without a domain, and reads it back', () => {
    const config = { cookie: { name: '__Host-consent' } };
    const header = serializeConsent({ analytics: true }, config, { now: NOW, id: ID });
    expect(header).toBe(`__Host-consent=2.0.${NOW / 1000}.p.preferences=0&analytics=1.${ID}; Path=/; Max-Age=31536000; SameSite=Lax; Secure`);
    expect(readConsent(header.split(';')[0], config, { now: NOW }).categories.analytics).toBe(true);
  });

  it('rejects unknown categories and non-boolean choices', () => {
    expect(() => serializeConsent({ analytcs: true } as never)).toThrow(/serializeConsent\(\) takes configured categories/);
    expect(() => serializeConsent({ analytics: 'on' } as never)).toThrow(/not "analytics"/);
  });
});
