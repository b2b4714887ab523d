import { h, type ComponentChildren } from 'preact';
import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { bindConsent } from '../bindings/consent-binding';
import type { ConsentRecord } from '../core/record';
import type { Consent } from '../core/store';
import { ConsentContext, type PreactBinding } from './context';

/** Props of `ConsentProvider`. */
export interface ConsentProviderProps<C extends string = string> {
  /** The instance `createConsent` returned. */
  consent: Consent<C>;
  /**
   * For server-rendered pages: the record the server rendered with, passed on
   * both sides (e.g. `readConsent(cookieHeader)` from `biscuit-consent/server`,
   * serialized into the page). The provider's first render shows it and the
   * live record takes over straight after, before the browser paints: Preact's
   * `hydrate()` does not correct attributes that differ from the server's
   * HTML, so hydrating with anything else can leave them stale. Leave it out
   * when the page is not server-rendered; keep it the same object between renders.
   */
  serverRecord?: ConsentRecord<C> | undefined;
  children?: ComponentChildren;
}

/** Makes `consent` available to `useConsent`, `useConsentInstance` and `ConsentGate` below it. */
export function ConsentProvider<C extends string = string>({ consent, serverRecord, children }: ConsentProviderProps<C>) {
  const settled = useRef(false);
  // One binding per instance: its stable `subscribe` keeps the hooks from resubscribing on every render.
  const value = useMemo<PreactBinding>(() => ({ ...bindConsent(consent, serverRecord), settled }), [consent, serverRecord]);
  // Never runs on a server, so server rendering shows serverRecord throughout.
  useLayoutEffect(() => {
    settled.current = true;
  }, []);
  return h(ConsentContext.Provider, { value }, children);
}
