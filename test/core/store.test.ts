// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeConsent } from '../../src/core/codec';
import { resolveConfig, type ConsentConfig } from '../../src/core/config';
import { ConsentLogError, StorageError } from '../../src/core/errors';
import { createStore, type StoreOptions } from '../../src/core/store';
import type { ConsentStorage } from '../../src/core/consent-storage';
import type { ConsentRecord } from '../../src/core/record';
import { createMemoryStorage } from '../../src/storage/memory';
import { writeChoice } from '../../src/storage/write-choice';

const NOW = Date.UTC(2026, 10, 26, 9, 30);

function setup(config: ConsentConfig = {}, options: Partial<StoreOptions> = {}) {
  const storage = options.storage ?? createMemoryStorage();
  const consent = createStore({ config: resolveConfig(config), storage, write: writeChoice, now: () => NOW, ...options });
  return { consent, storage };
}

/** A storage whose writes fail until `fixed` is set. */
function brokenStorage(mode: 'throw' | 'drop') {
  const inner = createMemoryStorage();
  const state = { fixed: false };
  const storage: ConsentStorage = {
    read: () => inner.read(),
    write: (value) => {
      if (state.fixed) return inner.write(value);
      if (mode == 'throw') throw new Error('SecurityError: cookies are disabled');
    },
    remove: () => inner.remove(),
  };
  return { storage, state };
}

/** Nothing is reported unless something went wrong: tests that expect a report stub reportError themselves. */
let unexpectedReport: ReturnType<typeof vi.fn>;
beforeEach(() => {
  unexpectedReport = vi.fn();
  vi.stubGlobal('reportError', unexpectedReport);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  expect(unexpectedReport).not.toHaveBeenCalled();
});

describe('allowed and decided', () => {
  it('grants essential and nothing else before the visitor decides', () => {
    const { consent } = setup();
    expect(consent.decided).toBe(false);
    expect(consent.allowed('essential')).toBe(true);
    expect(consent.allowed('preferences')).toBe(false);
    expect(consent.allowed('analytics')).toBe(false);
  });

  it('answers false for unknown names, including Object.prototype members', () => {
    const { consent } = setup();
    for (const name of ['marketing', 'constructor', 'toString', '__proto__', 'hasOwnProperty', '']) {
      expect(consent.allowed(name)).toBe(false);
    }
  });

  it('answers the new state as soon as a choice is made, before the save settles', () => {
    const { consent } = setup();
    const saving = consent.acceptAll();
    expect(consent.allowed('analytics')).toBe(true);
    expect(consent.decided).toBe(true);
    return expect(saving).resolves.toEqual({ ok: true });
  });
});

describe('recording a choice', () => {
  it('acceptAll grants and rejectAll refuses every optional category', async () => {
    const { consent } = setup();
    await consent.acceptAll();
    expect(consent.get().categories).toEqual({ essential: true, preferences: true, analytics: true });
    await consent.rejectAll();
    expect(consent.get().categories).toEqual({ essential: true, preferences: false, analytics: false });
  });

  it('save changes only the categories it names', async () => {
    const { consent } = setup();
    await consent.save({ analytics: true });
    expect(consent.get().categories).toEqual({ essential: true, preferences: false, analytics: true });
    await consent.save({ preferences: true });
    expect(consent.get().categories).toEqual({ essential: true, preferences: true, analytics: true });
  });

  it('cannot refuse essential cookies', async () => {
    const { consent } = setup();
    await consent.save({ essential: false } as never);
    expect(consent.allowed('essential')).toBe(true);
  });

  it('throws for an unknown category or a non-boolean, which are bugs in the calling code', () => {
    const { consent } = setup();
    expect(() => consent.save({ analytcs: true } as never)).toThrow('biscuit-consent: save() takes configured categories set to true or false, not "analytcs"');
    expect(() => consent.save({ analytics: 'yes' } as never)).toThrow(/not "analytics"/);
    expect(consent.decided).toBe(false);
  });

  it('writes the record to storage and reads it back on the next page view', async () => {
    const { consent, storage } = setup();
    await consent.save({ analytics: true }, { source: 'panel' });
    const stored = decodeConsent(storage.read())!;
    expect(stored).toMatchObject({ revision: 0, updatedAt: Math.floor(NOW / 1000), source: 'panel', id: consent.get().id });
    expect({ ...stored.choices }).toEqual({ preferences: false, analytics: true });

    const next = setup({}, { storage }).consent;
    expect(next.get()).toEqual(consent.get());
  });

  it('records where the choice came from, api by default', async () => {
    const { consent, storage } = setup();
    await consent.acceptAll();
    expect(consent.get().source).toBe('api');
    await consent.rejectAll({ source: 'banner' });
    expect(consent.get().source).toBe('banner');
    await consent.acceptAll({ source: 'panel' });
    await consent.rejectAll();
    expect(consent.get().source).toBe('api');
    await consent.save({ analytics: true }, { source: 'panel' });
    await consent.save({ analytics: false });
    expect(consent.get().source).toBe('api');
    expect(decodeConsent(storage.read())?.source).toBe('api');
  });

  it('keeps the consent ID when the visitor changes their mind', async () => {
    const { consent } = setup();
    await consent.acceptAll();
    const id = consent.get().id;
    expect(id).toMatch(/^[\da-f]{32}$/);
    await consent.rejectAll();
    expect(consent.get().id).toBe(id);
  });

  it('records the current revision and the time of the choice', async () => {
    const { consent } = setup({ revision: 4 });
    await consent.acceptAll();
    expect(consent.get()).toMatchObject({ revision: 4, updatedAt: '2026-11-26T09:30:00.000Z' });
  });
});

