import { ConfigError } from './errors';
import type { ConsentStorage } from './storage';

/** A cookie to delete when its category is refused: an exact name, a `*` wildcard (`"_ga*"`) or a RegExp. */
export type CookiePattern = string | RegExp;

/** One category of cookies, as written in the config. */
export interface CategoryConfig {
  /** Heading shown in the preferences panel. */
  title?: string;
  /** One or two plain sentences saying what these cookies do. */
  description?: string;
  /** Always on, needs no consent. `essential` is always essential; other categories may opt in. */
  essential?: boolean;
  /** Refuse this category when the browser sends Global Privacy Control. Default: `true` for `marketing`. */
  gpc?: boolean;
  /** Cookies this category sets, deleted when it is refused or withdrawn. */
  cookies?: readonly CookiePattern[];
}

/** Where and how the consent cookie is kept. */
export interface CookieConfig {
  /** Cookie name. Default `biscuit_consent`. */
  name?: string;
  /** Share the choice across subdomains, e.g. `example.gov.uk`. Default: the current host only. */
  domain?: string;
  /** Default `/`. */
  path?: string;
  /** How long a choice is kept, in days (1–730). Default 365. */
  expiresDays?: number;
  /** Default `lax`. */
  sameSite?: 'lax' | 'strict' | 'none' | 'Lax' | 'Strict' | 'None';
  /** Default: `true` on https pages. */
  secure?: boolean;
}

/** The seven Google Consent Mode v2 signals. */
export type ConsentModeSignal =
  | 'ad_storage'
  | 'ad_user_data'
  | 'ad_personalization'
  | 'analytics_storage'
  | 'functionality_storage'
  | 'personalization_storage'
  | 'security_storage';

/** Options for Google Consent Mode v2 (`googleConsentMode: true` takes every default). */
export interface GoogleConsentModeConfig {
  /** ISO 3166-2 region codes the `default` applies to, e.g. `["GB", "FR"]`. Default: everywhere. */
  region?: readonly string[];
  /** Milliseconds tags wait for an `update` before using the default. Default 500. */
  waitForUpdate?: number;
  /** Category → signals it grants; replaces the default mapping for the categories it names. */
  mapping?: Readonly<Record<string, readonly ConsentModeSignal[]>>;
}

/** Where to send proof of each saved choice. */
export interface ConsentLogConfig {
  /** Receives each record as a JSON POST. */
  url: string;
  /** When `true`, a record the log did not confirm makes the save fail visibly. Default `false`. */
  required?: boolean;
}

/**
 * Every option biscuit-consent understands; all are optional.
 * `C` is the category names, inferred from `categories` so typos are compile errors.
 */
export interface ConsentConfig<C extends string = string> {
  /** Cookie categories, in the order the panel lists them. `essential` is always added first. */
  categories?: { readonly [K in C]: CategoryConfig };
  cookie?: CookieConfig;
  /** Raise it when the categories or their purposes change: everyone is asked again. Default 0. */
  revision?: number;
  /** The site's cookies page, linked from the confirmation messages. */
  cookiesPageUrl?: string;
  /** Language of the banner, e.g. `cy`. Default: `<html lang>`, else `en`. */
  lang?: string;
  /** Text overrides per language: `{ en: { accept: "…" } }`. Text in `{braces}` becomes the cookies-page link. */
  texts?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** `fixed` (default) floats over the bottom of the page; `inline` sits at the top of `<body>`. */
  bannerLayout?: 'fixed' | 'inline';
  /** Push Google Consent Mode v2 signals to `dataLayer`. */
  googleConsentMode?: boolean | GoogleConsentModeConfig;
  /** POST every saved choice to a consent log. */
  consentLog?: ConsentLogConfig;
  /** Reload the page after a category is withdrawn, since scripts that already ran cannot be unloaded. */
  reloadOnWithdraw?: boolean;
  /** CSP nonce for activated scripts that do not carry their own. */
  nonce?: string;
  /** Keep the choice somewhere other than the cookie (tests, previews, server rendering). */
  storage?: ConsentStorage;
}

/** The category names of a config, or the default ones when it lists none. */
export type CategoryNames<Cfg> = Cfg extends { categories: infer Cats }
  ? Extract<keyof Cats, string> | 'essential'
  : 'categories' extends keyof Cfg
    ? string
    : 'essential' | 'preferences' | 'analytics';

/** A category after validation, with defaults filled in. */
export interface ResolvedCategory {
  readonly name: string;
  /** As configured; the UI falls back to its own wording (see `DEFAULT_CATEGORY_TEXTS`) when absent. */
  readonly title: string | undefined;
  readonly description: string | undefined;
  readonly essential: boolean;
  readonly gpc: boolean;
  readonly cookies: readonly CookiePattern[];
}

