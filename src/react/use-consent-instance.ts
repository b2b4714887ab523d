import type { Consent } from '../core/store';
import { useBinding } from './context';

/**
 * The consent instance from the nearest `ConsentProvider`, to act on it:
 * `acceptAll()`, `save()`, `showPreferences()` … Does not re-render on
 * changes; use `useConsent()` to read the record. Throws outside a provider.
 */
export function useConsentInstance(): Consent {
  return useBinding('useConsentInstance()').consent;
}
