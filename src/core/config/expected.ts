/**
 * What each config field must be: the end of a ConfigError's message, by
 * name. The checks (rules.ts, schema.ts, index.ts) name what they expect, and
 * `resolveConfig` turns the name into these words; kept apart, so the
 * script-tag build can leave the words out of the script every visitor
 * downloads and load them only to report a bad config (src/config-report.ts).
 */
export const EXPECTED = {
  object: 'an object',
  string: 'a string',
  boolean: 'a boolean',
  array: 'an array',
  pattern: 'a name, "*" pattern, RegExp or { name, … }',
  localizedText: 'a string or { lang: string }',
  languageText: 'a string, under a language code',
  storageKind: '"cookie", "localStorage" or "sessionStorage"',
  categoryName: 'named in lowercase letters, digits and _ (not "constructor")',
  essential: 'true: essential cookies cannot be refused',
  tooMany: 'left out: at most 32 categories, essential included',
  cookieName: 'a cookie name',
  domain: 'a host name such as "example.gov.uk"',
  path: 'a path starting with "/"',
  days: 'a whole number of days from 1 to 730',
  sameSite: '"lax", "strict" or "none"',
  secureForNone: 'true when sameSite is "none"',
  secureForPrefix: 'true for a __Secure- or __Host- name',
  noDomainForHost: 'left out for a __Host- name',
  rootPathForHost: '"/" for a __Host- name',
  revision: 'a whole number from 0 to 1000000000',
  url: 'a relative or http(s) URL',
  lang: 'a language code such as "en" or "cy"',
  texts: 'an object of texts, keyed by a language code such as "en"',
  layout: '"fixed" or "inline"',
  region: 'an array of region codes such as "GB"',
  milliseconds: 'a whole number of milliseconds from 0 to 60000',
  signals: 'an array of Consent Mode signals such as "analytics_storage"',
  category: 'a configured category',
  storage: 'an object with read, write and remove methods',
  exemption: '"statistics" or "appearance"',
  notExempt: 'left out: essential and advertising categories (mapped to an ad_ Consent Mode signal) cannot be exempt',
} as const;

/** The name of what a field must be: a key of `EXPECTED`. */
export type Expected = keyof typeof EXPECTED;