/** A validated config with every default filled in. */
export interface ResolvedConfig {
  readonly categories: readonly ResolvedCategory[];
  readonly cookie: {
    readonly name: string;
    readonly domain: string | undefined;
    readonly path: string;
    readonly expiresDays: number;
    readonly sameSite: 'lax' | 'strict' | 'none';
    readonly secure: boolean | undefined;
  };
  readonly revision: number;
  readonly cookiesPageUrl: string | undefined;
  readonly lang: string | undefined;
  readonly texts: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly bannerLayout: 'fixed' | 'inline';
  readonly googleConsentMode:
    | {
        readonly region: readonly string[] | undefined;
        readonly waitForUpdate: number;
        /** Only the categories the config remapped; the rest use the default mapping. */
        readonly mapping: Readonly<Record<string, readonly ConsentModeSignal[]>>;
      }
    | undefined;
  readonly consentLog: { readonly url: string; readonly required: boolean } | undefined;
  readonly reloadOnWithdraw: boolean;
  readonly nonce: string | undefined;
  readonly storage: ConsentStorage | undefined;
}

/** Every Consent Mode v2 signal, in the order Google documents them. */
export const CONSENT_MODE_SIGNALS: readonly ConsentModeSignal[] = [
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
  'analytics_storage',
  'functionality_storage',
  'personalization_storage',
  'security_storage',
];

type Plain = Record<string, unknown>;
/** A plain field: its test, the words for what it expects, and its default. */
type Field = readonly [test: (value: unknown) => unknown, expected: string, fallback?: unknown];
/** A field that needs more than a test; gets the config resolved so far. */
type Resolver = (value: unknown, path: string, resolved: Plain) => unknown;
/** The shape of (part of) the config: a nested object is a nested schema. */
interface Schema {
  readonly [key: string]: Field | Resolver | Schema;
}

