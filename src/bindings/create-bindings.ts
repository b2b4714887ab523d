import type { ConsentRecord } from '../core/record';
import type { Consent } from '../core/consent';
import type { ConsentBinding } from './consent-binding';
import { isGranted } from './is-granted';
import { missingProvider } from './missing-provider';

/** Props of `ConsentProvider`; `N` is the framework's node type (`ReactNode`, Preact's `ComponentChildren`). */
export interface ConsentProviderProps<C extends string = string, N = unknown> {
  /** The instance `createConsent` returned. */
  consent: Consent<C>;
  /**
   * For server-rendered pages: the record the server rendered with (e.g.
   * `readConsent(cookieHeader)` from `biscuit-consent/server`, serialized into
   * the page), passed on both sides and kept the same object between renders;
   * the live record takes over once the page has hydrated. Without it, server
   * rendering shows a record in which nobody has decided, so only essential
   * content renders there. React needs it only to render the real choice on
   * the server; Preact's `hydrate()` does not correct attributes that differ
   * from the server's HTML, so with Preact pass it whenever the page is
   * server-rendered.
   */
  serverRecord?: ConsentRecord<C> | undefined;
  children?: N;
}

/** Props of `ConsentGate`. */
export interface ConsentGateProps<C extends string = string, N = unknown> {
  /** The category that must be granted, e.g. `"analytics"`. */
  category: C;
  /** Rendered while it is granted. */
  children?: N;
  /** Rendered while it is not (undecided, refused or withdrawn). Default: nothing. */
  fallback?: N;
}

/** The provider, hooks and gate, typed with the category names `C`. */
export interface ConsentHooks<C extends string, N = unknown> {
  /** Makes `consent` available to `useConsent`, `useConsentInstance` and `ConsentGate` below it. */
  ConsentProvider: (props: ConsentProviderProps<C, N>) => N;
  /**
   * The visitor's consent record from the nearest `ConsentProvider`. Re-renders
   * the component when the record changes (a choice here, a withdrawal, another
   * tab), and only then. Throws outside a provider.
   */
  useConsent: () => ConsentRecord<C>;
  /**
   * The consent instance from the nearest `ConsentProvider`, to act on it:
   * `acceptAll()`, `save()`, `showPreferences()` … Does not re-render on
   * changes; use `useConsent()` to read the record. Throws outside a provider.
   */
  useConsentInstance: () => Consent<C>;
  /**
   * Renders `children` only while the visitor grants `category`, and `fallback`
   * otherwise; follows every change, so a withdrawal unmounts the children.
   * Throws outside a `ConsentProvider`.
   */
  ConsentGate: (props: ConsentGateProps<C, N>) => N;
}

/**
 * Everything an entry exports: the untyped bindings (the provider and the gate
 * take any category name, or the names given as a type argument) and the
 * factory of typed ones.
 */
export interface ConsentBindings<N> extends Omit<ConsentHooks<string, N>, 'ConsentProvider' | 'ConsentGate'> {
  /** Makes `consent` available to `useConsent`, `useConsentInstance` and `ConsentGate` below it. */
  ConsentProvider<C extends string = string>(props: ConsentProviderProps<C, N>): N;
  /** Renders `children` only while the visitor grants `category`, and `fallback` otherwise. */
  ConsentGate<C extends string = string>(props: ConsentGateProps<C, N>): N;
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
  createConsentHooks<C extends string>(consent?: Consent<C>): ConsentHooks<C, N>;
}

/** A context object of either framework: only its `Provider` is used here. */
interface Context<T> {
  readonly Provider: unknown;
  /** Type only: what the context carries. */
  readonly __value?: T;
}

/**
 * What the bindings need from a framework: its context and element functions,
 * and the two hooks where React and Preact really differ.
 */
export interface Framework<N, B extends ConsentBinding> {
  createContext(value: null): unknown;
  useContext(context: never): unknown;
  createElement(type: unknown, props: object, children: unknown): N;
  /** The value a provider hands its hooks: one per `consent` and `serverRecord`. */
  useProviderValue(consent: Consent, serverRecord: ConsentRecord | undefined): B;
  /** The record a component renders, re-rendering it whenever the record changes. */
  useSnapshot(binding: B): ConsentRecord;
}

/**
 * Builds `ConsentProvider`, `useConsent`, `useConsentInstance`, `ConsentGate`
 * and `createConsentHooks` on top of one framework, so the React and Preact
 * entries share every line that does not depend on which it is.
 */
export function createBindings<N, B extends ConsentBinding>(
  /** The entry the bindings are imported from, named in errors. */
  entry: string,
  createContext: Framework<N, B>['createContext'],
  useContext: Framework<N, B>['useContext'],
  createElement: Framework<N, B>['createElement'],
  useProviderValue: Framework<N, B>['useProviderValue'],
  useSnapshot: Framework<N, B>['useSnapshot'],
): ConsentBindings<N> {
  const context = createContext(null) as Context<B | null>;
  const useBinding = (caller: string): B => {
    const binding = useContext(context as never) as B | null;
    if (!binding) throw missingProvider(caller, entry);
    return binding;
  };
  // Errors name what the developer wrote.
  const useRecord = (caller: string) => useSnapshot(useBinding(caller));
  const hooks: ConsentBindings<N> = {
    ConsentProvider: ({ consent, serverRecord, children }) => createElement(context.Provider, { value: useProviderValue(consent, serverRecord) }, children),
    useConsent: () => useRecord('useConsent()'),
    useConsentInstance: () => useBinding('useConsentInstance()').consent,
    ConsentGate: ({ category, children, fallback = null as N }) => (isGranted(useRecord('<ConsentGate>'), category) ? children : fallback) as N,
    // The untyped bindings already do the work; only their types narrow.
    createConsentHooks: <C extends string>() => hooks as unknown as ConsentHooks<C, N>,
  };
  return hooks;
}
