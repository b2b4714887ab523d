// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { decodeConsent } from '../../src/core/codec';
import { resolveConfig } from '../../src/core/config';
import { randomId, recordFromStored } from '../../src/core/record';

const ID = '3f9c2a7e0b1d4c6f8a2e5b7d9c0f1a3e';
const NOW = Date.UTC(2026, 10, 26);
const seconds = NOW / 1000;
const DAY = 86400;

const config = resolveConfig({ categories: { preferences: {}, analytics: {}, marketing: {} }, revision: 2 });
const read = (value: string, options: { now?: number; gpc?: boolean; config?: typeof config } = {}) =>
  recordFromStored(decodeConsent(value), options.config ?? config, options.now ?? NOW, options.gpc ?? false);
const cookie = (fields: { revision?: number; at?: number; source?: string; choices?: string }) =>
  `1.${fields.revision ?? 2}.${fields.at ?? seconds - DAY}.${fields.source ?? 'b'}.${fields.choices ?? 'preferences=1&analytics=0&marketing=1'}.${ID}`;

describe('recordFromStored', () => {
  it('gives every configured category, essential granted, for a current choice', () => {
    const record = read(cookie({}));
    expect(record).toEqual({
      decided: true,
      categories: { essential: true, preferences: true, analytics: false, marketing: true },
      exempt: [],
      revision: 2,
      updatedAt: new Date((seconds - DAY) * 1000).toISOString(),
      id: ID,
      source: 'banner',
      previous: null,
    });
    expect(Object.isFrozen(record)).toBe(true);
    expect(Object.isFrozen(record.categories)).toBe(true);
  });

  it('has no decision and refuses every optional category when nothing is stored', () => {
    expect(read('')).toEqual({
      decided: false,
      categories: { essential: true, preferences: false, analytics: false, marketing: false },
      exempt: [],
      revision: 2,
      updatedAt: null,
      id: null,
      source: null,
      previous: null,
    });
  });

  it('drops categories that are no longer configured and refuses ones the visitor never saw', () => {
    const record = read(cookie({ choices: 'preferences=1&social=1' }));
    expect(record.categories).toEqual({ essential: true, preferences: true, analytics: false, marketing: false });
  });

  it('never lets a stored value refuse an essential category', () => {
    expect(read(cookie({ choices: 'essential=0' })).categories.essential).toBe(true);
  });

  it('asks again after a revision change, keeping the earlier answers for the form', () => {
    const record = read(cookie({ revision: 1 }));
    expect(record.decided).toBe(false);
    expect(record.categories).toEqual({ essential: true, preferences: false, analytics: false, marketing: false });
    expect(record.previous).toEqual({ essential: true, preferences: true, analytics: false, marketing: true });
    expect(record.id).toBe(ID);
    expect(record.revision).toBe(2);
  });

  it('keeps a choice that grants something for expiresDays.granted days, any other for expiresDays.refused', () => {
    const lifetimes = resolveConfig({
      cookie: { expiresDays: { granted: 30, refused: 10 } },
      categories: { analytics: { exemption: 'statistics' }, marketing: {} },
    });
    const at = (days: number, choices: string) => read(`2.0.${seconds - days * DAY}.b.${choices}.${ID}`, { config: lifetimes }).decided;
    expect([at(29, 'analytics=0&marketing=1'), at(30, 'analytics=0&marketing=1')]).toEqual([true, false]);
    expect([at(9, 'analytics=0&marketing=0'), at(10, 'analytics=0&marketing=0')]).toEqual([true, false]);
    // Exempt categories left on are no grant: the message was hidden, nothing was consented to.
    expect([at(9, 'analytics=e&marketing=0'), at(10, 'analytics=e&marketing=0')]).toEqual([true, false]);
    expect(at(29, 'analytics=1&marketing=0')).toBe(true);
  });

  it('treats a choice older than expiresDays as no decision', () => {
    const expiresDays = resolveConfig({ cookie: { expiresDays: 30 } });
    expect(read(cookie({ revision: 0, at: seconds - 30 * DAY + 1 }), { config: expiresDays }).decided).toBe(true);
    expect(read(cookie({ revision: 0, at: seconds - 30 * DAY }), { config: expiresDays }).decided).toBe(false);
    expect(read(cookie({ at: seconds - 365 * DAY })).decided).toBe(false);
  });

  it("allows an hour of clock difference (a server's clock and the visitor's), and treats a choice dated later than that as tampered", () => {
    expect(read(cookie({ at: seconds + 3600 })).decided).toBe(true);
    expect(read(cookie({ at: seconds + 3601 })).decided).toBe(false);
    expect(read(cookie({ at: seconds + 23 * 3600 })).decided).toBe(false);
    expect(read(cookie({ at: seconds + 2 * DAY })).decided).toBe(false);
  });

  it("asks again when the stored revision is higher than the config's (a site that rolled its revision back)", () => {
    const record = read(cookie({ revision: 3 }));
    expect(record).toMatchObject({ decided: false, revision: 2, id: ID });
    expect(record.categories).toEqual({ essential: true, preferences: false, analytics: false, marketing: false });
    expect(record.previous).toEqual({ essential: true, preferences: true, analytics: false, marketing: true });
  });

  describe('with Global Privacy Control', () => {
    it('refuses gpc categories granted from the banner', () => {
      expect(read(cookie({}), { gpc: true }).categories).toMatchObject({ preferences: true, marketing: false });
    });

    it('keeps gpc categories the visitor granted one by one', () => {
      expect(read(cookie({ source: 'p' }), { gpc: true }).categories.marketing).toBe(true);
      expect(read(cookie({ source: 'a' }), { gpc: true }).categories.marketing).toBe(true);
      // "Accept <category>" on an embed's placeholder names the category it grants.
      expect(read(cookie({ source: 'h' }), { gpc: true }).categories.marketing).toBe(true);
    });

    it('decides alone when every optional category honours it', () => {
      const marketingOnly = resolveConfig({ categories: { marketing: {} } });
      const record = recordFromStored(undefined, marketingOnly, NOW, true);
      expect(record).toMatchObject({ decided: true, source: 'gpc', categories: { essential: true, marketing: false } });
      expect(recordFromStored(undefined, marketingOnly, NOW, false).decided).toBe(false);
    });

    it('still asks when some optional categories do not honour it', () => {
      expect(recordFromStored(undefined, config, NOW, true).decided).toBe(false);
    });
  });
});

