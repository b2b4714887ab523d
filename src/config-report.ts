/**
 * The words for a bad config, loaded by the script tag only when its config
 * has a field at fault or an unknown key (the `report` chunk): each is
 * reported on the console as `createConsent` would say it, the same fields
 * being dropped as the script dropped them.
 */
import { salvageConfig } from './config-salvage';
import { resolveConfig } from './core/config';
import { logError, warn } from './core/report';

/** Reports what is wrong with `raw`, the config the script tag was given. */
export function reportConfig(raw: unknown): void {
  salvageConfig(
    raw,
    (config) => resolveConfig(config, warn),
    // A ConfigError's message has the prefix already.
    (error, field) => (error ? console.error(`${error.message}; ignoring config.${field}`) : logError('the config must be a plain object; using the defaults')),
  );
}
