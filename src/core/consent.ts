/**
 * The consent API: the object \`createConsent\` returns, with its events and
 * the results of saving. \`createStore\` (store.ts) implements it.
 */
import type { ResolvedConfig } from './config';
import type { BiscuitError, ConsentLogError, StorageError } from './errors';
import type { ConsentRecord, ConsentSource } from './record';

/** What a save settles with: `ok` once the cookie (and a required consent log) confirmed it. */
export type SaveResult = { readonly ok: true } | { readonly ok: false; readonly error: StorageError | ConsentLogError };

/** Which part of the UI to show. */
export type ConsentView = 'banner' | 'preferences';

/** Events of `consent.on`. */
export interface ConsentEvents<C extends string = string> {
  /**
   * The record changed; `previous` is the one it replaced. Follows the cookie
   * write, or (no write) the moment a first-time visitor is told and exempt
   * categories start.
   */
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
  /**
   * The browser sends Global Privacy Control, so `gpc` categories are refused,
   * and categories with an exemption objected to, unless granted one by one.
   */
  readonly gpc: boolean;
  /**
   * Whether `category` may run: essential always; another when the visitor
   * granted it; one with an `exemption` unless the visitor objected, once
   * they have been told (see `noticeShown`). Unknown or undecided: `false`.
   */
  allowed(category: C): boolean;
  /** The current record: frozen, and the same object until the next change. */
  get(): ConsentRecord<C>;
  /**
   * Grant every optional category that needs consent (except those refused by
   * Global Privacy Control). Categories with an exemption are on again if the
   * visitor had objected (unless Global Privacy Control objects), under their
   * exemption rather than by consent; one granted by consent stays granted.
   */
  acceptAll(options?: SaveOptions): Promise<SaveResult>;
  /** Refuse every optional category, and object to those with an exemption. */
  rejectAll(options?: SaveOptions): Promise<SaveResult>;
  /**
   * Grant (`true`) or refuse (`false`) categories one by one; for a category
   * with an exemption, `false` is an objection and `true` consent. Categories
   * left out keep their current state, so `save({})` records that the visitor
   * saw the message and changed nothing: an acknowledgement, not consent.
   */
  save(choices: Partial<Record<C, boolean>>, options?: SaveOptions): Promise<SaveResult>;
  /** Run `fn` once: now if `category` is granted, else when it is. Returns an unsubscribe. */
  whenAllowed(category: C, fn: () => void): () => void;
  /** Listen to an event. Returns an unsubscribe. */
  on<E extends keyof ConsentEvents<C>>(event: E, listener: ConsentEvents<C>[E]): () => void;
  /** Show the banner. */
  showBanner(): void;
  /**
   * Says the visitor can now see the notice about the categories with an
   * exemption (the banner): from this moment those they have not objected to
   * are allowed. The built-in banner calls it once it is on screen; with
   * `biscuit-consent/core`, call it when your own notice is. Until then, or
   * a choice, exempt categories wait. A returning visitor needs no notice.
   */
  noticeShown(): void;
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
