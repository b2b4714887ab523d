// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeConsent, encodeConsent, type StoredChoice } from '../../src/core/codec';
import { resolveConfig } from '../../src/core/config';
import { createRecord } from '../../src/core/record';

const ID = '3f9c2a7e0b1d4c6f8a2e5b7d9c0f1a3e';
const VALUE = `1.0.1764144000.b.preferences=1&analytics=0.${ID}`;

const choices = (entries: Record<string, boolean>) => Object.assign(Object.create(null), entries);

const choice: StoredChoice = {
  revision: 0,
  updatedAt: 1764144000,
  source: 'banner',
  choices: choices({ preferences: true, analytics: false }),
  id: ID,
};

/** Encodes a stored choice through a record, as the store does. */
function encode({ revision, updatedAt, source, choices: stored, id }: StoredChoice, names = Object.keys(stored)) {
  const config = resolveConfig({ revision, categories: Object.fromEntries(names.map((name) => [name, {}])) });
  const record = createRecord(config, (name) => stored[name] === true, {
    decided: true,
    updatedAt: new Date(updatedAt * 1000).toISOString(),
    id,
    source,
  });
  return encodeConsent(record, config.categories);
}

describe('encodeConsent', () => {
  it('writes the documented version-1 format', () => {
    expect(encode(choice)).toBe(VALUE);
  });

  it('uses only characters a cookie value may hold without escaping', () => {
    expect(encode({ ...choice, source: 'panel', revision: 12 })).toMatch(/^[!#-+\--:<-[\]-~]+$/);
  });

  it('writes an empty choice list when only essential cookies exist', () => {
    expect(encode({ ...choice, choices: choices({}) })).toBe(`1.0.1764144000.b..${ID}`);
  });

  it('leaves essential categories out', () => {
    expect(encode(choice, ['essential', 'preferences', 'analytics'])).toBe(VALUE);
  });
});

describe('decodeConsent', () => {
  it('reads the documented format', () => {
    const decoded = decodeConsent(VALUE)!;
    expect({ ...decoded, choices: { ...decoded.choices } }).toEqual({ ...choice, choices: { preferences: true, analytics: false } });
  });

  it('reads every source letter', () => {
    expect(['b', 'p', 'a', 'g', 'h'].map((letter) => decodeConsent(`1.0.1.${letter}..${ID}`)?.source)).toEqual([
      'banner',
      'panel',
      'api',
      'gpc',
      'placeholder',
    ]);
  });

  it.each([
    ['empty', ''],
    ['another library (JSON)', '{"categories":["necessary","analytics"],"revision":0}'],
    ['another library (word)', 'accepted'],
    ['a future version', VALUE.replace(/^1/, '2')],
    ['an unknown source', VALUE.replace('.b.', '.x.')],
    ['a repeated category', `1.0.1764144000.b.analytics=1&analytics=0.${ID}`],
    ['a choice that is not 0 or 1', VALUE.replace('analytics=0', 'analytics=yes')],
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
  ])('reads %s as no decision', (_, value) => {
    expect(decodeConsent(value)).toBeUndefined();
  });

  it('reads every truncation of a value as no decision', () => {
    for (let length = 0; length < VALUE.length; length++) expect(decodeConsent(VALUE.slice(0, length))).toBeUndefined();
  });

  it('reads non-strings as no decision', () => {
    for (const value of [undefined, null, 1, {}, ['1']]) expect(decodeConsent(value)).toBeUndefined();
  });

  it('keeps category names such as "constructor" out of Object.prototype', () => {
    const decoded = decodeConsent(`1.0.1.b.constructor=1&tostring=1.${ID}`)!;
    expect(decoded.choices.constructor).toBe(true);
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
    choices: fc.dictionary(name, fc.boolean(), { maxKeys: 20 }).map(choices),
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
        const decoded = decodeConsent(encode(original))!;
        expect({ ...decoded, choices: { ...decoded.choices } }).toEqual({ ...original, choices: { ...original.choices } });
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

  it('never accepts a value with one character changed to a non-format character', () => {
    fc.assert(
      fc.property(fc.nat(VALUE.length - 1), fc.constantFrom(' ', ';', ',', '"', '%', '\u0000', 'Z'), (at, character) => {
        expect(decodeConsent(VALUE.slice(0, at) + character + VALUE.slice(at + 1))).toBeUndefined();
      }),
    );
  });
});