describe('writing', () => {
  it('emits change only once storage holds the choice, so a listener reading it agrees', async () => {
    const { consent, storage } = setup();
    const seen: unknown[] = [];
    consent.on('change', () => seen.push(decodeConsent(storage.read())?.choices.analytics));
    await consent.acceptAll();
    expect(seen).toEqual([true]);
  });

  it('applies a choice at once even while a slow storage is still writing', async () => {
    const inner = createMemoryStorage();
    let finish = () => {};
    const storage: ConsentStorage = {
      read: () => inner.read(),
      write: (value) =>
        new Promise<void>((resolve) => {
          finish = () => {
            inner.write(value);
            resolve();
          };
        }),
      remove: () => inner.remove(),
    };
    const { consent } = setup({}, { storage });
    const change = vi.fn();
    const granted = vi.fn();
    consent.on('change', change);
    consent.whenAllowed('analytics', granted);
    const saving = consent.acceptAll();
    // What the visitor allowed starts at once; only the change event waits for the write.
    expect(granted).toHaveBeenCalledOnce();
    // The write starts a task later, once the click that made the choice has been painted.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(consent.allowed('analytics')).toBe(true);
    expect(change).not.toHaveBeenCalled();
    finish();
    expect(await saving).toEqual({ ok: true });
    expect(change).toHaveBeenCalledOnce();
    expect(granted).toHaveBeenCalledOnce();
  });

  it('keeps the last of several quick choices, announcing each in order', async () => {
    const { consent, storage } = setup();
    const changes: boolean[] = [];
    consent.on('change', (record) => changes.push(record.categories.analytics!));
    const results = await Promise.all([consent.acceptAll(), consent.rejectAll(), consent.save({ analytics: true })]);
    expect(results).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(consent.get().categories).toEqual({ essential: true, preferences: false, analytics: true });
    expect({ ...decodeConsent(storage.read())!.choices }).toEqual({ preferences: false, analytics: true });
    expect(changes).toEqual([true, false, true]);
  });
});

describe('the record', () => {
  it('is frozen and the same object until something changes', async () => {
    const { consent } = setup();
    const first = consent.get();
    expect(consent.get()).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(() => {
      (first.categories as Record<string, boolean>).analytics = true;
    }).toThrow();
    await consent.acceptAll();
    expect(consent.get()).not.toBe(first);
    expect(first.decided).toBe(false);
  });
});

describe('events', () => {
  it('emits change after the state has changed, with the new and previous records', async () => {
    const { consent } = setup();
    const seen: unknown[] = [];
    consent.on('change', (record, previous) => {
      seen.push([consent.allowed('analytics'), record === consent.get(), record.decided, previous.decided]);
    });
    await consent.acceptAll();
    expect(seen).toEqual([[true, true, true, false]]);
  });

  it('counts a first refusal as a change: nothing more is allowed, but the visitor has decided', async () => {
    const { consent } = setup();
    const seen: unknown[] = [];
    consent.on('change', (record, previous) => seen.push([record.decided, previous.decided, record.categories.analytics]));
    await consent.rejectAll();
    expect(seen).toEqual([[true, false, false]]);
  });

  it('emits one change per real change: saving the same choice again is not one', async () => {
    const { consent } = setup();
    const change = vi.fn();
    consent.on('change', change);
    await Promise.all([consent.acceptAll(), consent.acceptAll()]);
    await consent.save({ analytics: true, preferences: true });
    expect(change).toHaveBeenCalledTimes(1);
    await consent.save({ analytics: false });
    expect(change).toHaveBeenCalledTimes(2);
  });

  it('stops calling a listener once unsubscribed', async () => {
    const { consent } = setup();
    const change = vi.fn();
    const off = consent.on('change', change);
    off();
    off();
    await consent.acceptAll();
    expect(change).not.toHaveBeenCalled();
  });

  it('reports a throwing listener and still calls the others', async () => {
    const reportError = vi.fn();
    vi.stubGlobal('reportError', reportError);
    const { consent } = setup();
    const boom = new Error('listener bug');
    const after = vi.fn();
    consent.on('change', () => {
      throw boom;
    });
    consent.on('change', after);
    await consent.acceptAll();
    expect(reportError).toHaveBeenCalledWith(boom);
    expect(after).toHaveBeenCalledOnce();
    vi.unstubAllGlobals();
  });

  it('emits show and hide for the UI', () => {
    const { consent } = setup();
    const show = vi.fn();
    const hide = vi.fn();
    consent.on('show', show);
    consent.on('hide', hide);
    consent.showBanner();
    consent.showPreferences();
    consent.hide();
    expect(show.mock.calls).toEqual([['banner'], ['preferences']]);
    expect(hide).toHaveBeenCalledOnce();
  });
});

