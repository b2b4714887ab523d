/**
 * The schema: one rule for every key of `ConsentConfig` (the compiler checks
 * that none is missing and none is extra), with the defaults. `ResolvedConfig`
 * is whatever the rules return, so the checked config and its type cannot drift.
 */
import type { ConsentStorage } from '../consent-storage';
import { own } from '../own';
import { check, field, isBoolean, isPlain, isString, matches, oneOf, resolveObject, wholeNumber, type Resolved, type Rule, type Schema } from './rules';
import {
  CONSENT_MODE_SIGNALS,
  type CategoryConfig,
  type ConsentConfig,
  type ConsentLogConfig,
  type ConsentModeSignal,
  type CookieConfig,
  type CookieDeclaration,
  type ConsentLifetimes,
  type CookiePattern,
  type GoogleConsentModeConfig,
  type LocalizedText,
  type StorageKind,
} from './types';

/** A category name: a lowercase identifier. "constructor" is the one such name Object.prototype already has. */
const CATEGORY_NAME = /^[a-z][a-z\d_]{0,31}$/;
const LANG = /^[a-z]{2,3}(-[a-z\d]{2,8})*$/i;
// http(s) or relative: no other scheme (javascript:, data: …), and no whitespace
// or control characters, which browsers strip while parsing a scheme.
const isHttpUrl = matches(/^(?!(?!https?:)[a-z][\w+.-]*:)[^\0- ]+$/i);

const isPattern = (value: unknown): value is CookiePattern => (isString(value) && value != '') || value instanceof RegExp;
const aString = field(isString, 'string');

/** Text, or texts keyed by language: `{ en: "…", cy: "…" }`. */
const localizedText: Rule<LocalizedText | undefined> = (value, path) => {
  if (!isPlain(value)) return field(isString, 'localizedText')(value, path);
  for (const lang of Object.keys(value)) check(LANG.test(lang) && isString(value[lang]), `${path}.${lang}`, 'languageText');
  return value as Readonly<Record<string, string>>;
};

const cookieEntrySchema = {
  /** Checked with the entry, which is at fault as a whole without a valid name. */
  name: (value) => value as CookiePattern,
  label: aString,
  provider: aString,
  purpose: localizedText,
  expires: localizedText,
  storage: field(oneOf<StorageKind>('cookie', 'localStorage', 'sessionStorage'), 'storageKind', 'cookie'),
} satisfies Schema<CookieDeclaration>;

/** A `cookies` entry after validation: a bare name becomes a declaration of a cookie by that name alone. */
export type ResolvedCookie = Resolved<typeof cookieEntrySchema>;

/**
 * What a category declares: bare names, `*` patterns, RegExps and `{ name, … }`
 * declarations, all made declarations. An entry without a valid name is at
 * fault as a whole, so the script tag leaves out just that entry.
 */
const cookieList: Rule<readonly ResolvedCookie[]> = (value, path) =>
  field(
    Array.isArray,
    'array',
    [],
  )(value, path).map((entry: unknown, i) => {
    check(isPattern(entry) || (isPlain(entry) && isPattern(own(entry, 'name'))), `${path}[${i}]`, 'pattern');
    return resolveObject(isPlain(entry) ? entry : { name: entry }, cookieEntrySchema, `${path}[${i}]`);
  });

/** The rules of one category; its defaults depend on its name. */
const categorySchema = (name: string) =>
  ({
    /** As configured; the UI falls back to its own wording (see `DEFAULT_CATEGORY_TEXTS`) when absent. */
    title: field(isString, 'string'),
    /** As configured, or the UI's own wording. */
    description: field(isString, 'string'),
    /** Always on; `essential` itself always is. */
    essential: field(isBoolean, 'boolean', name == 'essential'),
    /** Refused while the browser sends Global Privacy Control. */
    gpc: field(isBoolean, 'boolean', name == 'marketing'),
    /** Declared in its cookie table; deleted while the category is not granted. */
    cookies: cookieList,
    /** As configured; `resolveConfig` leaves it out everywhere under `exemptions: false`. */
    exemption: field(oneOf('statistics', 'appearance'), 'exemption'),
  }) satisfies Schema<CategoryConfig>;

/** A category after validation, with defaults filled in. */
export type ResolvedCategory = { readonly name: string } & Resolved<ReturnType<typeof categorySchema>>;

function resolveCategory(name: string, raw: unknown, path: string): ResolvedCategory {
  check(CATEGORY_NAME.test(name) && name != 'constructor', path, 'categoryName');
  const category = resolveObject(raw, categorySchema(name), path);
  check(category.essential || name != 'essential', `${path}.essential`, 'essential');
  return { name, ...category };
}

/** Every category, `essential` first (added when the config leaves it out), then the config's order. */
const categories: Rule<readonly ResolvedCategory[]> = (value = { preferences: {}, analytics: {} }, path) => {
  check(isPlain(value), path, 'object');
  const names = Object.keys(value).filter((name) => name != 'essential');
  // Names the first one too many, so the script tag leaves out only the extra ones.
  check(!names[31], `${path}.${names[31]}`, 'tooMany');
  return ['essential', ...names].map((name) => resolveCategory(name, own(value, name), `${path}.${name}`));
};

