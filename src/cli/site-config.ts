/**
 * The site's biscuit-consent config as the scanner needs it: which names each
 * category declares, which categories need no consent, the consent cookie's
 * name and the banner's button texts. Read leniently from whatever the page
 * offers (the live instance's resolved config, the `#biscuit-config` block or
 * `window.BiscuitConfig`), so a config the library would partly drop, or one
 * written for a newer version, still tells the scanner what it can.
 */
import type { StorageKind } from './known-cookies';

/** Where on the page the config came from. */
export type ConfigSource = 'live' | 'block' | 'global';

/** The page's config as read in the browser; RegExps arrive as `{ $regexp: [source, flags] }`. */
export interface RawSiteConfig {
  readonly source: ConfigSource;
  readonly config?: unknown;
  /** Why the config could not be read (e.g. the block is not valid JSON). */
  readonly error?: string;
}

/** One name a category declares. */
export interface DeclaredName {
  /** As written: the name, the `*` pattern or the RegExp's source. */
  readonly label: string;
  readonly test: RegExp;
  readonly kind: StorageKind;
}

/** A category of the site's config. */
export interface SiteCategory {
  readonly name: string;
  /** Needs no consent. */
  readonly essential: boolean;
  /** On unless the visitor objects (a UK exemption): allowed before a choice, not after a rejection. */
  readonly exempt: boolean;
  readonly names: readonly DeclaredName[];
}

/** What the scanner knows of the site's config. */
export interface SiteConfig {
  readonly source: ConfigSource;
  readonly consentCookie: string;
  readonly categories: readonly SiteCategory[];
  /** The banner's reject and accept texts in every configured language. */
  readonly rejectTexts: readonly string[];
  readonly acceptTexts: readonly string[];
  /** Entries the scanner could not use, in words. */
  readonly problems: readonly string[];
}

/** The consent cookie's name when the config does not set one. */
export const DEFAULT_CONSENT_COOKIE = 'biscuit_consent';

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain => typeof value == 'object' && value !== null && !Array.isArray(value);
const own = (object: Plain, key: string) => (Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined);
const STORAGE_KINDS: readonly StorageKind[] = ['cookie', 'localStorage', 'sessionStorage'];

/** `"_ga*"` matches `_ga` and `_ga_ABC123`: the library's own rule for `cookies` patterns. */
export function namePattern(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
}

/** A `cookies` entry's name: a string pattern, or a RegExp as serialised from the page. */
function readName(value: unknown): { label: string; test: RegExp } | undefined {
  if (typeof value == 'string' && value) return { label: value, test: namePattern(value) };
  const regexp = isPlain(value) && own(value, '$regexp');
  if (Array.isArray(regexp) && typeof regexp[0] == 'string') {
    try {
      return { label: `/${regexp[0]}/${regexp[1] ?? ''}`, test: new RegExp(regexp[0], String(regexp[1] ?? '').replace(/[gy]/g, '')) };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Names, patterns and RegExps are cookies; `{ name, storage }` objects may name web storage too. */
function readEntry(entry: unknown): DeclaredName | undefined {
  const simple = readName(entry);
  if (simple) return { ...simple, kind: 'cookie' };
  if (!isPlain(entry)) return undefined;
  const name = readName(own(entry, 'name'));
  const storage = own(entry, 'storage') ?? 'cookie';
  if (!name || !STORAGE_KINDS.includes(storage as StorageKind)) return undefined;
  return { ...name, kind: storage as StorageKind };
}

/** Every text a config gives for `key`, across its languages. */
function textsFor(texts: unknown, key: string): string[] {
  if (!isPlain(texts)) return [];
  return Object.keys(texts).flatMap((lang) => {
    const language = own(texts, lang);
    const text = isPlain(language) && own(language, key);
    return typeof text == 'string' && text.trim() ? [text.trim()] : [];
  });
}

/**
 * Turns a raw config into a `SiteConfig`: categories may be an object (as
 * written) or an array (as resolved by the live instance); `essential` is
 * always essential; unusable entries are listed in `problems`, not fatal.
 */
export function readSiteConfig(raw: RawSiteConfig): SiteConfig {
  const problems: string[] = raw.error ? [raw.error] : [];
  const config = isPlain(raw.config) ? raw.config : {};
  if (raw.config !== undefined && !isPlain(raw.config)) problems.push('the config is not an object');
  const categoriesValue = own(config, 'categories');
  const listed: [string, unknown][] = Array.isArray(categoriesValue)
    ? categoriesValue.filter(isPlain).map((category) => [String(own(category, 'name')), category])
    : isPlain(categoriesValue)
      ? Object.keys(categoriesValue).map((name) => [name, own(categoriesValue, name)])
      : [];
  const exemptionsOn = own(config, 'exemptions') !== false;
  const categories = listed.map(([name, value]): SiteCategory => {
    const category = isPlain(value) ? value : {};
    const entries = own(category, 'cookies');
    const names: DeclaredName[] = [];
    (Array.isArray(entries) ? entries : []).forEach((entry, i) => {
      const declared = readEntry(entry);
      if (declared) names.push(declared);
      else problems.push(`categories.${name}.cookies[${i}] is not a name, pattern, RegExp or { name, storage } entry`);
    });
    const exemption = own(category, 'exemption');
    return {
      name,
      essential: name == 'essential' || own(category, 'essential') === true,
      exempt: exemptionsOn && (exemption == 'statistics' || exemption == 'appearance'),
      names,
    };
  });
  const cookie = own(config, 'cookie');
  const cookieName = isPlain(cookie) && own(cookie, 'name');
  const texts = own(config, 'texts');
  return {
    source: raw.source,
    consentCookie: typeof cookieName == 'string' && cookieName ? cookieName : DEFAULT_CONSENT_COOKIE,
    categories,
    rejectTexts: textsFor(texts, 'reject'),
    acceptTexts: textsFor(texts, 'accept'),
    problems,
  };
}
