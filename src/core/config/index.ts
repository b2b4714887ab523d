/**
 * The config: its public types (`types.ts`), the schema that checks it and
 * fills in defaults (`schema.ts`, built from `rules.ts`), and `resolveConfig`,
 * which also checks what no single field can (fields that depend on each other).
 */
import { own } from '../own';
import { check, resolveObject } from './rules';
import { CONFIG_SCHEMA, type ResolvedConfig } from './schema';

export type { ResolvedCategory, ResolvedConfig } from './schema';
export * from './types';

/**
 * Checks a config and fills in every default. Throws a `ConfigError` naming the
 * first field at fault; unknown top-level keys only warn (through `warn`, which adds our prefix), so a
 * config written for a newer version still works.
 */
export function resolveConfig(config: unknown = {}, warn: (message: string) => void = () => {}): ResolvedConfig {
  const resolved = resolveObject(config, CONFIG_SCHEMA, '');
  const unknown = Object.keys(config as object).filter((key) => !own(CONFIG_SCHEMA, key));
  if (unknown.length) warn(`ignoring unknown config keys: ${unknown.join(', ')}`);

  const { cookie, googleConsentMode, categories } = resolved;
  // Browsers drop a SameSite=None cookie that is not Secure, and a prefixed
  // name that breaks its prefix's rules (checked without regard to case).
  check(cookie.sameSite != 'none' || cookie.secure !== false, 'cookie.secure', 'true when sameSite is "none"');
  if (/^__(secure|host)-/i.test(cookie.name)) {
    check(cookie.secure !== false, 'cookie.secure', 'true for a __Secure- or __Host- name');
    (cookie as { secure?: boolean }).secure = true;
  }
  if (/^__host-/i.test(cookie.name)) {
    check(!cookie.domain, 'cookie.domain', 'left out for a __Host- name');
    check(cookie.path == '/', 'cookie.path', '"/" for a __Host- name');
  }
  for (const name of Object.keys(googleConsentMode?.mapping || {})) {
    check(categories.some((category) => category.name == name), `googleConsentMode.mapping.${name}`, 'a configured category');
  }
  return resolved;
}
