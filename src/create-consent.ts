import { blocker } from './blocker';
import type { ResolvedConfig } from './core/config';
import { createStore } from './core/store';
import type { Consent } from './core/consent';
import type { ConsentPlugin } from './core/plugin';
import type { ConsentStorage } from './core/consent-storage';
import { createDomWatcher } from './dom/watcher';
import { cookieCleanup } from './integrations/cookie-cleanup';
import { googleConsentMode } from './integrations/google-consent-mode';
import { placeholderFinder, type StartEmbeds } from './placeholders/finder';
import { tabSync } from './integrations/tab-sync';
import { createCookieStorage } from './storage/cookie-storage';
import type { UiContext } from './ui/loader';

/** The lazily loaded parts, so each build can say where they come from. */
export interface Chunks {
  /** The writing of a choice, the cookie writer and the clean-up (`src/writer.ts`). */
  writer(): Promise<typeof import('./writer')>;
  /** The consent log client, only for sites that configure one. */
  log(): Promise<typeof import('./integrations/consent-log')>;
  /**
   * The blocked embeds' part, only for pages with one that is not allowed:
   * with placeholders drawn (the `placeholders` chunk), or events only (`./core`).
   */
  embeds(): Promise<{ startEmbeds: StartEmbeds }>;
}

/** Loads a chunk once (retrying after a failure); once loaded, returns it without waiting. */
function once<T>(load: () => Promise<T>): () => T | Promise<T> {
  let loaded: T | undefined;
  let loading: Promise<T> | undefined;
  return () =>
    loaded ||
    (loading ||= load().then(
      (module) => (loaded = module),
      (error) => {
        loading = undefined;
        throw error;
      },
    ));
}

/** Re-dispatches `change` and `error` on `document` for scripts that never see the Consent object. */
const domEvents: ConsentPlugin = (consent) => {
  const dispatch = (type: string) => (detail: unknown) => document.dispatchEvent(new CustomEvent(`biscuit:${type}`, { detail }));
  const offChange = consent.on('change', dispatch('change'));
  const offError = consent.on('error', dispatch('error'));
  return () => {
    offChange();
    offError();
  };
};

/** A piece of the page-facing UI, given the instance's DOM watcher and what else the UI shares. */
export type UiPlugin = (context: UiContext) => ConsentPlugin;

/**
 * The browser composition shared by every entry: the validated config (each
 * entry validates it its own way), the cookie (or, outside the browser, the
 * store `offline` makes), the integrations it asks for, the DOM plugins, then
 * `ui`; `chunks` says where the lazy parts come from. Google Consent Mode comes
 * first so its `default` is in `dataLayer` before anything else can run. Every
 * piece that looks for marked-up elements shares one DOM watcher.
 * The npm entries pass `createMemoryStorage` as `offline`, for server
 * rendering; the script tag always runs in a page, so it never bundles it.
 */
export function createConsentWith(resolved: ResolvedConfig, ui: readonly UiPlugin[], chunks: Chunks, offline?: () => ConsentStorage): Consent {
  const { googleConsentMode: consentMode, consentLog } = resolved;
  const writer = once(chunks.writer);
  const loadWriter = () => Promise.resolve(writer());
  const browser = typeof document != 'undefined';
  const prepareSave = () => void Promise.all([loadWriter(), consentLog && chunks.log()]).catch(() => {});
  // A UI of the site's own shows itself through `show`: whoever sees it is about to choose.
  const preload: ConsentPlugin = (consent) => consent.on('show', prepareSave);
  const pagePlugins = () => {
    const watcher = createDomWatcher();
    return [
      ...(consentMode ? [googleConsentMode(consentMode)] : []),
      domEvents,
      blocker({ watcher, nonce: resolved.nonce }),
      placeholderFinder({ watcher, load: chunks.embeds }),
      cookieCleanup(loadWriter),
      tabSync,
      ...(ui.length ? ui.map((piece) => piece({ watcher, prepareSave })) : [preload]),
    ];
  };
  return createStore({
    config: resolved,
    storage: resolved.storage || (browser ? createCookieStorage(resolved.cookie, writer) : offline!()),
    // A site's own storage waits for the writer chunk too: a choice is encoded
    // there, so a visitor who never chooses never downloads the encoding.
    write: async (...args) => (await loadWriter()).writeChoice(...args),
    gpc: browser && (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true,
    log: consentLog && (async (record) => (await chunks.log()).sendToConsentLog(consentLog.url, record)),
    plugins: browser ? pagePlugins() : [],
  });
}
