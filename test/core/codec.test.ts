// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeConsent, encodeConsent, grantsSome, type StoredChoice } from '../../src/core/codec';
import { resolveConfig } from '../../src/core/config';
import { createRecord } from '../../src/core/record';

const ID = '3f9c2a7e0b1d4c6f8a2e5b7d9c0f1a3e';
/** A version-1 value, as written before exemptions and placeholders. */
const VALUE = `1.0.1764144000.b.preferences=1&analytics=0.${ID}`;
/** The same choice in version 2, with analytics on under its exemption. */
const VALUE_2 = `2.0.1764144000.b.preferences=1&analytics=e.${ID}`;

const choices = (entries: Record<string, boolean | null>) => Object.assign(Object.create(null), entries);

const choice: StoredChoice = {
  revision: 0,
  updatedAt: 1764144000,
  source: 'banner',
  choices: choices({ preferences: true, analytics: false }),
  id: ID,
};

/** Encodes a stored choice through a record, as the store does; `null` answers are categories with an exemption. */
function encode({ revision, updatedAt, source, choices: stored, id }: StoredChoice, names = Object.keys(stored)) {
  const categories = Object.fromEntries(names.map((name) => [name, stored[name] === null ? { exemption: 'statistics' } : {}]));
  const config = resolveConfig({ revision, categories });
  const record = createRecord(config, ({ name }) => stored[name], {
    decided: true,
    updatedAt: new Date(updatedAt * 1000).toISOString(),
    id,
    source,
  });
  return encodeConsent(record, config.categories);
}

/** A decoded choice as a plain object, to compare with `toEqual`. */
const plain = (decoded: StoredChoice | undefined) => decoded && { ...decoded, choices: { ...decoded.choices } };