const days = wholeNumber(1, 730, 'days', 365);

/** One lifetime for every choice, or one for choices that grant something and one for those that do not. */
const lifetimes: Rule<Required<Readonly<ConsentLifetimes>>> = (value, path) => {
  if (isPlain(value)) return resolveObject(value, { granted: days, refused: days } satisfies Schema<ConsentLifetimes>, path);
  const both = days(value, path);
  return { granted: both, refused: both };
};

const cookieSchema = {
  // RFC 6265 token characters that js-cookie writes as they are (it would
  // percent-encode a "%", and the cookie would never read back).
  name: field(matches(/^[\w!#$&'*+.^`|~-]{1,64}$/), 'cookieName', 'biscuit_consent'),
  /** Shared with subdomains when set; the current host only when not. */
  domain: field(matches(/^\.?[a-z\d-]+(\.[a-z\d-]+)*$/i), 'domain'),
  path: field(matches(/^\/[^;\0- ]*$/), 'path', '/'),
  /** Always `{ granted, refused }`. */
  expiresDays: lifetimes,
  /** Lower case, whatever case the config used. */
  sameSite: (value, path) => field(matches(/^(lax|strict|none)$/i), 'sameSite', 'lax')(value, path).toLowerCase() as 'lax' | 'strict' | 'none',
  /** `undefined`: Secure on https pages. */
  secure: field(isBoolean, 'boolean'),
} satisfies Schema<CookieConfig>;

/** Texts per language: `{ lang: { key: text } }`. Which keys exist is the UI's business. */
const texts: Rule<Readonly<Record<string, Readonly<Record<string, string>>>>> = (value = {}, path) => {
  check(isPlain(value), path, 'object');
  for (const lang of Object.keys(value)) {
    const strings = value[lang];
    check(LANG.test(lang) && isPlain(strings), `${path}.${lang}`, 'texts');
    for (const key of Object.keys(strings)) check(isString(strings[key]), `${path}.${lang}.${key}`, 'string');
  }
  return value as Record<string, Record<string, string>>;
};

/** Category → the Consent Mode signals it grants. Whether each category exists is checked with the whole config. */
const signalMap: Rule<Readonly<Record<string, readonly ConsentModeSignal[]>>> = (value = {}, path) => {
  check(isPlain(value), path, 'object');
  for (const name of Object.keys(value)) {
    const signals = value[name];
    check(Array.isArray(signals) && signals.every((signal) => CONSENT_MODE_SIGNALS.includes(signal)), `${path}.${name}`, 'signals');
  }
  return value as Record<string, readonly ConsentModeSignal[]>;
};

const consentModeSchema = {
  /** ISO 3166-2 codes, or everywhere. */
  region: field((value): value is readonly string[] => Array.isArray(value) && value.every(matches(/^[A-Z]{2}(-[A-Z\d]{1,3})?$/i)), 'region'),
  waitForUpdate: wholeNumber(0, 60000, 'milliseconds', 500),
  /** Only the categories the config remapped; the rest use the default mapping. */
  mapping: signalMap,
} satisfies Schema<GoogleConsentModeConfig>;

const consentLogSchema = {
  /** Required. */
  url: (value, path) => {
    check(isHttpUrl(value), path, 'url');
    return value;
  },
  required: field(isBoolean, 'boolean', false),
} satisfies Schema<ConsentLogConfig>;

const isStorage = (value: unknown): value is ConsentStorage =>
  isPlain(value) && ['read', 'write', 'remove'].every((method) => typeof value[method] == 'function');

/** The rule of every top-level key, in the order they are checked. */
export const CONFIG_SCHEMA = {
  /** Every category, `essential` first. */
  categories,
  /** Where and how the consent cookie is kept. */
  cookie: (value, path) => resolveObject(value, cookieSchema, path),
  revision: wholeNumber(0, 1e9, 'revision', 0),
  cookiesPageUrl: field(isHttpUrl, 'url'),
  lang: field(matches(LANG), 'lang'),
  texts,
  bannerLayout: field(oneOf('fixed', 'inline'), 'layout', 'fixed'),
  /** `undefined` when off; `true` in the config becomes every default. */
  googleConsentMode: (value, path) => (value ? resolveObject(value === true ? {} : value, consentModeSchema, path) : undefined),
  consentLog: (value, path) => (value === undefined ? undefined : resolveObject(value, consentLogSchema, path)),
  reloadOnWithdraw: field(isBoolean, 'boolean', false),
  /** The page's CSP nonce: only blocked scripts and data-srcdoc frames that carry it are activated. */
  nonce: field(isString, 'string'),
  /** `undefined`: the cookie. */
  storage: field(isStorage, 'storage'),
  exemptions: field(isBoolean, 'boolean', true),
} satisfies Schema<ConsentConfig>;

/** A validated config with every default filled in. */
export type ResolvedConfig = Resolved<typeof CONFIG_SCHEMA>;