describe('whenAllowed', () => {
  it('runs at once when the category is already granted', async () => {
    const { consent } = setup();
    await consent.acceptAll();
    const fn = vi.fn();
    consent.whenAllowed('analytics', fn);
    expect(fn).toHaveBeenCalledOnce();
  });

  it('runs once, in registration order, when the category is granted later', async () => {
    const { consent } = setup();
    const order: string[] = [];
    consent.whenAllowed('analytics', () => order.push('first'));
    consent.whenAllowed('preferences', () => order.push('preferences'));
    consent.whenAllowed('analytics', () => order.push('second'));
    await consent.save({ analytics: true });
    expect(order).toEqual(['first', 'second']);
    await consent.rejectAll();
    await consent.acceptAll();
    expect(order).toEqual(['first', 'second', 'preferences']);
  });

  it('does not run after unsubscribing', async () => {
    const { consent } = setup();
    const fn = vi.fn();
    consent.whenAllowed('analytics', fn)();
    await consent.acceptAll();
    expect(fn).not.toHaveBeenCalled();
  });

  it('never runs for a refused category', async () => {
    const { consent } = setup();
    const fn = vi.fn();
    consent.whenAllowed('analytics', fn);
    await consent.rejectAll();
    await consent.save({ preferences: true });
    expect(fn).not.toHaveBeenCalled();
  });

  it('asks again just before each callback: one withdrawn by an earlier callback of the same grant does not run', async () => {
    const { consent } = setup();
    const later = vi.fn();
    consent.whenAllowed('analytics', () => void consent.rejectAll());
    consent.whenAllowed('analytics', later);
    await consent.acceptAll();
    expect(consent.allowed('analytics')).toBe(false);
    expect(later).not.toHaveBeenCalled();
    await consent.acceptAll();
    expect(later).toHaveBeenCalledOnce();
  });

  it('reports a throwing callback and runs the others', async () => {
    const reportError = vi.fn();
    vi.stubGlobal('reportError', reportError);
    const { consent } = setup();
    const later = vi.fn();
    consent.whenAllowed('analytics', () => {
      throw new Error('tag failed');
    });
    consent.whenAllowed('analytics', later);
    await consent.acceptAll();
    expect(later).toHaveBeenCalledOnce();
    expect(reportError).toHaveBeenCalledWith(new Error('tag failed'));
    // Also when the category was already granted.
    consent.whenAllowed('analytics', () => {
      throw new Error('late tag failed');
    });
    expect(reportError).toHaveBeenCalledWith(new Error('late tag failed'));
    vi.unstubAllGlobals();
  });
});

