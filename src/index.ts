/**
 * `biscuit-consent`: the consent API with its banner and preferences panel.
 */
import type { CategoryNames, ConsentConfig } from './core/config';
import type { Consent } from './core/store';
import { createConsentWith } from './create-consent';

export * from './public-types';

/** Creates a consent instance. Throws a `ConfigError` for a malformed config. */
export function createConsent<const Cfg extends ConsentConfig = {}>(config?: Cfg): Consent<CategoryNames<Cfg>> {
  return createConsentWith(config) as Consent<CategoryNames<Cfg>>;
}
