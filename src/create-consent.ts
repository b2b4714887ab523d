import { blocker } from './blocker';
import { resolveConfig } from './core/config';
import { createStore, type Consent, type ConsentPlugin } from './core/store';
import { createCookieStorage } from './storage/cookie';
import { createMemoryStorage } from './storage/memory';

/** Re-dispatches `change` and `error` on `document` for scripts that never see the Consent object. */
const domEvents: ConsentPlugin = (consent) => {
  const dispatch = (type: string) => (detail: unknown) =>
    document.dispatchEvent(new CustomEvent(`biscuit:${type}`, { detail }));
  const offChange = consent.on('change', dispatch('change'));
  const offError = consent.on('error', dispatch('error'));
  return () => {
    offChange();
    offError();
  };
};

/**
 * The browser composition shared by every entry: the validated config, the
 * cookie (or a memory store outside the browser), the DOM plugins, then `ui`.
 */
export function createConsentWith(config: unknown, ui: readonly ConsentPlugin[] = []): Consent {
  const resolved = resolveConfig(config, console.warn);
  const browser = typeof document != 'undefined';
  return createStore({
    config: resolved,
    storage: resolved.storage || (browser ? createCookieStorage(resolved.cookie) : createMemoryStorage()),
    gpc: typeof navigator != 'undefined' && (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true,
    plugins: browser ? [domEvents, blocker({ nonce: resolved.nonce }), ...ui] : [],
  });
}