describe('when storage fails', () => {
  it.each(['throw', 'drop'] as const)('a write that %ss fails the save but keeps the choice for this page', async (mode) => {
    const { storage } = brokenStorage(mode);
    const { consent } = setup({}, { storage });
    const errors = vi.fn();
    const change = vi.fn();
    consent.on('error', errors);
    consent.on('change', change);
    const result = await consent.acceptAll();
    expect(result.ok).toBe(false);
    const error = !result.ok && result.error;
    expect(error).toBeInstanceOf(StorageError);
    expect((error as Error).message).toBe('biscuit-consent: the consent cookie could not be saved; the choice applies to this page only');
    // The cause says what went wrong, for whoever reads the console.
    expect((error as Error).cause).toEqual(
      mode == 'throw' ? new Error('SecurityError: cookies are disabled') : new Error('the browser did not keep the cookie'),
    );
    expect(errors).toHaveBeenCalledWith(error);
    expect(change).toHaveBeenCalledOnce();
    expect(consent.allowed('analytics')).toBe(true);
    expect(consent.decided).toBe(true);
  });

  it('succeeds on retry once the problem is gone, without a second change event', async () => {
    const { storage, state } = brokenStorage('throw');
    const { consent } = setup({}, { storage });
    const change = vi.fn();
    consent.on('change', change);
    expect((await consent.save({ analytics: true })).ok).toBe(false);
    state.fixed = true;
    expect(await consent.save({ analytics: true })).toEqual({ ok: true });
    expect(decodeConsent(storage.read())?.choices.analytics).toBe(true);
    expect(change).toHaveBeenCalledOnce();
  });

  it('keeps a refusal in memory: nothing refused becomes allowed', async () => {
    const { storage } = brokenStorage('drop');
    const { consent } = setup({}, { storage });
    await consent.rejectAll();
    expect(consent.allowed('analytics')).toBe(false);
    expect(consent.decided).toBe(true);
  });

  it('treats an unreadable store as no decision', () => {
    const storage: ConsentStorage = {
      read: () => {
        throw new Error('SecurityError');
      },
      write: () => {},
      remove: () => {},
    };
    const { consent } = setup({}, { storage });
    expect(consent.decided).toBe(false);
  });

  it('does not let a refresh undo a choice that could not be saved', async () => {
    const { storage } = brokenStorage('drop');
    const { consent } = setup({}, { storage });
    await consent.acceptAll();
    consent.refresh();
    expect(consent.allowed('analytics')).toBe(true);
  });

  it('does not let a refresh bring back the stored choice the visitor just changed, when the change could not be saved', async () => {
    const { storage, state } = brokenStorage('throw');
    state.fixed = true;
    await setup({}, { storage }).consent.rejectAll();
    state.fixed = false;
    const { consent } = setup({}, { storage });
    expect((await consent.acceptAll()).ok).toBe(false);
    // A focus re-read finds the old refusal still in the cookie.
    consent.refresh();
    expect(consent.allowed('analytics')).toBe(true);
  });

  it('does not let an unreadable cookie undo a choice that could not be saved', async () => {
    const earlier = createMemoryStorage();
    await setup({}, { storage: earlier }).consent.rejectAll();
    let cookie = earlier.read();
    const storage: ConsentStorage = {
      read: () => cookie,
      write: () => {
        throw new Error('SecurityError: cookies are disabled');
      },
      remove: () => {},
    };
    const { consent } = setup({}, { storage });
    expect((await consent.acceptAll()).ok).toBe(false);
    // Another script overwrote the cookie with something that is not a choice.
    cookie = 'garbage';
    consent.refresh();
    expect(consent.allowed('analytics')).toBe(true);
    expect(consent.decided).toBe(true);
  });
});

describe('refresh', () => {
  it('adopts a choice another tab stored, with one change event', async () => {
    const storage = createMemoryStorage();
    const { consent } = setup({}, { storage });
    const other = setup({}, { storage }).consent;
    const change = vi.fn();
    consent.on('change', change);
    await other.save({ analytics: true });
    consent.refresh();
    consent.refresh();
    expect(consent.allowed('analytics')).toBe(true);
    expect(consent.get()).toEqual(other.get());
    expect(change).toHaveBeenCalledOnce();
  });

  it('agrees with the cookie when its own write lands after another tab’s choice it had adopted', async () => {
    // This tab's write waits (its cookie writer is still loading) while the other tab saves and says so.
    const shared = createMemoryStorage();
    let land = () => {};
    const slow: ConsentStorage = {
      read: () => shared.read(),
      write: (value) => new Promise<void>((resolve) => (land = () => resolve(shared.write(value)))),
      remove: () => shared.remove(),
    };
    const { consent } = setup({}, { storage: slow });
    const saving = consent.acceptAll();
    await setup({}, { storage: shared }).consent.rejectAll();
    consent.refresh();
    expect(consent.allowed('analytics')).toBe(false);
    land();
    expect(await saving).toEqual({ ok: true });
    // Its write came last: the cookie says accepted, and so does the page.
    expect(decodeConsent(shared.read())!.choices.analytics).toBe(true);
    expect(consent.allowed('analytics')).toBe(true);
  });

  it('keeps the same record, with no change event, when another tab stores the same answers', async () => {
    const storage = createMemoryStorage();
    const { consent } = setup({}, { storage });
    // Opened before this tab saved: its acceptance a minute later has its own time and ID.
    const other = setup({}, { storage, now: () => NOW + 60_000 }).consent;
    await consent.acceptAll();
    const record = consent.get();
    const change = vi.fn();
    consent.on('change', change);
    await other.acceptAll();
    expect(other.get().updatedAt).not.toBe(record.updatedAt);
    consent.refresh();
    expect(consent.get()).toBe(record);
    expect(change).not.toHaveBeenCalled();
  });

  it('follows a change of mind in another tab without asking again', async () => {
    const storage = createMemoryStorage();
    const { consent } = setup({}, { storage });
    await consent.acceptAll();
    const show = vi.fn();
    consent.on('show', show);
    await setup({}, { storage }).consent.rejectAll();
    consent.refresh();
    expect(consent.allowed('analytics')).toBe(false);
    expect(show).not.toHaveBeenCalled();
  });

  it.each([
    ['after choosing in this tab', true],
    ['in a tab that chose nothing itself (a returning visitor)', false],
  ])('follows a reset in another tab, asking again, %s', async (_, choseHere) => {
    const storage = createMemoryStorage();
    if (!choseHere) await setup({}, { storage }).consent.acceptAll();
    const { consent } = setup({}, { storage });
    if (choseHere) await consent.acceptAll();
    const show = vi.fn();
    consent.on('show', show);
    await setup({}, { storage }).consent.reset();
    consent.refresh();
    expect(consent.decided).toBe(false);
    expect(show).toHaveBeenCalledWith('banner');
  });

  it('follows another tab’s reset after adopting that tab’s choice', async () => {
    const storage = createMemoryStorage();
    const { consent } = setup({}, { storage });
    const other = setup({}, { storage }).consent;
    await other.acceptAll();
    consent.refresh();
    expect(consent.allowed('analytics')).toBe(true);
    await other.reset();
    consent.refresh();
    expect(consent.decided).toBe(false);
  });
});

