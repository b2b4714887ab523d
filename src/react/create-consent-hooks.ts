import type { ReactNode } from 'react';
import type { ConsentRecord } from '../core/record';
import type { Consent } from '../core/store';
import { ConsentGate, type ConsentGateProps } from './consent-gate';
import { ConsentProvider, type ConsentProviderProps } from './consent-provider';
import { useConsent } from './use-consent';
import { useConsentInstance } from './use-consent-instance';

/** The bindings typed with the category names `C`. */
export interface ConsentHooks<C extends string> {
  ConsentProvider: (props: ConsentProviderProps<C>) => ReactNode;
  useConsent: () => ConsentRecord<C>;
  useConsentInstance: () => Consent<C>;
  ConsentGate: (props: ConsentGateProps<C>) => ReactNode;
}

/**
 * The same provider, hooks and gate, typed with the category names of
 * `consent`, so `<ConsentGate category="analytcs">` is a compile error:
 *
 * ```tsx
 * export const consent = createConsent({ categories: { analytics: {} } });
 * export const { ConsentProvider, ConsentGate, useConsent } = createConsentHooks(consent);
 * ```
 *
 * `consent` only supplies the types: the hooks still read the instance from the
 * nearest `ConsentProvider`, so a server can render each request with its own.
 * Also callable as `createConsentHooks<'essential' | 'analytics'>()`.
 */
export function createConsentHooks<C extends string>(consent?: Consent<C>): ConsentHooks<C> {
  void consent;
  // The untyped bindings already do the work; only their types narrow.
  return { ConsentProvider, useConsent, useConsentInstance, ConsentGate };
}