/** Reads only an object's own key, so names like "constructor" never reach Object.prototype. */
export const own = <T>(object: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;

const isPlain = (value: unknown): value is Plain =>
  typeof value == 'object' && value !== null && !Array.isArray(value) && !(value instanceof RegExp);

function expect(ok: unknown, path: string, expected: string): asserts ok {
  if (!ok) throw new ConfigError(path, expected);
}

const matches = (pattern: RegExp, expected: string, fallback?: string): Field => [
  (value) => typeof value == 'string' && pattern.test(value),
  expected,
  fallback,
];
const whole = (min: number, max: number, unit: string, fallback: number): Field => [
  (value) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max,
  `a whole number${unit} from ${min} to ${max}`,
  fallback,
];
const isString = (value: unknown) => typeof value == 'string';
const isBoolean = (value: unknown) => typeof value == 'boolean';
const LANG = /^[a-z]{2,3}(-[a-z\d]{2,8})*$/i;
// http(s) or relative: no other scheme (javascript:, data: …), and no whitespace
// or control characters, which browsers strip while parsing a scheme.
const HTTP_URL = matches(/^(?!(?!https?:)[a-z][\w+.-]*:)[^\0- ]+$/i, 'a relative or http(s) URL');

/** Checks `raw` against `schema`, filling in defaults; `path` names the part for errors. */
function walk(raw: unknown, schema: Schema, path: string): Plain {
  expect(isPlain(raw), path.slice(0, -1) || '(root)', 'an object');
  const resolved: Plain = {};
  // Own keys only: a page may have added enumerable junk to Object.prototype.
  for (const key of Object.keys(schema)) {
    const rule = schema[key]!;
    const value = own(raw, key);
    resolved[key] =
      typeof rule == 'function'
        ? rule(value, path + key, resolved)
        : !Array.isArray(rule)
          ? walk(value ?? {}, rule as Schema, `${path + key}.`)
          : value === undefined
            ? rule[2]
            : (expect(rule[0](value), path + key, rule[1]), value);
  }
  return resolved;
}

function resolveCategory(name: string, raw: unknown): ResolvedCategory {
  const path = `categories.${name}`;
  // "constructor" is the one such name Object.prototype already has.
  expect(/^[a-z][a-z\d_]{0,31}$/.test(name) && name != 'constructor', path, 'named in lowercase letters, digits and _ (not "constructor")');
  const category = walk(raw ?? {}, {
    title: [isString, 'a string'],
    description: [isString, 'a string'],
    essential: [isBoolean, 'a boolean', name == 'essential'],
    gpc: [isBoolean, 'a boolean', name == 'marketing'],
    cookies: [Array.isArray, 'an array', []],
  }, `${path}.`) as Omit<ResolvedCategory, 'name'>;
  expect(category.essential || name != 'essential', `${path}.essential`, 'true: essential cookies cannot be refused');
  category.cookies.forEach((pattern, i) =>
    expect((typeof pattern == 'string' && pattern) || pattern instanceof RegExp, `${path}.cookies[${i}]`, 'a string or RegExp'),
  );
  return { name, ...category };
}

const SCHEMA: Schema = {
  categories(raw = { preferences: {}, analytics: {} }, path) {
    expect(isPlain(raw), path, 'an object');
    const names = Object.keys(raw).filter((name) => name != 'essential');
    expect(names.length < 32, path, 'at most 32 categories');
    return [resolveCategory('essential', own(raw, 'essential')), ...names.map((name) => resolveCategory(name, raw[name]))];
  },
  cookie: {
    // RFC 6265 token characters.
    name: matches(/^[\w!#$%&'*+.^`|~-]{1,64}$/, 'a cookie name', 'biscuit_consent'),
    domain: matches(/^\.?[a-z\d-]+(\.[a-z\d-]+)*$/i, 'a host name such as "example.gov.uk"'),
    path: matches(/^\/[^;\0- ]*$/, 'a path starting with "/"', '/'),
    expiresDays: whole(1, 730, ' of days', 365),
    sameSite: matches(/^(lax|strict|none)$/i, '"lax", "strict" or "none"', 'lax'),
    secure: [isBoolean, 'a boolean'],
  },
  revision: whole(0, 1e9, '', 0),
  cookiesPageUrl: HTTP_URL,
  lang: matches(LANG, 'a language code such as "en" or "cy"'),
  texts(raw = {}, path) {
    expect(isPlain(raw), path, 'an object');
    for (const lang of Object.keys(raw)) {
      const texts = raw[lang];
      expect(LANG.test(lang) && isPlain(texts), `${path}.${lang}`, 'an object of texts, keyed by a language code such as "en"');
      for (const key of Object.keys(texts)) expect(isString(texts[key]), `${path}.${lang}.${key}`, 'a string');
    }
    return raw;
  },
  bannerLayout: [(value: unknown) => value == 'fixed' || value == 'inline', '"fixed" or "inline"', 'fixed'],
  googleConsentMode(raw, path, { categories }) {
    if (!raw) return;
    const options = walk(raw === true ? {} : raw, {
      region: [(value: unknown) => Array.isArray(value) && value.every((code) => /^[A-Z]{2}(-[A-Z\d]{1,3})?$/i.test(code)), 'an array of region codes such as "GB"'],
      waitForUpdate: whole(0, 60000, ' of milliseconds', 500),
      mapping: [isPlain, 'an object', {}],
    }, `${path}.`);
    const mapping = options.mapping as Plain;
    for (const name of Object.keys(mapping)) {
      const signals = mapping[name];
      expect((categories as ResolvedCategory[]).some((category) => category.name == name), `${path}.mapping.${name}`, 'a configured category');
      expect(
        Array.isArray(signals) && signals.every((signal) => CONSENT_MODE_SIGNALS.includes(signal)),
        `${path}.mapping.${name}`,
        'an array of Consent Mode signals such as "analytics_storage"',
      );
    }
    return options;
  },
  consentLog(raw, path) {
    if (raw === undefined) return;
    const log = walk(raw, { url: HTTP_URL, required: [isBoolean, 'a boolean', false] }, `${path}.`);
    expect(log.url, `${path}.url`, HTTP_URL[1]);
    return log;
  },
  reloadOnWithdraw: [isBoolean, 'a boolean', false],
  nonce: [isString, 'a string'],
  storage: [
    (value: unknown) => isPlain(value) && ['read', 'write', 'remove'].every((method) => typeof value[method] == 'function'),
    'an object with read, write and remove methods',
  ],
};

/**
 * Checks a config and fills in every default. Throws a `ConfigError` naming the
 * first field at fault; unknown top-level keys only warn (through `warn`), so a
 * config written for a newer version still works.
 */
export function resolveConfig(config: unknown = {}, warn: (message: string) => void = () => {}): ResolvedConfig {
  const resolved = walk(config, SCHEMA, '') as unknown as ResolvedConfig & { cookie: { sameSite: 'lax' | 'strict' | 'none' } };
  const unknown = Object.keys(config as Plain).filter((key) => !own(SCHEMA, key));
  if (unknown.length) warn(`biscuit-consent: ignoring unknown config keys: ${unknown.join(', ')}`);
  const { cookie } = resolved;
  cookie.sameSite = cookie.sameSite.toLowerCase() as typeof cookie.sameSite;
  // Browsers drop a SameSite=None cookie that is not Secure.
  expect(cookie.sameSite != 'none' || cookie.secure !== false, 'cookie.secure', 'true when sameSite is "none"');
  return resolved;
}
