import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ConsentBinding } from '../bindings/consent-binding';
import { missingProvider } from '../bindings/missing-provider';

/**
 * A binding plus whether its provider has committed once. Preact has no
 * hydration-aware snapshot, so the provider's first commit (server rendering
 * or hydration) is what shows `serverRecord`.
 */
export interface PreactBinding extends ConsentBinding {
  readonly settled: { current: boolean };
}

/** Carries the bound consent instance from `ConsentProvider` to the hooks. */
export const ConsentContext = createContext<PreactBinding | null>(null);

/** The nearest provider's binding; throws naming `caller` when there is none. */
export function useBinding(caller: string): PreactBinding {
  const binding = useContext(ConsentContext);
  if (!binding) throw missingProvider(caller, 'biscuit-consent/preact');
  return binding;
}
