/**
 * `biscuit-consent/preact`: a provider, a hook and a gate for Preact 10.
 * Preact is a peer dependency and is never bundled; `preact/compat` is not needed.
 */
export { ConsentGate, type ConsentGateProps } from './consent-gate';
export { ConsentProvider, type ConsentProviderProps } from './consent-provider';
export { createConsentHooks, type ConsentHooks } from './create-consent-hooks';
export { useConsent } from './use-consent';
export { useConsentInstance } from './use-consent-instance';
