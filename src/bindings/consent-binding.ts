import { createRecord, type ConsentRecord } from '../core/record';
import type { Consent } from '../core/consent';

/**
 * What a `ConsentProvider` hands its hooks, framework-free so the React and
 * Preact bindings share it without importing each other's framework.
 */
export interface ConsentBinding<C extends string = string> {
  readonly consent: Consent<C>;
  /** Calls `onChange` after every change of the record; returns the unsubscribe. */
  readonly subscribe: (onChange: () => void) => () => void;
  /** The current record: the same object until the next change, so it is a valid snapshot. */
  readonly get: () => ConsentRecord<C>;
  /** The record given for server rendering and hydration, if any. */
  readonly serverRecord: ConsentRecord<C> | undefined;
  /**
   * What server rendering and hydration show: `serverRecord`, else a record
   * in which nobody has decided yet. The same object on every call.
   */
  readonly server: () => ConsentRecord<C>;
}

/**
 * Binds a consent instance for the hooks. The default server record grants
 * nothing but essential cookies: the server rarely sees the visitor's choice,
 * refusing is the only answer that is safe to render before knowing it, and it
 * depends on the config alone, so server and browser render the same HTML.
 * It is built from the config (no cookie, no DOM), so it works on a server.
 */
export function bindConsent<C extends string>(consent: Consent<C>, serverRecord?: ConsentRecord<C>): ConsentBinding<C> {
  let undecided: ConsentRecord<C> | undefined;
  return {
    consent,
    subscribe: (onChange) => consent.on('change', () => onChange()),
    get: () => consent.get(),
    serverRecord,
    server: () => serverRecord || (undecided ||= createRecord(consent.config, () => false) as ConsentRecord<C>),
  };
}
