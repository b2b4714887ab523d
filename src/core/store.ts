import { decodeConsent, encodeConsent } from './codec';
import type { ResolvedConfig } from './config';
import { createEmitter, report } from './emitter';
import { StorageError, type BiscuitError, type ConsentLogError } from './errors';
import { checkChoices, choicesFor, createRecord, randomId, recordFromStored, toStored, type ConsentRecord, type ConsentSource } from './record';
import type { ConsentStorage } from './storage';

/** What a save settles with: `ok` once the cookie (and a required consent log) confirmed it. */
export type SaveResult = { readonly ok: true } | { readonly ok: false; readonly error: StorageError | ConsentLogError };

/** Which part of the UI to show. */
export type ConsentView = 'banner' | 'preferences';

/** Events of `consent.on`. */
export interface ConsentEvents<C extends string = string> {
  /** The record changed; `previous` is the one it replaced. */
  change: (record: ConsentRecord<C>, previous: ConsentRecord<C>) => void;
  /** A save or a consent log failed. The choice still applies for this page view. */
  error: (error: BiscuitError) => void;
  /** The banner or the preferences panel was asked for. */
  show: (view: ConsentView) => void;
  /** The consent UI was asked to close. */
  hide: () => void;
}

/** Options of `acceptAll`, `rejectAll` and `save`. */
export interface SaveOptions {
  /** Where the choice was made; recorded in the cookie and the consent log. Default `api`. */
  source?: ConsentSource;
}

/** The consent API. `C` is the category names. */
export interface Consent<C extends string = string> {
  /** The validated config, with defaults filled in. */
  readonly config: ResolvedConfig;
  /** `true` once a current, unexpired choice exists. */
  readonly decided: boolean;
  /** The browser sends Global Privacy Control, so `gpc` categories are refused unless granted one by one. */
  readonly gpc: boolean;
  /** Whether the visitor granted `category` (essential: always; unknown or undecided: `false`). */
  allowed(category: C): boolean;
  /** The current record: frozen, and the same object until the next change. */
  get(): ConsentRecord<C>;
  /** Grant every optional category (except those refused by Global Privacy Control). */
  acceptAll(options?: SaveOptions): Promise<SaveResult>;
  /** Refuse every optional category. */
  rejectAll(options?: SaveOptions): Promise<SaveResult>;
  /** Grant or refuse categories one by one; categories left out keep their current state. */
  save(choices: Partial<Record<C, boolean>>, options?: SaveOptions): Promise<SaveResult>;
  /** Run `fn` once: now if `category` is granted, else when it is. Returns an unsubscribe. */
  whenAllowed(category: C, fn: () => void): () => void;
  /** Listen to an event. Returns an unsubscribe. */
  on<E extends keyof ConsentEvents<C>>(event: E, listener: ConsentEvents<C>[E]): () => void;
  /** Show the banner. */
  showBanner(): void;
  /** Show the preferences panel. */
  showPreferences(): void;
  /** Close whatever consent UI is showing. */
  hide(): void;
  /** Forget the choice, delete the consent cookie and ask again. */
  reset(): void;
  /** Re-read the stored choice, e.g. after another tab changed it. */
  refresh(): void;
  /** Remove every listener, observer and piece of UI this instance added. */
  destroy(): void;
}

/** Something attached to a consent instance; returns its clean-up. */
export type ConsentPlugin = (consent: Consent) => (() => void) | void;

/** Options of `createStore`. */
export interface StoreOptions {
  readonly config: ResolvedConfig;
  readonly storage: ConsentStorage;
  /** The browser sends Global Privacy Control. */
  readonly gpc?: boolean;
  /** Milliseconds since 1970; injectable for tests. */
  readonly now?: () => number;
  /** Sends a record to the consent log; rejects with a `ConsentLogError`. */
  readonly log?: (record: ConsentRecord) => Promise<void>;
  /** Side effects to attach (DOM events, blocker, UI …), in order. */
  readonly plugins?: readonly ConsentPlugin[];
}

const sameChoice = (a: ConsentRecord, b: ConsentRecord) =>
  a.decided == b.decided &&
  a.revision == b.revision &&
  Object.keys(a.categories).every((name) => a.categories[name] === b.categories[name]);

/**
 * The consent model: one record, kept in `storage`, changed only through the
 * API. Platform-free; everything that touches the page is a plugin.
 */
