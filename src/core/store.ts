import { decodeConsent } from './codec';
import type { ResolvedCategory, ResolvedConfig } from './config';
import { createEmitter } from './emitter';
import { report } from './report';
import type { Consent, ConsentEvents, SaveResult } from './consent';
import { ConsentLogError, StorageError, type BiscuitError } from './errors';
import type { Capabilities, ConsentPlugin, OnApply, Provide, Use } from './plugin';
import { answerIn, checkChoices, createChoice, recordFromStored, type Answer, type ConsentRecord, type ConsentSource } from './record';
import type { ConsentStorage } from './consent-storage';

/** Options of `createStore`. */
export interface StoreOptions {
  readonly config: ResolvedConfig;
  readonly storage: ConsentStorage;
  /**
   * Writes a record to `storage` (encoded by core/codec) and resolves with the
   * value kept; rejects when it was not kept. `writeChoice` of
   * src/storage/write-choice.ts, which the browser builds load with the cookie
   * writer, only once a choice is made.
   */
  readonly write: (storage: ConsentStorage, record: ConsentRecord, categories: readonly ResolvedCategory[]) => Promise<string>;
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
  '' + a.exempt == '' + b.exempt &&
  Object.keys(a.categories).every((name) => a.categories[name] === b.categories[name]);

/**
 * The consent model: one record, kept in `storage`, changed only through the
 * API. A choice applies in memory at once (and `whenAllowed` callbacks run);
 * writes to storage run one after another, and each `change` event follows its
 * write, so a listener (another tab, a server request) that reads storage sees
 * what the event says.
 * Platform-free: everything that touches the page is a plugin.
 */
export function createStore({ config, storage, write, gpc = false, now = Date.now, log, plugins = [] }: StoreOptions): Consent {
  const emitter = createEmitter<ConsentEvents>();
  const applied = createEmitter<{ apply: (record: ConsentRecord) => void }>();
  const onApply: OnApply = (listener) => applied.on('apply', listener);
  const cleanups: (() => void)[] = [];
  const read = () => {
    try {
      return storage.read();
    } catch {
      return undefined;
    }
  };
  /**
   * The visitor has been told about the exempt categories on this page (the
   * banner showed, or they chose), so those they have not objected to run.
   */
  let told = false;
  /** The stored value the record was last read from: what it is read from again once the visitor is told. */
  let basis: string | undefined;
  const interpret = (value: string | undefined) => recordFromStored(decodeConsent((basis = value)), config, now(), gpc, told);

  /** The value last read from or confirmed in storage. */
  let stored = read();
  /** What `allowed()` answers. */
  let record = interpret(stored);
  /** The record the last `change` event carried. */
  let announced = record;
  /** The record lives only in memory: its write failed. */
  let unsaved = false;
  /** The record this instance saved last, so a write that lands after another tab's still applies here. */
  let latest: ConsentRecord | undefined;
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
  // After a task's pause: the click that made the choice gets its next frame
  // painted first (interaction latency), and what the choice allows has
  // already started (apply runs before this).
  const queue = <T>(work: () => Promise<T>): Promise<T> => {
    const paused = new Promise((resolve) => setTimeout(resolve));
    const done = writes.then(() => paused).then(work);
    writes = done.catch(() => {});
    return done;
  };

  async function persist(saving: ConsentRecord): Promise<StorageError | undefined> {
    try {
      stored = await write(storage, saving, config.categories);
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

  /**
   * Records a choice: `answer` gets each optional category and its answer as
   * things stand for a visitor who has been told (a choice means they were).
   */
  function commit(answer: (category: ResolvedCategory, current: Answer) => Answer, source: ConsentSource): Promise<SaveResult> {
    told = true;
    const base = record.decided ? record : interpret(basis);
    const next = createChoice(config, (category) => answer(category, answerIn(base, category.name)), { now: now(), id: record.id, source });
    // Saving the same choice again (a double click, a retry) rewrites the
    // cookie and retries the log, but keeps the record: nothing changed.
    if (!sameChoice(record, next) || !record.updatedAt) apply(next);
    const saving = (latest = record);
    return queue(async () => {
      const storageError = await persist(saving);
      // Another tab's choice, adopted while this write waited, is now overwritten in the cookie:
      // the page follows the cookie again (unless a later choice of its own is on its way).
      if (!storageError && saving === latest) apply(saving);
      announce(saving);
      if (storageError) return { ok: false, error: fail(storageError) } as const;
      const logged = sendLog(saving);
      const logError = config.consentLog?.required && (await logged);
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
    // Accepting grants what needs consent, and lifts an objection to an exempt
    // category (GPC's aside): it runs under its exemption, not by consent.
    acceptAll: (options = {}) =>
      commit((category, said) => (category.exemption ? said || (gpc ? false : null) : !(gpc && category.gpc)), options.source || 'api'),
    rejectAll: (options = {}) => commit(() => false, options.source || 'api'),
    save(choices, options = {}) {
      const given = checkChoices(config, choices, 'save');
      return commit(({ name }, said) => (Object.prototype.hasOwnProperty.call(given, name) ? given[name] : said), options.source || 'api');
    },
    noticeShown() {
      const waiting = !told && !record.decided;
      told = true;
      const next = waiting && interpret(basis);
      if (next && !sameChoice(next, record)) {
        apply(next);
        // After any write in progress, as every `change` is.
        queue(async () => announce(next));
      }
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
      told = false;
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
      // Another tab's reset asks again here: exempt categories wait until the banner shows again.
      if (record.decided) told = false;
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

  // Keyed by our own plugins' names only, never by anything from the page.
  const capabilities: Partial<Capabilities> = {};
  const provide: Provide = (name, capability) => void (capabilities[name] = capability);
  const use: Use = (name) => capabilities[name];
  for (const plugin of plugins) {
    // One broken integration (a hostile page, a missing browser API) must not
    // take the consent API down with it.
    try {
      const cleanup = plugin(consent, onApply, provide, use);
      if (cleanup) cleanups.push(cleanup);
    } catch (error) {
      report(error);
    }
  }
  return consent;
}
