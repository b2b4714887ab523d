// @vitest-environment node
// Malformed input never escapes as an exception (other than a ConfigError for
// a bad config), never reaches Object.prototype, and reads as no decision.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeConsent } from '../../src/core/codec';
import { resolveConfig } from '../../src/core/config';
import { ConfigError } from '../../src/core/errors';
import { readConsent } from '../../src/server';

// Thousands of generated cases per test: more than the default 5 s on a busy two-core machine.
vi.setConfig({ testTimeout: 30_000 });

const POLLUTING = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'];

/** JSON text with prototype-polluting keys anywhere, parsed as a CMS config would be. */
const hostileJson = fc
  .letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 2 }), tie('object'), fc.array(tie('value'), { maxLength: 3 })),
    object: fc.dictionary(
      fc.oneof(
        fc.constantFrom(
          ...POLLUTING,
          'categories',
          'cookie',
          'texts',
          'en',
          'analytics',
          'title',
          'cookies',
          'googleConsentMode',
          'mapping',
          'consentLog',
          'url',
        ),
        fc.string(),
      ),
      tie('value'),
      { maxKeys: 5 },
    ),
  }))
  .object.map((value) => JSON.parse(JSON.stringify(value).replace(/"(constructor|prototype)"/g, '"__proto__"')) as unknown);

const big = (size: number) => fc.string({ minLength: size, maxLength: size, unit: 'grapheme-ascii' });

/** Object.prototype must come out as it went in. */
function expectCleanPrototype() {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_NAMES);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).title).toBeUndefined();
}
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();

afterEach(expectCleanPrototype);

describe('config validation', () => {
  it('either resolves or throws a ConfigError, for any JSON', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), hostileJson), (config) => {
        try {
          const resolved = resolveConfig(config);
          expect(resolved.categories[0]!.name).toBe('essential');
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError);
        }
        expectCleanPrototype();
      }),
      { numRuns: 3000 },
    );
  });

  it('rejects prototype-polluting category names and text languages with a ConfigError', () => {
    for (const json of [
      '{"categories": {"__proto__": {"title": "x"}}}',
      '{"categories": {"constructor": {"essential": true}}}',
      '{"categories": {"analytics": {}, "constructor": {}}}',
      '{"texts": {"__proto__": {"polluted": "yes"}}}',
      '{"googleConsentMode": {"mapping": {"__proto__": ["ad_storage"]}}}',
    ]) {
      expect(() => resolveConfig(JSON.parse(json)), json).toThrow(ConfigError);
    }
  });

  it('never lets an inherited "essential", "title" or "cookies" reach a category', () => {
    // A page that extended Object.prototype, as some old libraries did.
    const added = { essential: true, title: '<b>polluted</b>', cookies: ['session'], categories: { marketing: {} } };
    for (const [key, value] of Object.entries(added)) {
      Object.defineProperty(Object.prototype, key, { value, configurable: true, enumerable: true, writable: true });
    }
    try {
      const { categories } = resolveConfig({ categories: { analytics: {} } });
      expect(categories.map((category) => ({ ...category }))).toEqual([
        { name: 'essential', title: undefined, description: undefined, essential: true, gpc: false, cookies: [] },
        { name: 'analytics', title: undefined, description: undefined, essential: false, gpc: false, cookies: [] },
      ]);
      expect(resolveConfig({}).categories.map((category) => category.name)).toEqual(['essential', 'preferences', 'analytics']);
    } finally {
      for (const key of Object.keys(added)) delete (Object.prototype as Record<string, unknown>)[key];
    }
  });

  it('handles 100 KB values', () => {
    fc.assert(
      fc.property(big(100_000), (text) => {
        for (const config of [
          { cookiesPageUrl: text },
          { texts: { en: { body: text } } },
          { categories: { [text.slice(0, 40)]: { title: text } } },
          { cookie: { name: text } },
        ]) {
          try {
            resolveConfig(config);
          } catch (error) {
            expect(error).toBeInstanceOf(ConfigError);
          }
        }
      }),
      { numRuns: 5 },
    );
  });
});

