/**
 * `biscuit-consent`: the consent API with its banner and preferences panel.
 * The UI is a separate chunk, loaded only when something must be shown.
 */
import { resolveConfig, type CategoryNames, type ConsentConfig } from '../core/config';
import type { Consent } from '../core/consent';
import { createConsentWith } from '../create-consent';
import { warn } from '../core/report';
import { NPM_CHUNKS } from '../npm-chunks';
import { createMemoryStorage } from '../storage/memory';
import { uiLoader, type UiChunks } from '../ui/loader';

export * from './exports';

/**
 * Creates a consent instance with its UI: shows the banner to a visitor who has
 * not decided, wires `data-consent-open` and `data-consent-preferences`, and
 * gives blocked embeds their placeholders.
 * Throws a `ConfigError` for a malformed config.
 */
// biome-ignore lint/complexity/noBannedTypes: {} is the empty config, whose categories are the defaults
export function createConsent<const Cfg extends ConsentConfig = {}>(config?: Cfg): Consent<CategoryNames<Cfg>> {
  const chunks = { ...NPM_CHUNKS, embeds: () => import('../placeholders/placeholder') };
  return createConsentWith(resolveConfig(config, warn), [uiLoader((name) => NPM_UI[name]())], chunks, createMemoryStorage) as Consent<CategoryNames<Cfg>>;
}

// The app's bundler splits each piece of the UI into a chunk of its own.
const NPM_UI: { readonly [K in keyof UiChunks]: () => Promise<UiChunks[K]> } = {
  banner: () => import('../ui/view'),
  dialog: () => import('../ui/dialog'),
};
