/**
 * `biscuit-consent/server`: read and write the consent cookie from a server,
 * with no DOM and no Node built-ins (Node 20, Deno, Bun, edge runtimes).
 */
import { decodeConsent, encodeConsent } from '../core/codec';
import { resolveConfig, type CategoryNames, type ConsentConfig } from '../core/config';
import { checkChoices, createChoice, DAY, recordFromStored, type ConsentRecord, type ConsentSource } from '../core/record';

export { BiscuitError, ConfigError } from '../core/errors';
export type { ConsentConfig, ConsentRecord, ConsentSource };

/** Options of `readConsent`. */
export interface ReadConsentOptions {
  /** The request's `Sec-GPC` header (or `true`): Global Privacy Control refuses `gpc` categories. */
  gpc?: string | boolean | null | undefined;
  /** Milliseconds since 1970. Default: now. */
  now?: number;
}

/** Options of `serializeConsent`. */
export interface SerializeConsentOptions {
  /** Keep the visitor's consent ID (`readConsent(...).id`). Default: a new random ID. */
  id?: string | null | undefined;
  /** Default `panel`: a no-JavaScript cookies form is the preferences panel by other means. */
  source?: ConsentSource;
  /** Add `Secure`. Default: `config.cookie.secure`, else `false`; set it on https sites. */
  secure?: boolean;
  /** Milliseconds since 1970. Default: now. */
  now?: number;
}

const gpcOn = (value: ReadConsentOptions['gpc']) => value === true || (typeof value == 'string' && value.trim() == '1');

/** The value of cookie `name` in a `Cookie` header, or `undefined`. */
function cookieValue(header: string, name: string): string | undefined {
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() == name) {
      const value = part.slice(at + 1).trim().replace(/^"(.*)"$/, '$1');
      try {
        return decodeURIComponent(value);
      } catch {
        return value;
      }
    }
  }
  return undefined;
}

/**
 * Reads the visitor's consent from a raw `Cookie` header: the same record the
 * browser's `consent.get()` gives for that cookie and config. Never throws for a
 * bad header (that reads as no decision); throws `ConfigError` for a bad config.
 */
export function readConsent<const Cfg extends ConsentConfig = {}>(
  cookieHeader: string | null | undefined,
  config?: Cfg,
  options: ReadConsentOptions = {},
): ConsentRecord<CategoryNames<Cfg>> {
  const resolved = resolveConfig(config);
  const value = typeof cookieHeader == 'string' ? cookieValue(cookieHeader, resolved.cookie.name) : undefined;
  return recordFromStored(decodeConsent(value), resolved, options.now ?? Date.now(), gpcOn(options.gpc)) as ConsentRecord<
    CategoryNames<Cfg>
  >;
}

/**
 * A complete `Set-Cookie` header value saving `choices` (optional categories
 * left out are refused), so a server-rendered form can record a choice the
 * browser code reads back.
 */
export function serializeConsent<const Cfg extends ConsentConfig = {}>(
  choices: Partial<Record<CategoryNames<Cfg>, boolean>>,
  config?: Cfg,
  options: SerializeConsentOptions = {},
): string {
  const resolved = resolveConfig(config);
  const given = checkChoices(resolved, choices, 'serializeConsent');
  const record = createChoice(resolved, (name) => Object.prototype.hasOwnProperty.call(given, name) && given[name] === true, {
    now: options.now ?? Date.now(),
    id: options.id && /^[\da-f]{32}$/.test(options.id) ? options.id : undefined,
    source: options.source || 'panel',
  });
  const { cookie } = resolved;
  const value = encodeConsent(record, resolved.categories);
  const secure = options.secure ?? cookie.secure ?? false;
  return [
    `${cookie.name}=${value}`,
    `Path=${cookie.path}`,
    cookie.domain && `Domain=${cookie.domain}`,
    `Max-Age=${cookie.expiresDays * DAY}`,
    `SameSite=${cookie.sameSite[0]!.toUpperCase()}${cookie.sameSite.slice(1)}`,
    secure && 'Secure',
  ]
    .filter(Boolean)
    .join('; ');
}