describe('writing a choice', () => {
  it('applies it at once and writes it a task later, so the click that made it is painted first', async () => {
    const storage = createMemoryStorage();
    const write = vi.spyOn(storage, 'write');
    const { consent } = setup({}, { storage });
    const saved = consent.acceptAll();
    expect(consent.allowed('analytics')).toBe(true);
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(write).not.toHaveBeenCalled();
    expect(await saved).toEqual({ ok: true });
    expect(write).toHaveBeenCalledTimes(1);
  });
});

describe('reset', () => {
  it('forgets the choice, removes it from storage and asks again', async () => {
    const { consent, storage } = setup();
    const show = vi.fn();
    const change = vi.fn();
    consent.on('show', show);
    consent.on('change', change);
    await consent.acceptAll();
    const id = consent.get().id;
    await consent.reset();
    expect(storage.read()).toBeUndefined();
    expect(consent.decided).toBe(false);
    expect(consent.allowed('analytics')).toBe(false);
    expect(show).toHaveBeenCalledWith('banner');
    expect(change).toHaveBeenCalledTimes(2);
    await consent.acceptAll();
    expect(consent.get().id).not.toBe(id);
  });
});

describe('reset when storage fails', () => {
  it('reports the failure, still forgets the choice and asks again', async () => {
    const reportError = vi.fn();
    vi.stubGlobal('reportError', reportError);
    const failure = new Error('SecurityError: cookies are disabled');
    const storage: ConsentStorage = {
      read: () => undefined,
      write: () => {},
      remove: () => {
        throw failure;
      },
    };
    const { consent } = setup({}, { storage });
    const events: unknown[] = [];
    consent.on('show', (view) => events.push(view));
    consent.on('change', (record) => events.push(`decided: ${record.decided}`));
    await consent.acceptAll();
    await expect(consent.reset()).resolves.toBeUndefined();
    expect(reportError).toHaveBeenCalledWith(failure);
    expect(consent.decided).toBe(false);
    expect(events).toEqual(['decided: true', 'banner', 'decided: false']);
  });
});

describe('revision', () => {
  it('asks again when the config revision is newer than the stored one', async () => {
    const storage = createMemoryStorage();
    await setup({ revision: 1 }, { storage }).consent.acceptAll();
    const consent = setup({ revision: 2 }, { storage }).consent;
    expect(consent.decided).toBe(false);
    expect(consent.allowed('analytics')).toBe(false);
    expect(consent.get().previous).toEqual({ essential: true, preferences: true, analytics: true });
  });
});

describe('Global Privacy Control', () => {
  const config = { categories: { analytics: {}, marketing: {} } };

  it('lets "accept" grant everything but the gpc categories', async () => {
    const { consent } = setup(config, { gpc: true });
    await consent.acceptAll({ source: 'banner' });
    expect(consent.get().categories).toEqual({ essential: true, analytics: true, marketing: false });
  });

  it('lets an explicit yes for the category override the signal', async () => {
    const { consent } = setup(config, { gpc: true });
    await consent.save({ analytics: true, marketing: true }, { source: 'panel' });
    expect(consent.allowed('marketing')).toBe(true);
  });

  it('has no effect without the signal', async () => {
    const { consent } = setup(config);
    await consent.acceptAll();
    expect(consent.allowed('marketing')).toBe(true);
  });
});

