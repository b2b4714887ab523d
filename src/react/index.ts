/**
 * `biscuit-consent/react`: a provider, a hook and a gate for React 18 and 19.
 * React is a peer dependency and is never bundled.
 */
import { createContext, createElement, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { bindConsent } from '../bindings/consent-binding';
import * as shared from '../bindings/create-bindings';

const bindings = shared.createBindings<ReactNode, ReturnType<typeof bindConsent>>(
  'biscuit-consent/react',
  createContext,
  useContext,
  createElement as never,
  // One binding per instance: its stable `subscribe` keeps React from resubscribing on every render.
  (consent, serverRecord) => useMemo(() => bindConsent(consent, serverRecord), [consent, serverRecord]),
  // `get()` returns the same frozen object until the record changes, which is
  // exactly the stable snapshot useSyncExternalStore needs: no tearing in
  // concurrent renders and no render loops. `server` covers server rendering
  // and hydration.
  ({ subscribe, get, server }) => useSyncExternalStore(subscribe, get, server),
);

/** Props of `ConsentProvider`. */
export type ConsentProviderProps<C extends string = string> = shared.ConsentProviderProps<C, ReactNode>;
/** Props of `ConsentGate`. */
export type ConsentGateProps<C extends string = string> = shared.ConsentGateProps<C, ReactNode>;
/** The provider, hooks and gate typed with the category names `C` (see `createConsentHooks`). */
export type ConsentHooks<C extends string> = shared.ConsentHooks<C, ReactNode>;

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
