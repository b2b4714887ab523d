import { createElement, useMemo, type ReactNode } from 'react';
import { bindConsent } from '../bindings/consent-binding';
import type { ConsentRecord } from '../core/record';
import type { Consent } from '../core/store';
import { ConsentContext } from './context';

/** Props of `ConsentProvider`. */
export interface ConsentProviderProps<C extends string = string> {
  /** The instance `createConsent` returned. */
  consent: Consent<C>;
  /**
   * The record used for server rendering and hydration; the live one takes
   * over as soon as the page has hydrated. Default: nobody has decided yet,
   * so only essential content renders on the server and hydration always
   * matches. To render the visitor's real choice on the server, pass the same
   * record on both sides (e.g. `readConsent(cookieHeader)` from
   * `biscuit-consent/server`, serialized into the page); keep it the same
   * object between renders.
   */
  serverRecord?: ConsentRecord<C> | undefined;
  children?: ReactNode;
}

/** Makes `consent` available to `useConsent`, `useConsentInstance` and `ConsentGate` below it. */
export function ConsentProvider<C extends string = string>({ consent, serverRecord, children }: ConsentProviderProps<C>): ReactNode {
  // One binding per instance: its stable `subscribe` keeps React from resubscribing on every render.
  const binding = useMemo(() => bindConsent(consent, serverRecord), [consent, serverRecord]);
  return createElement(ConsentContext.Provider, { value: binding }, children);
}
