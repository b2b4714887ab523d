import type { ResolvedConfig } from './core/config';
import { dropField } from './core/drop-field';
import { ConfigError } from './core/errors';

/**
 * Resolves the config a page gives the script tag with `read`. A CMS field
 * with a typo must never leave visitors without a banner, or the site without
 * its categories and their clean-up lists, so each field a ConfigError names
 * is left out (only that field: one cookie pattern, one category too many)
 * and the rest still applies; anything but a plain object gives the
 * defaults. `dropped` hears of each (with no error for a config that is not a
 * plain object).
 */
export function salvageConfig(
  raw: unknown,
  read: (config: Record<string, unknown>) => ResolvedConfig,
  dropped: (error?: ConfigError, field?: string) => void,
): ResolvedConfig {
  let remaining: Record<string, unknown> = {};
  // A plain object only: <form id="BiscuitConfig"> makes window.BiscuitConfig an element.
  if (Object.prototype.toString.call(raw) == '[object Object]') remaining = { ...(raw as object) };
  else if (raw !== undefined) dropped();
  for (;;) {
    try {
      return read(remaining);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      // A field it cannot find (a missing one, say) takes its top-level field with it.
      let field = error.path;
      let rest = dropField(remaining, field);
      if (!rest) rest = dropField(remaining, (field = field.split(/[.[]/)[0]!)) || {};
      dropped(error, field);
      remaining = rest;
    }
  }
}
