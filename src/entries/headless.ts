/**
 * `biscuit-consent/core`: the consent model, the cookie and the script blocker,
 * with no UI code. `showBanner`, `showPreferences` and `hide` only emit `show`
 * and `hide`, for a UI of your own; a blocked embed that is not allowed gets a
 * `biscuit:embed` event, for a placeholder of your own.
 */
import { resolveConfig, type CategoryNames, type ConsentConfig } from '../core/config';
import type { Consent } from '../core/consent';
import { createConsentWith } from '../create-consent';
import { warn } from '../core/report';
import { NPM_CHUNKS } from '../npm-chunks';
import { createMemoryStorage } from '../storage/memory';

export * from './exports';

/** Creates a consent instance without UI. Throws a `ConfigError` for a malformed config. */
// biome-ignore lint/complexity/noBannedTypes: {} is the empty config, whose categories are the defaults
export function createConsent<const Cfg extends ConsentConfig = {}>(config?: Cfg): Consent<CategoryNames<Cfg>> {
  const chunks = { ...NPM_CHUNKS, embeds: () => import('../placeholders/embeds') };
  return createConsentWith(resolveConfig(config, warn), [], chunks, createMemoryStorage) as Consent<CategoryNames<Cfg>>;
}
