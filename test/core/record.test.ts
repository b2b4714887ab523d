// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { decodeConsent } from '../../src/core/codec';
import { resolveConfig } from '../../src/core/config';
import { randomId, recordFromStored } from '../../src/core/record';

const ID = '3f9c2a7e0b1d4c6f8a2e5b7d9c0f1a3e';
const NOW = Date.UTC(2026, 10, 26) ;
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

  it('treats a choice older than expiresDays as no decision', () => {
    const expiresDays = resolveConfig({ cookie: { expiresDays: 30 } });
    expect(read(cookie({ revision: 0, at: seconds - 30 * DAY + 1 }), { config: expiresDays }).decided).toBe(true);
    expect(read(cookie({ revision: 0, at: seconds - 30 * DAY }), { config: expiresDays }).decided).toBe(false);
    expect(read(cookie({ at: seconds - 365 * DAY })).decided).toBe(false);
  });

  it('allows an hour of clock difference (a server\'s clock and the visitor\'s), and treats a choice dated later than that as tampered', () => {
    expect(read(cookie({ at: seconds + 3600 })).decided).toBe(true);
    expect(read(cookie({ at: seconds + 3601 })).decided).toBe(false);
    expect(read(cookie({ at: seconds + 23 * 3600 })).decided).toBe(false);
    expect(read(cookie({ at: seconds + 2 * DAY })).decided).toBe(false);
  });

  it('asks again when the stored revision is higher than the config\'s (a site that rolled its revision back)', () => {
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
