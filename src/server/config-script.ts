import { resolveConfig, type ConsentConfig } from '../core/config';
import { ConfigError } from '../core/errors';

const JSON_DATA = 'plain JSON data: text, numbers, booleans, arrays and objects';

// The config's own checks name what they expect by a key (config/expected.ts);
// these words are the server's alone, so they stay here.
function check(ok: boolean, path: string, expected: string): void {
  if (!ok) throw new ConfigError(path, expected);
}

/** Throws a `ConfigError` naming the first value in `value` that JSON cannot carry as it is. */
function checkJson(value: unknown, path: string): void {
  check(!(value instanceof RegExp), path, 'a string, since JSON has no RegExps: use a "*" pattern such as "_ga_*"');
  if (Array.isArray(value)) {
    value.forEach((item, i) => checkJson(item, `${path}[${i}]`));
    return;
  }
  if (typeof value == 'object' && value !== null) {
    check([Object.prototype, null].includes(Object.getPrototypeOf(value)), path || '(root)', JSON_DATA);
    for (const key of Object.keys(value)) checkJson((value as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
    return;
  }
  check(value == null || typeof value == 'string' || typeof value == 'boolean' || Number.isFinite(value), path, JSON_DATA);
}

/**
 * The `<script type="application/json" id="biscuit-config">` block the script
 * tag reads its config from, safe to print in any HTML page whatever its texts
 * hold: `<`, `>` and `&` are written as JSON escapes (`\u003c` …), so a
 * `</script>` or `<!--` in a text can neither end the block nor change how the
 * page parses, and so are U+2028 and U+2029. The browser reads back exactly
 * `config`. Throws `ConfigError` for a config the browser would reject, or one
 * JSON cannot carry (a RegExp: use a `*` pattern; functions, such as a `storage`).
 */
export function configScript(config: ConsentConfig = {}): string {
  resolveConfig(config);
  checkJson(config, '');
  const json = JSON.stringify(config).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `<script type="application/json" id="biscuit-config">${json}</script>`;
}
