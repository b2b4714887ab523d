/**
 * The config as a site writes it: every option biscuit-consent understands,
 * all optional. `schema.ts` checks each of these keys (the compiler makes sure
 * none is missing) and derives the resolved config from it.
 */
import type { ConsentStorage } from '../consent-storage';

/** A cookie (or web-storage key) name: exact, with `*` standing for any characters (`"_ga_*"`), or a RegExp. */
export type CookiePattern = string | RegExp;

/** Text in the page's language, or per language: `{ en: "2 years", cy: "2 flynedd" }`. */
export type LocalizedText = string | Readonly<Record<string, string>>;

/** Where a declared name is kept: a cookie, or a key of the site's own web storage. */
export type StorageKind = 'cookie' | 'localStorage' | 'sessionStorage';

/**
 * One cookie or web-storage key a category uses, as the visitor is told about
 * it in the cookie tables (name, purpose, expiry, who sets it) and as it is
 * deleted while the category is not granted.
 */
export interface CookieDeclaration {
  /** The name: exact, a `*` pattern (`"_ga_*"`) or a RegExp. Required. */
  name: CookiePattern;
  /** How the tables show the name, e.g. `"_ga_<container ID>"`. Default: the name as written (a RegExp as `/^_hj/`). */
  label?: string;
  /** Who sets it, e.g. `"Google Analytics"`. Default: the website itself (first party). */
  provider?: string;
  /** What it is for, in one plain sentence. */
  purpose?: LocalizedText;
  /** How long it lasts, in words: `"2 years"`, `"Session"`. */
  expires?: LocalizedText;
  /** Default `cookie`. `localStorage` and `sessionStorage` keys of this site are cleared like cookies. */
  storage?: StorageKind;
}

/** A `cookies` entry: a bare name or pattern (a cookie, declared by its name alone), or a full declaration. */
export type CookieEntry = CookiePattern | CookieDeclaration;

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
  /**
   * The cookies and web-storage keys this category uses: listed in its cookie
   * table, and deleted while it is not granted (refused, withdrawn, or not yet chosen).
   */
  cookies?: readonly CookieEntry[];
  /**
   * Run under a UK exemption (PECR Schedule A1) instead of consent: on unless
   * the visitor objects, once they have been told. `statistics`: counting how
   * the site is used, only to improve it; `appearance`: remembering how the
   * visitor wants it to look or work. Never for advertising, nor for an
   * essential category. Top-level `exemptions: false` turns every one off.
   */
  exemption?: Exemption;
}

/** The UK exemptions a category may run under (PECR Schedule A1, paragraphs on statistics and appearance). */
export type Exemption = 'statistics' | 'appearance';

/** How long a choice is kept, in days (1–730), by what it grants. */
export interface ConsentLifetimes {
  /** A choice that grants some optional category by consent. Default 365. */
  granted?: number;
  /** A choice that grants none: a refusal, an objection, or a message hidden while exempt categories run. Default 365. */
  refused?: number;
}

/** Where and how the consent cookie is kept. */
export interface CookieConfig {
  /**
   * Cookie name: letters, digits and `!#$&'*+-.^_\`|~`. Default `biscuit_consent`.
   * A `__Host-` name (e.g. `__Host-biscuit_consent`) cannot be set or overwritten
   * by another subdomain; it needs https, no `domain` and `path` `/`.
   */
  name?: string;
  /** Share the choice across subdomains, e.g. `example.gov.uk`. Default: the current host only. */
  domain?: string;
  /** Default `/`. */
  path?: string;
  /** How long a choice is kept, in days (1–730): one figure, or one for choices that grant something and one for those that do not. Default 365. */
  expiresDays?: number | ConsentLifetimes;
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
  /**
   * The page's CSP nonce (the script tag's own by default). With one, only
   * blocked scripts and `data-srcdoc` frames that carry it themselves are
   * activated, so markup injected into the page cannot run through them.
   */
  nonce?: string;
  /** Keep the choice somewhere other than the cookie (tests, previews, server rendering). */
  storage?: ConsentStorage;
  /**
   * `false` turns every category's `exemption` off, so everything optional
   * needs consent: set it for visitors outside the UK. Default `true`.
   */
  exemptions?: boolean;
}

/** The category names of a config, or the default ones when it lists none. */
export type CategoryNames<Cfg> = Cfg extends { categories: infer Cats }
  ? Extract<keyof Cats, string> | 'essential'
  : 'categories' extends keyof Cfg
    ? string
    : 'essential' | 'preferences' | 'analytics';

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

/**
 * The Consent Mode signals each category the library knows grants, unless
 * `googleConsentMode.mapping` says otherwise. Also what tells an advertising
 * category (one mapped to an `ad_` signal), which can never be exempt.
 */
export const DEFAULT_CONSENT_MODE_MAPPING: Readonly<Record<string, readonly ConsentModeSignal[]>> = {
  essential: ['security_storage'],
  preferences: ['functionality_storage', 'personalization_storage'],
  analytics: ['analytics_storage'],
  marketing: ['ad_storage', 'ad_user_data', 'ad_personalization'],
};