describe('encodeConsent', () => {
  it('writes the documented version-2 format', () => {
    expect(encode(choice)).toBe(VALUE.replace(/^1/, '2'));
    expect(encode({ ...choice, choices: choices({ preferences: true, analytics: null }) })).toBe(VALUE_2);
  });

  it('writes e for a category on under its exemption, 1 for one granted and 0 for one refused or objected to', () => {
    expect(encode({ ...choice, choices: choices({ a: true, b: false, c: null }) })).toBe(`2.0.1764144000.b.a=1&b=0&c=e.${ID}`);
  });

  it('writes one letter per source, h for a placeholder', () => {
    const letters = (['banner', 'panel', 'api', 'gpc', 'placeholder'] as const).map((source) => encode({ ...choice, source }).split('.')[3]);
    expect(letters).toEqual(['b', 'p', 'a', 'g', 'h']);
  });

  it('uses only characters a cookie value may hold without escaping', () => {
    expect(encode({ ...choice, source: 'placeholder', revision: 12, choices: choices({ a: null }) })).toMatch(/^[!#-+\--:<-[\]-~]+$/);
  });

  it('writes an empty choice list when only essential cookies exist', () => {
    expect(encode({ ...choice, choices: choices({}) })).toBe(`2.0.1764144000.b..${ID}`);
  });

  it('leaves essential categories out', () => {
    expect(encode(choice, ['essential', 'preferences', 'analytics'])).toBe(VALUE.replace(/^1/, '2'));
  });
});

describe('grantsSome', () => {
  it('tells a value that grants some category by consent from one that grants none', () => {
    expect(grantsSome(VALUE)).toBe(true);
    expect(grantsSome(`2.0.1.b.a=0&b=e.${ID}`)).toBe(false);
    expect(grantsSome(`2.10.1.b..${ID}`)).toBe(false);
  });
});

describe('decodeConsent', () => {
  it('reads version 1 exactly as before', () => {
    expect(plain(decodeConsent(VALUE))).toEqual({ ...choice, choices: { preferences: true, analytics: false } });
  });

  it('reads version 2, with null for a category on under its exemption', () => {
    expect(plain(decodeConsent(VALUE_2))).toEqual({ ...choice, choices: { preferences: true, analytics: null } });
  });

  // Issue 13 wrote `h` into version 1 before version 2 existed: those cookies must still read.
  it('reads every source letter of each version', () => {
    const sources = (version: number, letters: string) => Array.from(letters, (letter) => decodeConsent(`${version}.0.1.${letter}..${ID}`)?.source);
    expect(sources(1, 'bpagh')).toEqual(['banner', 'panel', 'api', 'gpc', 'placeholder']);
    expect(sources(2, 'bpagh')).toEqual(['banner', 'panel', 'api', 'gpc', 'placeholder']);
  });

  it.each([
    ['empty', ''],
    ['another library (JSON)', '{"categories":["necessary","analytics"],"revision":0}'],
    ['another library (word)', 'accepted'],
    ['a future version', VALUE.replace(/^1/, '3')],
    ['version 0', VALUE.replace(/^1/, '0')],
    ['a two-digit version', VALUE.replace(/^1/, '12')],
    ['version 1 with an exemption', VALUE.replace('analytics=0', 'analytics=e')],
    ['an unknown source', VALUE.replace('.b.', '.x.')],
    ['an unknown source in version 2', VALUE_2.replace('.b.', '.x.')],
    ['an uppercase exemption', VALUE_2.replace('=e', '=E')],
    ['a repeated category', `1.0.1764144000.b.analytics=1&analytics=0.${ID}`],
    ['a repeated category in version 2', `2.0.1764144000.b.analytics=e&analytics=0.${ID}`],
    ['a choice that is not 0 or 1', VALUE.replace('analytics=0', 'analytics=yes')],
    ['a choice that is not 0, 1 or e', VALUE_2.replace('analytics=e', 'analytics=x')],
    ['an uppercase category', VALUE.replace('analytics', 'Analytics')],
    ['a short ID', VALUE.slice(0, -1)],
    ['a 33-digit ID', `${VALUE}0`],
    ['a seventh field', `${VALUE}.1`],
    ['another cookie run on after it', `${VALUE};theme=dark`],
    ['a trailing space', `${VALUE} `],
    ['a trailing line break', `${VALUE}\n`],
    ['a non-hex ID', VALUE.replace(ID, 'z'.repeat(32))],
    ['a negative revision', VALUE.replace('1.0.', '1.-1.')],
    ['surrounding spaces', ` ${VALUE} `],
    ['a 100 KB value', `1.0.1764144000.b.${'a=1&'.repeat(25_000)}b=1.${ID}`],
    ['a 100 KB version-2 value', `2.0.1764144000.b.${'a=e&'.repeat(25_000)}b=1.${ID}`],
  ])('reads %s as no decision', (_, value) => {
    expect(decodeConsent(value)).toBeUndefined();
  });

  it('reads every truncation of a value of either version as no decision', () => {
    for (const value of [VALUE, VALUE_2]) {
      for (let length = 0; length < value.length; length++) expect(decodeConsent(value.slice(0, length))).toBeUndefined();
    }
  });

  it('reads non-strings as no decision', () => {
    for (const value of [undefined, null, 1, {}, ['1']]) expect(decodeConsent(value)).toBeUndefined();
  });

  it('keeps category names such as "constructor" out of Object.prototype', () => {
    const decoded = decodeConsent(`2.0.1.b.constructor=1&tostring=e.${ID}`)!;
    expect(decoded.choices.constructor).toBe(true);
    expect(decoded.choices.tostring).toBeNull();
    expect(Object.getPrototypeOf(decoded.choices)).toBeNull();
    expect(({} as Record<string, unknown>).tostring).toBeUndefined();
  });
});

describe('properties', () => {
  const name = fc.stringMatching(/^[a-z][a-z\d_]{0,31}$/).filter((name) => name != 'essential');
  const stored = fc.record({
    revision: fc.nat(999_999_999),
    updatedAt: fc.nat(2_000_000_000),
    source: fc.constantFrom('banner', 'panel', 'api', 'gpc', 'placeholder' as const),
    choices: fc.dictionary(name, fc.constantFrom(true, false, null), { maxKeys: 20 }).map(choices),
    id: fc.stringMatching(/^[\da-f]{32}$/),
  });

  it('decodes any string without throwing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 3000 }), (value) => {
        const decoded = decodeConsent(value);
        expect(decoded === undefined || typeof decoded.id == 'string').toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips any stored choice', () => {
    fc.assert(
      fc.property(stored, (original) => {
        expect(plain(decodeConsent(encode(original)))).toEqual(plain(original));
      }),
    );
  });

  it('never accepts a value with anything after the ID', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), (tail) => {
        expect(decodeConsent(VALUE + tail)).toBeUndefined();
      }),
    );
  });

  it('never accepts a value of either version with one character changed to a non-format character', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(VALUE, VALUE_2),
        fc.nat(VALUE.length - 1),
        fc.constantFrom(' ', ';', ',', '"', '%', '\u0000', 'Z'),
        (value, at, character) => {
          expect(decodeConsent(value.slice(0, at) + character + value.slice(at + 1))).toBeUndefined();
        },
      ),
    );
  });

  it('reads a version-2 value whose answers are only 0 and 1 as the same choice in version 1', () => {
    fc.assert(
      fc.property(stored, (original) => {
        const value = encode({
          ...original,
          choices: choices(Object.fromEntries(Object.keys(original.choices).map((name) => [name, original.choices[name] === true]))),
        });
        expect(plain(decodeConsent(value.replace(/^2/, '1')))).toEqual(plain(decodeConsent(value)));
      }),
    );
  });
});
