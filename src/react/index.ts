/**
 * `biscuit-consent/react`: a provider, a hook and a gate for React 18 and 19.
 * React is a peer dependency and is never bundled.
 */
export { ConsentGate, type ConsentGateProps } from './consent-gate';
export { ConsentProvider, type ConsentProviderProps } from './consent-provider';
export { createConsentHooks, type ConsentHooks } from './create-consent-hooks';
export { useConsent } from './use-consent';
export { useConsentInstance } from './use-consent-instance';
