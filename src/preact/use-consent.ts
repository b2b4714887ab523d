import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ConsentRecord } from '../core/record';
import { useBinding } from './context';

/**
 * Reads the record for `caller` (so errors name what the developer wrote) and
 * renders again whenever it changes: Preact 10's own `useSyncExternalStore`
 * lives in `preact/compat`, which would pull React's API shims into every app.
 */
export function useRecord(caller: string): ConsentRecord {
  const { subscribe, get, serverRecord, settled } = useBinding(caller);
  // `get()` is the same frozen object until the record changes, so reading it
  // on every render is cheap and never stale.
  const record = serverRecord && !settled.current ? serverRecord : get();
  const rendered = useRef(record);
  const [, rerender] = useState<object>({});
  // Layout effects run right after the DOM is updated, before any event can
  // reach the listener below, so it compares against what is on screen.
  useLayoutEffect(() => {
    rendered.current = record;
  });
  useLayoutEffect(() => {
    const check = () => {
      if (get() !== rendered.current) rerender({});
    };
    // The record may have changed between render and subscribing (another
    // tab, a choice made by a sibling's effect): check once now.
    check();
    return subscribe(check);
  }, [subscribe, get]);
  return record;
}

/**
 * The visitor's consent record from the nearest `ConsentProvider`. Re-renders
 * the component when the record changes (a choice here, a withdrawal, another
 * tab), and only then. Throws outside a provider.
 */
export function useConsent(): ConsentRecord {
  return useRecord('useConsent()');
}
