/**
 * `biscuit-consent/preact`: a provider, a hook and a gate for Preact 10.
 * Preact is a peer dependency and is never bundled; `preact/compat` is not needed.
 */
import { createContext, h, type ComponentChildren } from 'preact';
import { useContext, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { bindConsent, type ConsentBinding } from '../bindings/consent-binding';
import * as shared from '../bindings/create-bindings';

/**
 * A binding plus whether its provider has committed once. Preact has no
 * hydration-aware snapshot, so the provider's first commit (server rendering
 * or hydration) is what shows `serverRecord`.
 */
interface PreactBinding extends ConsentBinding {
  readonly settled: { current: boolean };
}

const bindings = shared.createBindings<ComponentChildren, PreactBinding>(
  'biscuit-consent/preact',
  createContext,
  useContext,
  h as never,
  function useProviderValue(consent, serverRecord) {
    const settled = useRef(false);
    // One binding per instance: its stable `subscribe` keeps the hooks from resubscribing on every render.
    const value = useMemo(() => ({ ...bindConsent(consent, serverRecord), settled }), [consent, serverRecord]);
    // Never runs on a server, so server rendering shows serverRecord throughout.
    useLayoutEffect(() => {
      settled.current = true;
    }, []);
    return value;
  },
  // Preact 10's own `useSyncExternalStore` lives in `preact/compat`, which
  // would pull React's API shims into every app: this is the same by hand.
  function useSnapshot({ subscribe, get, serverRecord, settled }) {
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
  },
);

/** Props of `ConsentProvider`. */
export type ConsentProviderProps<C extends string = string> = shared.ConsentProviderProps<C, ComponentChildren>;
/** Props of `ConsentGate`. */
export type ConsentGateProps<C extends string = string> = shared.ConsentGateProps<C, ComponentChildren>;
/** The provider, hooks and gate typed with the category names `C` (see `createConsentHooks`). */
export type ConsentHooks<C extends string> = shared.ConsentHooks<C, ComponentChildren>;

/** Makes `consent` available to `useConsent`, `useConsentInstance` and `ConsentGate` below it. */
export const ConsentProvider = bindings.ConsentProvider;
/** The visitor's consent record from the nearest `ConsentProvider`; re-renders on every change, and only then. */
export const useConsent = bindings.useConsent;
/** The consent instance from the nearest `ConsentProvider`, to act on it; does not re-render on changes. */
export const useConsentInstance = bindings.useConsentInstance;
/** Renders `children` only while the visitor grants `category`, else `fallback`. */
export const ConsentGate = bindings.ConsentGate;
/** The provider, hooks and gate typed with the category names of `consent`, so a misspelt category is a compile error. */
export const createConsentHooks = bindings.createConsentHooks;
