import { createContext, useContext } from 'react';
import type { ConsentBinding } from '../bindings/consent-binding';
import { missingProvider } from '../bindings/missing-provider';

/** Carries the bound consent instance from `ConsentProvider` to the hooks. */
export const ConsentContext = createContext<ConsentBinding | null>(null);

/** The nearest provider's binding; throws naming `caller` when there is none. */
export function useBinding(caller: string): ConsentBinding {
  const binding = useContext(ConsentContext);
  if (!binding) throw missingProvider(caller, 'biscuit-consent/react');
  return binding;
}