describe('the cookie value', () => {
  /**
   * The documented format read field by field, independently of the codec's
   * regular expression: what a correct decoder answers for `value`.
   */
  function expectedReading(value: string) {
    const fields = value.split('.');
    if (value.length > 2048 || fields.length != 6) return undefined;
    const [version, revision, updatedAt, letter, pairs, id] = fields as [string, string, string, string, string, string];
    const source = ({ b: 'banner', p: 'panel', a: 'api', g: 'gpc', h: 'placeholder' } as const)[letter as 'b'];
    if ((version != '1' && version != '2') || !/^[0-9]{1,9}$/.test(revision) || !/^[0-9]{1,12}$/.test(updatedAt)) return undefined;
    if (letter.length != 1 || !'bpagh'.includes(letter) || !/^[0-9a-f]{32}$/.test(id)) return undefined;
    // 1 granted, 0 refused; e (on under an exemption) exists from version 2 on.
    const flags = version == '1' ? ['0', '1'] : ['0', '1', 'e'];
    const choices = new Map<string, boolean | null>();
    for (const pair of pairs ? pairs.split('&') : []) {
      const [name = '', flag = '', extra] = pair.split('=');
      if (extra !== undefined || !/^[a-z][a-z0-9_]{0,31}$/.test(name) || !flags.includes(flag) || choices.has(name)) return undefined;
      choices.set(name, flag == 'e' ? null : flag == '1');
    }
    return { revision: Number(revision), updatedAt: Number(updatedAt), source, id, choices: Object.fromEntries(choices) };
  }

  const field = fc.oneof(fc.stringMatching(/^[0-9]{1,12}$/), fc.constantFrom('b', 'p', 'a', 'g', 'h'), fc.stringMatching(/^[0-9a-f]{32}$/));
  const pair = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9_]{0,31}$/), fc.constantFrom('0', '1', '1', 'e')).map((parts) => parts.join('='));
  /** Values of the right shape, most of them well formed. */
  const wellFormed = fc
    .tuple(
      fc.constantFrom('1', '2', '2'),
      fc.nat(999_999_999),
      fc.nat(2_000_000_000),
      fc.constantFrom('b', 'p', 'a', 'g', 'h'),
      fc.array(pair, { maxLength: 6 }),
      fc.stringMatching(/^[0-9a-f]{32}$/),
    )
    .map(([version, revision, updatedAt, source, pairs, id]) => `${version}.${revision}.${updatedAt}.${source}.${pairs.join('&')}.${id}`);
  /** Well-formed values with one edit: the near misses a loose parser lets through. */
  const nearMiss = fc.oneof(
    fc.tuple(wellFormed, fc.string({ unit: 'binary', maxLength: 8 })).map(([value, tail]) => value + tail),
    fc.tuple(fc.string({ unit: 'binary', maxLength: 8 }), wellFormed).map(([head, value]) => head + value),
    fc.tuple(wellFormed, fc.nat(), fc.nat(3)).map(([value, at, length]) => value.slice(0, at % value.length) + value.slice((at % value.length) + length)),
    fc
      .tuple(wellFormed, fc.nat(), fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }))
      .map(([value, at, text]) => value.slice(0, at % value.length) + text + value.slice(at % value.length)),
    fc.tuple(wellFormed, fc.nat(5), field).map(([value, at, text]) => {
      const fields = value.split('.');
      fields[at] = text;
      return fields.join('.');
    }),
    fc.tuple(wellFormed, pair).map(([value, extra]) => value.replace(/\.([^.]*)\.(?=[0-9a-f]{32}$)/, (_, pairs: string) => `.${pairs}&${extra}&${pairs}.`)),
  );

  it('decodes any value to no decision, or to exactly what a well-formed value says', () => {
    let decided = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          hostileJson.map((value) => JSON.stringify(value)),
          wellFormed,
          nearMiss,
          nearMiss,
        ),
        (value) => {
          const decoded = decodeConsent(value);
          const expected = expectedReading(value);
          if (decoded) {
            decided++;
            expect(Object.getPrototypeOf(decoded.choices)).toBeNull();
          }
          expect(decoded && { ...decoded, choices: { ...decoded.choices } }, JSON.stringify(value)).toEqual(expected);
          expectCleanPrototype();
        },
      ),
      { numRuns: 2000 },
    );
    // Both answers were exercised (about a quarter of the values are well formed), so the comparison means something.
    expect(decided).toBeGreaterThan(200);
    expect(decided).toBeLessThan(1800);
  });
});

describe('100 KB values', () => {
  const hundredKb = ['1.'.repeat(50_000), `1.0.1764144000.b.${'analytics=1&'.repeat(8_000)}x=1.${'a'.repeat(32)}`, '%'.repeat(100_000), '"'.repeat(100_000)];

  it('read as no decision in the codec and in readConsent', () => {
    for (const value of hundredKb) {
      expect(decodeConsent(value)).toBeUndefined();
      expect(readConsent(`a=1; biscuit_consent=${value}; b=2`).decided).toBe(false);
    }
  });
});

describe('readConsent', () => {
  it('reads any Cookie header as a record, and anything unparseable as no decision', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.string().map((value) => `biscuit_consent=${value}`),
        ),
        (header) => {
          const record = readConsent(header);
          expect(Object.keys(record.categories)).toEqual(['essential', 'preferences', 'analytics']);
          if (!/biscuit_consent=1\./.test(header)) expect(record.decided).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('either reads or throws a ConfigError, for any JSON config', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), hostileJson), fc.string(), (config, header) => {
        try {
          expect(readConsent(header, config as object).decided).toBe(false);
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps a polluting category name in the cookie away from Object.prototype', () => {
    const record = readConsent('biscuit_consent=1.0.1764144000.b.constructor=1&polluted=1.3f9c2a7e0b1d4c6f8a2e5b7d9c0f1a3e', {}, { now: 1764144000000 });
    expect(record.categories).toEqual({ essential: true, preferences: false, analytics: false });
  });
});