describe('UK exemptions', () => {
  /** Appearance and statistics under an exemption; marketing needs consent. */
  const uk: ConsentConfig = {
    categories: { preferences: { exemption: 'appearance' }, analytics: { exemption: 'statistics' }, marketing: {} },
  };
  /** The stored answers of the optional categories, as the cookie holds them. */
  const storedAnswers = (storage: ConsentStorage) => storage.read()!.split('.')[4];

  describe('a first-time visitor', () => {
    it('runs exempt categories only from the moment they have been told, without deciding for them', async () => {
      const { consent, storage } = setup(uk);
      const ran = vi.fn();
      const change = vi.fn();
      consent.whenAllowed('analytics', ran);
      consent.on('change', change);
      expect(consent.allowed('analytics')).toBe(false);
      expect(consent.get().exempt).toEqual([]);

      consent.noticeShown();
      expect(consent.allowed('preferences')).toBe(true);
      expect(consent.allowed('analytics')).toBe(true);
      expect(consent.allowed('marketing')).toBe(false);
      expect(consent.decided).toBe(false);
      expect(consent.get().exempt).toEqual(['preferences', 'analytics']);
      expect(ran).toHaveBeenCalledOnce();
      // Being told is no choice: nothing is stored, and the banner still asks.
      expect(storage.read()).toBeUndefined();
      await vi.waitFor(() => expect(change).toHaveBeenCalledOnce());
      expect(change.mock.calls[0]![0]).toBe(consent.get());
    });

    it('is told once: a second notice changes nothing', async () => {
      const { consent } = setup(uk);
      consent.noticeShown();
      const record = consent.get();
      consent.noticeShown();
      expect(consent.get()).toBe(record);
    });

    it('does not need telling without exempt categories', () => {
      const { consent } = setup({ categories: { analytics: {} } });
      const record = consent.get();
      consent.noticeShown();
      expect(consent.get()).toBe(record);
      expect(consent.allowed('analytics')).toBe(false);
    });

    it('counts a choice as being told, so what it leaves alone runs under its exemption', async () => {
      const { consent, storage } = setup(uk);
      await consent.save({ marketing: true });
      expect(consent.get()).toMatchObject({
        decided: true,
        categories: { preferences: true, analytics: true, marketing: true },
        exempt: ['preferences', 'analytics'],
      });
      expect(storedAnswers(storage)).toBe('preferences=e&analytics=e&marketing=1');
    });
  });

  it('runs exempt categories at once for a returning visitor', async () => {
    const storage = createMemoryStorage();
    await setup(uk, { storage }).consent.save({});
    const { consent } = setup(uk, { storage });
    expect(consent.allowed('analytics')).toBe(true);
    expect(consent.get().exempt).toEqual(['preferences', 'analytics']);
  });

  describe('hiding the message', () => {
    it('is an acknowledgement, recorded apart from consent', async () => {
      const { consent, storage } = setup(uk);
      consent.noticeShown();
      await consent.save({}, { source: 'banner' });
      expect(consent.get()).toMatchObject({
        decided: true,
        source: 'banner',
        categories: { essential: true, preferences: true, analytics: true, marketing: false },
        exempt: ['preferences', 'analytics'],
      });
      expect(storedAnswers(storage)).toBe('preferences=e&analytics=e&marketing=0');
    });

    it('differs from consent given one by one, which leaves the exempt list', async () => {
      const { consent, storage } = setup(uk);
      const change = vi.fn();
      await consent.save({});
      consent.on('change', change);
      await consent.save({ analytics: true }, { source: 'panel' });
      expect(consent.allowed('analytics')).toBe(true);
      expect(consent.get().exempt).toEqual(['preferences']);
      expect(storedAnswers(storage)).toBe('preferences=e&analytics=1&marketing=0');
      // Same categories on, a different footing: listeners hear of it.
      expect(change).toHaveBeenCalledOnce();
    });
  });

  describe('objecting', () => {
    it('turns an exempt category off, at once and for good', async () => {
      const { consent, storage } = setup(uk);
      consent.noticeShown();
      const change = vi.fn();
      consent.on('change', change);
      await consent.save({ analytics: false }, { source: 'panel' });
      expect(consent.allowed('analytics')).toBe(false);
      expect(consent.get().exempt).toEqual(['preferences']);
      expect(storedAnswers(storage)).toBe('preferences=e&analytics=0&marketing=0');
      expect(change.mock.lastCall![1].categories.analytics).toBe(true);
      const later = setup(uk, { storage }).consent;
      later.noticeShown();
      expect(later.allowed('analytics')).toBe(false);
    });

    it('is what rejecting does to every exempt category', async () => {
      const { consent, storage } = setup(uk);
      consent.noticeShown();
      await consent.rejectAll({ source: 'banner' });
      expect(consent.get()).toMatchObject({ categories: { preferences: false, analytics: false, marketing: false }, exempt: [] });
      expect(storedAnswers(storage)).toBe('preferences=0&analytics=0&marketing=0');
    });

    it('stops whenAllowed callbacks that were waiting', async () => {
      const { consent } = setup(uk);
      const ran = vi.fn();
      consent.whenAllowed('analytics', ran);
      await consent.rejectAll();
      consent.noticeShown();
      expect(ran).not.toHaveBeenCalled();
    });
  });

  describe('accepting', () => {
    it('grants the categories that need consent and leaves exempt ones under their exemption', async () => {
      const { consent, storage } = setup(uk);
      consent.noticeShown();
      await consent.acceptAll({ source: 'banner' });
      expect(consent.get()).toMatchObject({
        categories: { preferences: true, analytics: true, marketing: true },
        exempt: ['preferences', 'analytics'],
      });
      expect(storedAnswers(storage)).toBe('preferences=e&analytics=e&marketing=1');
    });

    it('keeps a consent already given, and lifts an objection without calling it consent', async () => {
      const { consent, storage } = setup(uk);
      await consent.save({ preferences: true, analytics: false });
      await consent.acceptAll();
      expect(storedAnswers(storage)).toBe('preferences=1&analytics=e&marketing=1');
      expect(consent.get()).toMatchObject({ categories: { preferences: true, analytics: true }, exempt: ['analytics'] });
    });
  });

  it('keeps exempt categories waiting again after a reset, until the banner is shown again', async () => {
    const { consent } = setup(uk);
    await consent.save({});
    await consent.reset();
    expect(consent.allowed('analytics')).toBe(false);
    consent.noticeShown();
    expect(consent.allowed('analytics')).toBe(true);
  });

  it('keeps them waiting after another tab reset, until the banner is shown here', async () => {
    const storage = createMemoryStorage();
    const { consent } = setup(uk, { storage });
    await consent.save({});
    await setup(uk, { storage }).consent.reset();
    consent.refresh();
    expect(consent.decided).toBe(false);
    expect(consent.allowed('analytics')).toBe(false);
  });

  it('does not let a notice undo a reset in progress', async () => {
    const storage = createMemoryStorage();
    const { consent } = setup(uk, { storage });
    await consent.rejectAll();
    const reset = consent.reset();
    consent.noticeShown();
    await reset;
    expect(consent.decided).toBe(false);
    expect(consent.allowed('analytics')).toBe(true);
  });

  describe('with Global Privacy Control', () => {
    it('counts the signal as an objection, even once told and after accepting', async () => {
      const { consent } = setup({ categories: { ...uk.categories, social: {} } }, { gpc: true });
      consent.noticeShown();
      expect(consent.allowed('analytics')).toBe(false);
      await consent.acceptAll({ source: 'banner' });
      expect(consent.get().categories).toEqual({ essential: true, preferences: false, analytics: false, marketing: false, social: true });
    });

    it('lets the visitor turn a category back on one by one', async () => {
      const storage = createMemoryStorage();
      const { consent } = setup(uk, { gpc: true, storage });
      await consent.save({ analytics: true }, { source: 'panel' });
      expect(consent.allowed('analytics')).toBe(true);
      expect(setup(uk, { gpc: true, storage }).consent.allowed('analytics')).toBe(true);
    });
  });

  it('needs consent for everything with exemptions: false', async () => {
    const { consent, storage } = setup({ ...uk, exemptions: false });
    consent.noticeShown();
    expect(consent.allowed('analytics')).toBe(false);
    await consent.acceptAll();
    expect(consent.get().exempt).toEqual([]);
    expect(storedAnswers(storage)).toBe('preferences=1&analytics=1&marketing=1');
  });
});