describe('recordFromStored with UK exemptions', () => {
  const uk = resolveConfig({
    categories: { preferences: { exemption: 'appearance' }, analytics: { exemption: 'statistics' }, marketing: {} },
    revision: 2,
  });
  const v2 = (choices: string, fields: { revision?: number; source?: string } = {}) =>
    decodeConsent(`2.${fields.revision ?? 2}.${seconds - DAY}.${fields.source ?? 'b'}.${choices}.${ID}`);
  const at = (stored: ReturnType<typeof v2>, options: { gpc?: boolean; told?: boolean; config?: typeof uk } = {}) =>
    recordFromStored(stored, options.config ?? uk, NOW, options.gpc ?? false, options.told ?? false);
  const state = (record: ReturnType<typeof at>) => ({ decided: record.decided, categories: { ...record.categories }, exempt: [...record.exempt] });

  it('keeps exempt categories off for a first-time visitor until they have been told', () => {
    expect(state(at(undefined))).toEqual({
      decided: false,
      categories: { essential: true, preferences: false, analytics: false, marketing: false },
      exempt: [],
    });
    expect(state(at(undefined, { told: true }))).toEqual({
      decided: false,
      categories: { essential: true, preferences: true, analytics: true, marketing: false },
      exempt: ['preferences', 'analytics'],
    });
  });

  it('runs them at once for a returning visitor, telling consent from exemption from objection', () => {
    const record = at(v2('preferences=1&analytics=e&marketing=0'));
    expect(state(record)).toEqual({
      decided: true,
      categories: { essential: true, preferences: true, analytics: true, marketing: false },
      exempt: ['analytics'],
    });
    expect(state(at(v2('preferences=0&analytics=e&marketing=1')))).toEqual({
      decided: true,
      categories: { essential: true, preferences: false, analytics: true, marketing: true },
      exempt: ['analytics'],
    });
  });

  it('reads a version-1 choice as consent and objection', () => {
    expect(state(read(cookie({ choices: 'preferences=1&analytics=0&marketing=1' }), { config: uk }))).toEqual({
      decided: true,
      categories: { essential: true, preferences: true, analytics: false, marketing: true },
      exempt: [],
    });
  });

  it('keeps an exempt category the visitor was never told of off, unless they are told on this page', () => {
    // Added to the config without a new revision: a returning visitor never heard of it.
    expect(at(v2('preferences=e&marketing=0')).categories.analytics).toBe(false);
    expect(at(v2('preferences=e&marketing=0'), { told: true }).exempt).toEqual(['preferences', 'analytics']);
  });

  it('keeps an objection across a revision change, and nothing else', () => {
    const record = at(v2('preferences=0&analytics=1&marketing=1', { revision: 1 }), { told: true });
    expect(state(record)).toEqual({
      decided: false,
      categories: { essential: true, preferences: false, analytics: true, marketing: false },
      exempt: ['analytics'],
    });
    expect(record.previous).toEqual({ essential: true, preferences: false, analytics: true, marketing: true });
    expect(at(v2('preferences=e&analytics=e&marketing=1', { revision: 1 })).categories).toEqual({
      essential: true,
      preferences: false,
      analytics: false,
      marketing: false,
    });
  });

  it('asks again when a category that now needs consent was left to its exemption (exemptions: false)', () => {
    const abroad = resolveConfig({
      ...uk,
      exemptions: false,
      categories: { preferences: { exemption: 'appearance' }, analytics: { exemption: 'statistics' }, marketing: {} },
    });
    const record = at(v2('preferences=1&analytics=e&marketing=0'), { config: abroad });
    expect(state(record)).toEqual({
      decided: false,
      categories: { essential: true, preferences: false, analytics: false, marketing: false },
      exempt: [],
    });
    expect(record.previous).toEqual({ essential: true, preferences: true, analytics: false, marketing: false });
    expect(record.id).toBe(ID);
    // Answers given one by one still hold.
    expect(state(at(v2('preferences=1&analytics=0&marketing=1'), { config: abroad }))).toMatchObject({
      decided: true,
      categories: { preferences: true, analytics: false, marketing: true },
    });
  });

  describe('with Global Privacy Control', () => {
    it('counts the signal as an objection to every exempt category', () => {
      expect(state(at(undefined, { told: true, gpc: true })).categories).toEqual({
        essential: true,
        preferences: false,
        analytics: false,
        marketing: false,
      });
      expect(state(at(v2('preferences=e&analytics=e&marketing=1', { source: 'p' }), { gpc: true }))).toMatchObject({
        categories: { preferences: false, analytics: false, marketing: true },
        exempt: [],
      });
    });

    it('but not to one the visitor turned back on one by one', () => {
      expect(at(v2('preferences=1&analytics=e&marketing=0', { source: 'p' }), { gpc: true }).categories.preferences).toBe(true);
      expect(at(v2('preferences=1&analytics=e&marketing=0', { source: 'a' }), { gpc: true }).categories.preferences).toBe(true);
      expect(at(v2('preferences=1&analytics=e&marketing=0', { source: 'h' }), { gpc: true }).categories.preferences).toBe(true);
      expect(at(v2('preferences=1&analytics=e&marketing=0', { source: 'b' }), { gpc: true }).categories.preferences).toBe(false);
    });

    it('decides alone when every optional category is exempt or honours it', () => {
      const exemptOnly = resolveConfig({ categories: { analytics: { exemption: 'statistics' }, marketing: {} } });
      expect(at(undefined, { config: exemptOnly, gpc: true })).toMatchObject({
        decided: true,
        source: 'gpc',
        categories: { essential: true, analytics: false, marketing: false },
        exempt: [],
      });
      expect(at(undefined, { config: uk, gpc: true }).decided).toBe(true);
      const withConsent = resolveConfig({ categories: { analytics: { exemption: 'statistics' }, social: {} } });
      expect(at(undefined, { config: withConsent, gpc: true }).decided).toBe(false);
    });
  });
});

describe('randomId', () => {
  it('gives 32 hex digits, different each time', () => {
    const ids = new Set(Array.from({ length: 100 }, randomId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[\da-f]{32}$/);
  });

  it('takes its randomness from crypto.getRandomValues, which cannot be predicted as Math.random can', () => {
    const getRandomValues = vi.spyOn(globalThis.crypto, 'getRandomValues');
    const random = vi.spyOn(Math, 'random');
    randomId();
    expect(getRandomValues).toHaveBeenCalledOnce();
    expect(random).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });

  it('still gives different, well-spread IDs where crypto is missing (very old browsers)', () => {
    const crypto = globalThis.crypto;
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
    try {
      const ids = Array.from({ length: 50 }, randomId);
      for (const id of ids) expect(id).toMatch(/^[\da-f]{32}$/);
      expect(new Set(ids).size).toBe(50);
      // Every hex digit turns up: the bytes are not stuck at 0 or in a narrow range.
      expect(new Set(ids.join('')).size).toBe(16);
    } finally {
      Object.defineProperty(globalThis, 'crypto', { value: crypto, configurable: true });
    }
  });
});
