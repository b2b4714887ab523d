/**
 * The words of the cookie tables, in the built-in languages: shared by the
 * UI (whose English and Welsh texts include them, so `config.texts` overrides
 * them by the same keys) and `biscuit-consent/server`, so a server-rendered
 * cookies page says exactly what the dialog says. Each language is its own
 * export, so a bundle that needs only English leaves the Welsh out. Sources of
 * the Welsh are in `src/ui/texts/cy.md`.
 */
import { primaryLanguage } from './text-lookup';

/** English. In `cookiesUsed`, `{count}` stands for the number of entries. */
export const DECLARATION_TEXTS_EN = {
  /** The disclosure that opens a category's table. */
  cookiesUsed: 'Cookies used ({count})',
  /** Column headings. */
  cookieName: 'Name',
  cookiePurpose: 'Purpose',
  cookieExpires: 'Expires',
  cookieSetBy: 'Set by',
  /** "Set by" of an entry without a `provider`. */
  firstParty: 'This website',
  /** Shown with the name of a web-storage entry. */
  localStorage: 'Local storage',
  sessionStorage: 'Session storage',
  /** The consent cookie's own row. Its expiry is `consentCookieExpires` when a site sets one, else its lifetime in words. */
  consentCookiePurpose: 'Saves your cookie consent settings',
};

/** The name of a text of the cookie tables. `consentCookieExpires` has no built-in text: it is the lifetime in words. */
export type DeclarationTextKey = keyof typeof DECLARATION_TEXTS_EN;

/** Welsh (Cymraeg). */
export const DECLARATION_TEXTS_CY: Readonly<Record<DeclarationTextKey, string>> = {
  cookiesUsed: 'Cwcis a ddefnyddir ({count})',
  cookieName: 'Enw',
  cookiePurpose: 'Diben',
  cookieExpires: 'Yn dod i ben',
  cookieSetBy: 'Gosodir gan',
  firstParty: 'Y wefan hon',
  localStorage: 'Storfa leol',
  sessionStorage: 'Storfa sesiwn',
  consentCookiePurpose: 'Cadw’ch gosodiadau caniatâd cwcis',
};

/**
 * A lifetime of `days` in words, as cookie tables give it ("1 year", "90
 * days"), in English or Welsh (by the primary subtag of `lang`); `undefined`
 * for any other language. Whole years are given as years. Welsh mutates the
 * noun after 1 and 2 (1 flwyddyn, 2 flynedd, 2 ddiwrnod) and keeps it singular
 * after any number (90 diwrnod).
 */
export function lifetimeInWords(days: number, lang: string): string | undefined {
  const years = days / 365;
  const primary = primaryLanguage(lang);
  if (primary == 'cy') {
    // Consent lasts at most 730 days, so only these need the right mutation.
    return years == 1 ? '1 flwyddyn' : years == 2 ? '2 flynedd' : days == 1 ? '1 diwrnod' : days == 2 ? '2 ddiwrnod' : `${days} diwrnod`;
  }
  if (primary == 'en') return years % 1 == 0 ? `${years} year${years == 1 ? '' : 's'}` : `${days} day${days == 1 ? '' : 's'}`;
  return undefined;
}

/**
 * How long the consent cookie may be kept, as its table declares it: the
 * longer of the lifetimes for a choice that grants something and for one that
 * does not (`cookie.expiresDays` may set each).
 */
export const longestLifetime = (days: { readonly granted: number; readonly refused: number }): number => Math.max(days.granted, days.refused);

/**
 * The consent cookie's lifetime in words for a table in `lang`, with the
 * language it is in when that is another: the site's own text (`found`, as
 * its texts give it for `lang`) unless that is an English fallback where
 * built-in words exist for `lang`, else the built-in words, else English.
 */
export function consentCookieExpires(
  [text, fallback]: readonly [text: string | undefined, lang: string | undefined],
  days: number,
  lang: string,
): readonly [text: string, lang: string | undefined] {
  const native = lifetimeInWords(days, lang);
  return text !== undefined && !(fallback && native) ? [text, fallback] : native ? [native, undefined] : [lifetimeInWords(days, 'en')!, 'en'];
}
