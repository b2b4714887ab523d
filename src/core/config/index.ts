/**
 * The config: its public types (`types.ts`), the schema that checks it and
 * fills in defaults (`schema.ts`, built from `rules.ts`), and `resolveConfig`,
 * which also checks what no single field can (fields that depend on each other).
 */
import { ConfigError } from '../errors';
import { own } from '../own';
import { EXPECTED, type Expected } from './expected';
import { check, Invalid, resolveObject } from './rules';
import { CONFIG_SCHEMA, type ResolvedConfig } from './schema';
import { DEFAULT_CONSENT_MODE_MAPPING } from './types';

export type { Expected } from './expected';
export type { ResolvedCategory, ResolvedConfig, ResolvedCookie } from './schema';
export * from './types';

/**
 * Checks a config and fills in every default. Throws a `ConfigError` naming the
 * first field at fault; unknown top-level keys only warn (through `warn`, which adds our prefix), so a
 * config written for a newer version still works.
 */
export function resolveConfig(config: unknown = {}, warn: (message: string) => void = () => {}): ResolvedConfig {
  return readConfig(
    config,
    (expected) => EXPECTED[expected],
    (keys) => warn(`ignoring unknown config keys: ${keys.join(', ')}`),
  );
}

/**
 * `resolveConfig` without the words: a `ConfigError` ends with what
 * `describe` makes of the name of what the field must be (a key of
 * `EXPECTED`), and unknown top-level keys go to `unknown`. The script tag
 * uses it with the names alone.
 */
export function readConfig(config: unknown = {}, describe: (expected: Expected) => string, unknown: (keys: string[]) => void = () => {}): ResolvedConfig {
  try {
    return checkConfig(config, unknown);
  } catch (error) {
    throw error instanceof Invalid ? new ConfigError(error.path, describe(error.expected)) : error;
  }
}

function checkConfig(config: unknown, unknown: (keys: string[]) => void): ResolvedConfig {
  const resolved = resolveObject(config, CONFIG_SCHEMA, '');
  const extra = Object.keys(config as object).filter((key) => !own(CONFIG_SCHEMA, key));
  if (extra.length) unknown(extra);

  const { cookie, googleConsentMode, categories } = resolved;
  const mapping = googleConsentMode?.mapping || {};
  // Browsers drop a SameSite=None cookie that is not Secure, and a prefixed
  // name that breaks its prefix's rules (checked without regard to case).
  check(cookie.sameSite != 'none' || cookie.secure !== false, 'cookie.secure', 'secureForNone');
  if (/^__(secure|host)-/i.test(cookie.name)) {
    check(cookie.secure !== false, 'cookie.secure', 'secureForPrefix');
    (cookie as { secure?: boolean }).secure = true;
  }
  if (/^__host-/i.test(cookie.name)) {
    check(!cookie.domain, 'cookie.domain', 'noDomainForHost');
    check(cookie.path == '/', 'cookie.path', 'rootPathForHost');
  }
  for (const name of Object.keys(mapping)) {
    check(
      categories.some((category) => category.name == name),
      `googleConsentMode.mapping.${name}`,
      'category',
    );
  }
  for (const { name, essential, exemption } of categories) {
    // Advertising never qualifies, Consent Mode on or off: a category's signals
    // (its mapping, else the default one, which maps `marketing` to ads) tell it.
    const signals = `${own(mapping, name) || own(DEFAULT_CONSENT_MODE_MAPPING, name)}`;
    check(!exemption || !(essential || signals.includes('ad_')), `categories.${name}.exemption`, 'notExempt');
  }
  // Written exemptions are checked above either way; off, the categories need consent.
  return resolved.exemptions ? resolved : { ...resolved, categories: categories.map((category) => ({ ...category, exemption: undefined })) };
}
