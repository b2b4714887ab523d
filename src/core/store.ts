import { decodeConsent, encodeConsent } from './codec';
import type { ResolvedConfig } from './config';
import { createEmitter } from './emitter';
import { report } from './report';
import { ConsentLogError, StorageError, type BiscuitError } from './errors';
import { checkChoices, createRecord, randomId, recordFromStored, type ConsentRecord, type ConsentSource } from './record';
import type { ConsentStorage } from './consent-storage';

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
  /** Forget the choice, delete the consent cookie and ask again. Settles once the cookie is gone. */
  reset(): Promise<void>;
  /** Re-read the stored choice, e.g. after another tab changed it. */
  refresh(): void;
  /** Remove every listener, observer and piece of UI this instance added. */
  destroy(): void;
}

/**
 * Something attached to a consent instance; returns its clean-up. `onApply`
 * hears of a new choice the moment it takes effect, before the write that
 * `change` waits for: what the choice lets run (blocked scripts, Consent Mode
 * signals) should not wait on the cookie.
 */
export type ConsentPlugin = (consent: Consent, onApply: (listener: (record: ConsentRecord) => void) => () => void) => (() => void) | void;

/** Options of `createStore`. */
export interface StoreOptions {
  readonly config: ResolvedConfig;
  readonly storage: ConsentStorage;
  /** The browser sends Global Privacy Control. */
  readonly gpc?: boolean;
  /** Milliseconds since 1970; injectable for tests. */
  readonly now?: () => number;
  /** Sends a record to the consent log; rejects with a `ConsentLogError`. */
  readonly log?: ((record: ConsentRecord) => Promise<void>) | undefined;
  /** Side effects to attach (DOM events, blocker, UI …), in order. */
  readonly plugins?: readonly ConsentPlugin[];
}

/** The same answer for every category: a change of timestamp or ID alone is not a change. */
const sameChoice = (a: ConsentRecord, b: ConsentRecord) =>
  a.decided == b.decided &&
  a.revision == b.revision &&
  Object.keys(a.categories).every((name) => a.categories[name] === b.categories[name]);

/**
 * The consent model: one record, kept in `storage`, changed only through the
 * API. A choice applies in memory at once (and `whenAllowed` callbacks run);
 * writes to storage run one after another, and each `change` event follows its
 * write, so a listener (another tab, a server request) that reads storage sees
 * what the event says.
 * Platform-free: everything that touches the page is a plugin.
 */
export function createStore({ config, storage, gpc = false, now = Date.now, log, plugins = [] }: StoreOptions): Consent {
  const emitter = createEmitter<ConsentEvents>();
  const applied = createEmitter<{ apply: (record: ConsentRecord) => void }>();
  const onApply = (listener: (record: ConsentRecord) => void) => applied.on('apply', listener);
  const cleanups: (() => void)[] = [];
  const read = () => {
    try {
      return storage.read();
    } catch {
      return undefined;
    }
  };
  const interpret = (value: string | undefined) => recordFromStored(decodeConsent(value), config, now(), gpc);

  /** The value last read from or confirmed in storage. */
  let stored = read();
  /** What `allowed()` answers. */
  let record = interpret(stored);
  /** The record the last `change` event carried. */
  let announced = record;
  /** The record lives only in memory: its write failed. */
  let unsaved = false;
  let writes: Promise<unknown> = Promise.resolve();
  let logging: { record: ConsentRecord; done: Promise<ConsentLogError | undefined> } | undefined;

  /** Makes `next` the answer of `allowed()`. */
  const apply = (next: ConsentRecord) => {
    const before = record;
    record = next;
    if (!sameChoice(before, next)) applied.emit('apply', next);
  };
  const announce = (next: ConsentRecord) => {
    if (sameChoice(next, announced)) return;
    const previous = announced;
    announced = next;
    emitter.emit('change', next, previous);
  };
  const fail = (error: BiscuitError) => {
    emitter.emit('error', error);
    return error;
  };
  /** Runs storage work after every earlier write, so the last choice is the one kept. */
  const queue = <T>(work: () => Promise<T>): Promise<T> => {
    const done = writes.then(work);
    writes = done.catch(() => {});
    return done;
  };

  async function persist(saving: ConsentRecord): Promise<StorageError | undefined> {
    const value = encodeConsent(saving, config.categories);
    try {
      await storage.write(value);
      if (read() !== value) throw new Error('the browser did not keep the cookie');
      stored = value;
      unsaved = false;
    } catch (cause) {
      unsaved = true;
      return new StorageError('the consent cookie could not be saved; the choice applies to this page only', { cause });
    }
  }

  function sendLog(saving: ConsentRecord): Promise<ConsentLogError | undefined> {
    if (!log) return Promise.resolve(undefined);
    // A double click or a retry of the same record sends it once.
    if (logging && logging.record === saving) return logging.done;
    const done = log(saving).then(
      () => undefined,
      (cause: unknown) => {
        logging = undefined;
        return fail(new ConsentLogError((cause as Error)?.message || 'the consent log failed', { cause }));
      },
    );
    logging = { record: saving, done };
    return done;
  }

  function commit(grant: (name: string, gpc: boolean) => boolean, source: ConsentSource): Promise<SaveResult> {
    const next = createRecord(config, grant, {
      decided: true,
      updatedAt: new Date(Math.floor(now() / 1000) * 1000).toISOString(),
      id: record.id || randomId(),
      source,
    });
    // Saving the same choice again (a double click, a retry) rewrites the
    // cookie and retries the log, but keeps the record: nothing changed.
    if (!sameChoice(record, next) || !record.updatedAt) apply(next);
    const saving = record;
    return queue(async () => {
      const storageError = await persist(saving);
      announce(saving);
      if (storageError) return { ok: false, error: fail(storageError) } as const;
      const logged = sendLog(saving);
      const logError = config.consentLog && config.consentLog.required && (await logged);
      return logError ? ({ ok: false, error: logError } as const) : ({ ok: true } as const);
    });
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
      const off = onApply(() => {
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
      const cleared = interpret(undefined);
      apply(cleared);
      consent.showBanner();
      return queue(async () => {
        try {
          await storage.remove();
        } catch (error) {
          report(error);
        }
        stored = undefined;
        unsaved = false;
        announce(cleared);
      });
    },
    refresh() {
      const value = read();
      // Nothing new, or an unreadable cookie that must not undo a choice held in memory.
      if (value === stored || (unsaved && !decodeConsent(value))) return;
      stored = value;
      unsaved = false;
      const fresh = interpret(value);
      if (sameChoice(fresh, record)) return;
      const wasDecided = record.decided;
      apply(fresh);
      announce(fresh);
      // Another tab forgot the choice (reset): ask here too, as reset() does.
      if (wasDecided && !fresh.decided) consent.showBanner();
    },
    destroy() {
      cleanups.splice(0).forEach((cleanup) => cleanup());
      emitter.clear();
      applied.clear();
    },
  };

  for (const plugin of plugins) {
    // One broken integration (a hostile page, a missing browser API) must not
    // take the consent API down with it.
    try {
      const cleanup = plugin(consent, onApply);
      if (cleanup) cleanups.push(cleanup);
    } catch (error) {
      report(error);
    }
  }
  return consent;
}