describe('the consent log', () => {
  it('sends each saved record and settles without waiting when not required', async () => {
    const log = vi.fn(() => new Promise<void>(() => {}));
    const { consent } = setup({ consentLog: { url: '/log' } }, { log });
    expect(await consent.acceptAll()).toEqual({ ok: true });
    expect(log).toHaveBeenCalledWith(consent.get());
  });

  it('reports a failed log as a ConsentLogError event, and the choice still holds', async () => {
    const failure = new Error('the consent log answered 503');
    const { consent } = setup({ consentLog: { url: '/log' } }, { log: () => Promise.reject(failure) });
    const errors = vi.fn();
    consent.on('error', errors);
    expect(await consent.acceptAll()).toEqual({ ok: true });
    await vi.waitFor(() => expect(errors).toHaveBeenCalledWith(new ConsentLogError('the consent log answered 503')));
    expect(errors.mock.calls[0]![0]).toBeInstanceOf(ConsentLogError);
    expect(errors.mock.calls[0]![0].cause).toBe(failure);
    expect(consent.allowed('analytics')).toBe(true);
  });

  it('fails the save when the log is required and did not confirm', async () => {
    const log = vi.fn().mockRejectedValueOnce(new Error('the consent log could not be reached')).mockResolvedValueOnce(undefined);
    const { consent } = setup({ consentLog: { url: '/log', required: true } }, { log });
    const result = await consent.acceptAll();
    expect(result).toEqual({ ok: false, error: new ConsentLogError('the consent log could not be reached') });
    expect(!result.ok && result.error).toBeInstanceOf(ConsentLogError);
    expect(consent.allowed('analytics')).toBe(true);
    // Trying again re-sends the same record.
    expect(await consent.acceptAll()).toEqual({ ok: true });
    expect(log).toHaveBeenCalledTimes(2);
    expect(log.mock.calls[1]![0]).toBe(log.mock.calls[0]![0]);
  });

  it('sends each new choice, and each one once', async () => {
    const log = vi.fn((_: ConsentRecord) => Promise.resolve());
    const { consent } = setup({ consentLog: { url: '/log', required: true } }, { log });
    await consent.acceptAll();
    await consent.acceptAll();
    await consent.rejectAll();
    expect(log.mock.calls.map(([record]) => record.categories)).toEqual([
      { essential: true, preferences: true, analytics: true },
      { essential: true, preferences: false, analytics: false },
    ]);
  });

  it('gives a clear error for a log that fails without saying why', async () => {
    const { consent } = setup({ consentLog: { url: '/log', required: true } }, { log: () => Promise.reject(undefined) });
    const result = await consent.acceptAll();
    expect(!result.ok && result.error).toEqual(new ConsentLogError('the consent log failed'));
    expect(((!result.ok && result.error) as Error).message).toBe('biscuit-consent: the consent log failed');
  });

  it('sends one request for a double click', async () => {
    const log = vi.fn(() => Promise.resolve());
    const { consent } = setup({ consentLog: { url: '/log', required: true } }, { log });
    await Promise.all([consent.acceptAll(), consent.acceptAll()]);
    expect(log).toHaveBeenCalledOnce();
  });
});