export function createStore({ config, storage, gpc = false, now = Date.now, log, plugins = [] }: StoreOptions): Consent {
  const emitter = createEmitter<ConsentEvents>();
  const cleanups: (() => void)[] = [];
  // The stored value we last read or wrote; undefined when a write failed,
  // so a refresh cannot replace a choice that lives only in memory.
  let storedValue: string | undefined;
  let unsaved = false;
  let pendingLog: { record: ConsentRecord; done: Promise<ConsentLogError | undefined> } | undefined;

  const readStored = () => {
    try {
      return storage.read();
    } catch {
      return undefined;
    }
  };
  const interpret = (value: string | undefined) => recordFromStored(decodeConsent(value), config, now(), gpc);

  storedValue = readStored();
  let record = interpret(storedValue);

  function replace(next: ConsentRecord) {
    const previous = record;
    record = next;
    emitter.emit('change', next, previous);
  }

  function fail(error: BiscuitError) {
    emitter.emit('error', error);
  }

  function persist(next: ConsentRecord): StorageError | undefined {
    let cause: unknown;
    try {
      const value = encodeConsent(toStored(next, config));
      storage.write(value);
      if (storage.read() === value) {
        storedValue = value;
        unsaved = false;
        return;
      }
    } catch (error) {
      cause = error;
    }
    unsaved = true;
    return new StorageError('biscuit-consent: the consent cookie could not be saved; the choice applies to this page only', { cause });
  }

  function sendLog(next: ConsentRecord): Promise<ConsentLogError | undefined> {
    if (!log) return Promise.resolve(undefined);
    if (pendingLog && pendingLog.record === next) return pendingLog.done;
    const done = log(next).then(
      () => undefined,
      (error: ConsentLogError) => {
        if (pendingLog && pendingLog.record === next) pendingLog = undefined;
        fail(error);
        return error;
      },
    );
    pendingLog = { record: next, done };
    return done;
  }

  async function commit(grant: (name: string, gpc: boolean) => boolean, source: ConsentSource): Promise<SaveResult> {
    const next = createRecord({
      decided: true,
      categories: choicesFor(config, grant),
      revision: config.revision,
      updatedAt: Math.floor(now() / 1000),
      id: record.id || randomId(),
      source,
    });
    // Saving the same choice again (a double click, a retry) re-writes the
    // cookie and retries the log, but is not a change.
    const changed = !sameChoice(record, next) || !record.updatedAt;
    const saved = changed ? next : record;
    const previous = record;
    record = saved;
    const storageError = persist(saved);
    if (changed) emitter.emit('change', saved, previous);
    if (storageError) {
      fail(storageError);
      return { ok: false, error: storageError };
    }
    const logged = sendLog(saved);
    const logError = config.consentLog && config.consentLog.required ? await logged : undefined;
    return logError ? { ok: false, error: logError } : { ok: true };
  }

  const current = (name: string) => record.categories[name] === true;

  const consent: Consent = {
    config,
    gpc,
    get decided() {
      return record.decided;
    },
    allowed: current,
    get: () => record,
    acceptAll: (options = {}) => commit((_, honoursGpc) => !(gpc && honoursGpc), options.source || 'api'),
    rejectAll: (options = {}) => commit(() => false, options.source || 'api'),
    save(choices, options = {}) {
      const given = checkChoices(config, choices, 'save');
      return commit(
        (name) => (Object.prototype.hasOwnProperty.call(given, name) ? given[name]! : current(name)),
        options.source || 'api',
      );
    },
    whenAllowed(category, fn) {
      if (current(category)) {
        try {
          fn();
        } catch (error) {
          report(error);
        }
        return () => {};
      }
      const off = emitter.on('change', () => {
        if (current(category)) {
          off();
          fn();
        }
      });
      return off;
    },
    on: emitter.on,
    showBanner: () => emitter.emit('show', 'banner'),
    showPreferences: () => emitter.emit('show', 'preferences'),
    hide: () => emitter.emit('hide'),
    reset() {
      try {
        storage.remove();
      } catch (error) {
        report(error);
      }
      storedValue = undefined;
      unsaved = false;
      replace(interpret(undefined));
      consent.showBanner();
    },
    refresh() {
      const value = readStored();
      if (value === storedValue) return;
      const fresh = interpret(value);
      // A choice that could not be saved must not be undone by an unreadable cookie.
      if (unsaved && !decodeConsent(value)) return;
      storedValue = value;
      unsaved = false;
      if (
        !sameChoice(fresh, record) ||
        fresh.updatedAt != record.updatedAt ||
        fresh.id != record.id
      ) {
        replace(fresh);
      }
    },
    destroy() {
      cleanups.splice(0).forEach((cleanup) => cleanup());
      emitter.clear();
    },
  };

  for (const plugin of plugins) {
    const cleanup = plugin(consent);
    if (cleanup) cleanups.push(cleanup);
  }
  return consent;
}
