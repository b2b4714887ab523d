/**
 * Plugins: everything that touches the page (DOM events, the blocker, the UI,
 * the integrations) attaches to a consent instance as a plugin, so the store
 * stays platform-free.
 */
import type { Consent } from './consent';
import type { ConsentRecord } from './record';

/**
 * Named capabilities plugins offer each other, such as the blocker's
 * \`activate\`. Each plugin module that offers one adds it to this interface
 * (declaration merging), so the core never needs to know what they are.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by declaration merging
export interface Capabilities {}

/**
 * Hears of a new choice the moment it takes effect, before the write that
 * `change` waits for: what the choice lets run (blocked scripts, Consent Mode
 * signals) should not wait on the cookie. Returns an unsubscribe.
 */
export type OnApply = (listener: (record: ConsentRecord) => void) => () => void;

/** Offers `capability` to the other plugins under `name`. */
export type Provide = <K extends keyof Capabilities>(name: K, capability: Capabilities[K]) => void;

/**
 * The capability another plugin offered under `name`, or `undefined` when
 * none did (a build without that plugin). Ask when it is needed, not while
 * attaching: the plugin that offers it may attach later.
 */
export type Use = <K extends keyof Capabilities>(name: K) => Capabilities[K] | undefined;

/**
 * Something attached to a consent instance; returns its clean-up. Besides the
 * consent object it gets three functions, as plain arguments rather than an
 * object since every plugin is in the bundle every visitor downloads.
 */
export type ConsentPlugin = (consent: Consent, onApply: OnApply, provide: Provide, use: Use) => (() => void) | void;