describe('plugins and destroy', () => {
  it('tells plugins of each new choice once, the moment it applies, and of a reset only when something was decided', async () => {
    const heard: unknown[] = [];
    const { consent } = setup({}, { plugins: [(_, onApply) => void onApply((record) => heard.push([record.decided, record.categories.analytics]))] });
    await consent.reset();
    await consent.acceptAll();
    await consent.acceptAll();
    await consent.save({ analytics: true });
    await consent.rejectAll();
    await consent.reset();
    expect(heard).toEqual([
      [true, true],
      [true, false],
      [false, false],
    ]);
  });

  it('reports a plugin that throws as it attaches, and the consent API still works', async () => {
    const reportError = vi.fn();
    vi.stubGlobal('reportError', reportError);
    const broken = new Error('BroadcastChannel is not a constructor');
    const later = vi.fn();
    const { consent } = setup(
      {},
      {
        plugins: [
          () => {
            throw broken;
          },
          () => later,
        ],
      },
    );
    expect(reportError).toHaveBeenCalledWith(broken);
    expect(await consent.acceptAll()).toEqual({ ok: true });
    consent.destroy();
    expect(later).toHaveBeenCalledOnce();
  });

  it('attaches plugins in order and cleans them up on destroy', async () => {
    const order: string[] = [];
    const { consent } = setup(
      {},
      {
        plugins: [
          (c) => {
            order.push(`a:${c.decided}`);
            return () => order.push('cleanup a');
          },
          () => {
            order.push('b');
          },
        ],
      },
    );
    const change = vi.fn();
    consent.on('change', change);
    consent.destroy();
    await consent.acceptAll();
    expect(order).toEqual(['a:false', 'b', 'cleanup a']);
    expect(change).not.toHaveBeenCalled();
  });

  it('lets a plugin use what another offers, whichever attached first', () => {
    const activate = vi.fn();
    let later: (() => void) | undefined;
    setup(
      {},
      {
        plugins: [
          (_, _onApply, _provide, use) => {
            // Asked for before the offering plugin attached: not there yet.
            expect(use('activate')).toBeUndefined();
            later = () => use('activate')!({} as Element);
          },
          (_, _onApply, provide) => provide('activate', activate),
        ],
      },
    );
    later!();
    expect(activate).toHaveBeenCalledOnce();
  });
});
