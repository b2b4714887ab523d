/**
 * `biscuit-consent/server`: read and write the consent cookie from a server,
 * print the cookie tables and the config block of a page, with no DOM and no
 * Node built-ins (Node 20, Deno, Bun, edge runtimes).
 */
import { decodeConsent, encodeConsent, grantsSome } from '../core/codec';
import { resolveConfig, type CategoryNames, type ConsentConfig } from '../core/config';
import { readCookie } from '../core/cookie-header';
import { BiscuitError } from '../core/errors';
import { own } from '../core/own';
import { checkChoices, createChoice, DAY, recordFromStored, type ConsentRecord, type ConsentSource } from '../core/record';

export { BiscuitError, ConfigError } from '../core/errors';
export { configScript } from './config-script';
export { cookieTables, type CookieTable, type CookieTables, type CookieTablesOptions } from './cookie-tables';
export type { DeclarationRow } from '../core/declaration';
export type { DeclarationTextKey } from '../core/declaration-texts';
export type { CookieDeclaration, CookieEntry, LocalizedText, StorageKind } from '../core/config';
export type { ConsentConfig, ConsentRecord, ConsentSource };

/** Options of `readConsent`. */
export interface ReadConsentOptions {
  /** The request's `Sec-GPC` header (or `true`): Global Privacy Control refuses `gpc` categories. */
  gpc?: string | boolean | null | undefined;
  /** Milliseconds since 1970. Default: now. */
  now?: number;
  /**
   * The page you render shows your own notice about the categories with an
   * exemption (a server-rendered banner), so a visitor who has not decided
   * counts as told and those categories are on. Default `false`: they are off
   * until the browser code shows its banner.
   */
  noticeShown?: boolean;
}

/** Options of `serializeConsent`. */
export interface SerializeConsentOptions {
  /** Keep the visitor's consent ID (`readConsent(...).id`). Default: a new random ID. */
  id?: string | null | undefined;
  /** `banner`, `panel`, `api`, `gpc` or `placeholder`. Default `panel`: a no-JavaScript cookies form is the preferences panel by other means. */
  source?: ConsentSource;
  /** Add `Secure`; set it on https sites. Always added when `config.cookie.secure` is true (as it is for `__Host-` and `__Secure-` names). */
  secure?: boolean;
  /** Milliseconds since 1970. Default: now. */
  now?: number;
}

const gpcOn = (value: ReadConsentOptions['gpc']) => value === true || (typeof value == 'string' && value.trim() == '1');

const SOURCES: readonly ConsentSource[] = ['banner', 'panel', 'api', 'gpc', 'placeholder'];

/** `now`, else the current time; a clear error for anything that is not a time the cookie can hold. */
function timeOf(now: unknown, caller: string): number {
  const time = now ?? Date.now();
  // Whole seconds fit the cookie's 12 digits up to the year 33658.
  if (typeof time != 'number' || !(time >= 0 && time < 1e15)) throw new BiscuitError(`${caller}() options.now must be milliseconds since 1970`);
  return time;
}

/**
 * Reads the visitor's consent from a raw `Cookie` header: the same record the
 * browser's `consent.get()` gives for that cookie and config. Never throws for a
 * bad header (that reads as no decision, as do duplicate consent cookies that
 * disagree); throws `ConfigError` for a bad config.
 */
// biome-ignore lint/complexity/noBannedTypes: {} is the empty config, whose categories are the defaults
export function readConsent<const Cfg extends ConsentConfig = {}>(
  cookieHeader: string | null | undefined,
  config?: Cfg,
  options: ReadConsentOptions = {},
): ConsentRecord<CategoryNames<Cfg>> {
  const resolved = resolveConfig(config);
  const now = timeOf(options.now, 'readConsent');
  // The browser's own rule (core/cookie-header), so both always agree.
  const value = typeof cookieHeader == 'string' ? readCookie(cookieHeader, resolved.cookie.name) : undefined;
  return recordFromStored(decodeConsent(value), resolved, now, gpcOn(options.gpc), !!options.noticeShown) as ConsentRecord<CategoryNames<Cfg>>;
}

/**
 * A complete `Set-Cookie` header value saving `choices`, so a server-rendered
 * form can record a choice the browser code reads back. `false` refuses a
 * category (objects to one with an exemption), `true` grants it. A category
 * left out is refused, or, with an exemption, stays on under it.
 */
// biome-ignore lint/complexity/noBannedTypes: {} is the empty config, whose categories are the defaults
export function serializeConsent<const Cfg extends ConsentConfig = {}>(
  choices: Partial<Record<CategoryNames<Cfg>, boolean>>,
  config?: Cfg,
  options: SerializeConsentOptions = {},
): string {
  const resolved = resolveConfig(config);
  const given = checkChoices(resolved, choices, 'serializeConsent');
  const source = options.source ?? 'panel';
  // Any other source would write a cookie that reads back as no decision.
  if (!SOURCES.includes(source)) throw new BiscuitError('serializeConsent() options.source must be "banner", "panel", "api", "gpc" or "placeholder"');
  const record = createChoice(resolved, ({ name }) => own(given, name) ?? null, {
    now: timeOf(options.now, 'serializeConsent'),
    id: options.id && /^[\da-f]{32}$/.test(options.id) ? options.id : undefined,
    source,
  });
  const { cookie } = resolved;
  const value = encodeConsent(record, resolved.categories);
  // A config that asks for Secure (as a __Host- or __Secure- name does) always gets it.
  const secure = cookie.secure || (options.secure ?? false);
  return [
    `${cookie.name}=${value}`,
    `Path=${cookie.path}`,
    cookie.domain && `Domain=${cookie.domain}`,
    `Max-Age=${cookie.expiresDays[grantsSome(value) ? 'granted' : 'refused'] * DAY}`,
    `SameSite=${cookie.sameSite[0]!.toUpperCase()}${cookie.sameSite.slice(1)}`,
    secure && 'Secure',
  ]
    .filter(Boolean)
    .join('; ');
}
