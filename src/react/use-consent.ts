import { useSyncExternalStore } from 'react';
import type { ConsentRecord } from '../core/record';
import { useBinding } from './context';

/** Reads the record for `caller`, so errors name what the developer wrote. */
export function useRecord(caller: string): ConsentRecord {
  const { subscribe, get, server } = useBinding(caller);
  // `get()` returns the same frozen object until the record changes, which is
  // exactly the stable snapshot useSyncExternalStore needs: no tearing in
  // concurrent renders and no render loops.
  return useSyncExternalStore(subscribe, get, server);
}

/**
 * The visitor's consent record from the nearest `ConsentProvider`. Re-renders
 * the component when the record changes (a choice here, a withdrawal, another
 * tab), and only then. Throws outside a provider.
 */
export function useConsent(): ConsentRecord {
  return useRecord('useConsent()');
}
