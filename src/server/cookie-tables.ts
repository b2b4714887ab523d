import { resolveConfig, type ConsentConfig } from '../core/config';
import { declarationRows, type DeclarationRow, type DeclarationText } from '../core/declaration';
import { consentCookieExpires, longestLifetime, DECLARATION_TEXTS_CY, DECLARATION_TEXTS_EN, type DeclarationTextKey } from '../core/declaration-texts';
import { own } from '../core/own';
import { createTextLookup, primaryLanguage } from '../core/text-lookup';

/** Options of `cookieTables`. */
export interface CookieTablesOptions {
  /** The page's language, e.g. `cy` or `cy-GB`. Default: `config.lang`, else `en`. */
  lang?: string | undefined;
}

/** One category's table. */
export interface CookieTable {
  /** The category's name, e.g. `analytics`. */
  readonly category: string;
  readonly essential: boolean;
  /** In the config's order; the essential category's starts with the consent cookie. */
  readonly rows: readonly DeclarationRow[];
}

/** What a server-rendered cookies page needs to print the cookie tables the dialog shows. */
export interface CookieTables {
  /** The language of the texts: the one asked for, or `en` when neither the config nor a built-in translation has it. */
  readonly lang: string;
  /**
   * The tables' own words, from `config.texts` or the built-in English and
   * Welsh: column headings (`cookieName`, `cookiePurpose`, `cookieExpires`,
   * `cookieSetBy`), `cookiesUsed` (with `{count}`), `localStorage` and
   * `sessionStorage` (to mark web-storage rows) and the rest.
   */
  readonly texts: Readonly<Record<DeclarationTextKey, string>>;
  /** The keys of `texts` that fell back to English in another language (for their `lang` attribute). */
  readonly langs: Readonly<Partial<Record<DeclarationTextKey, 'en'>>>;
  /** Every category, `essential` first, in the config's order. */
  readonly categories: readonly CookieTable[];
}

/** Built-in translations of the tables' words, by primary language (English is the fallback). */
const BUILT_IN: Readonly<Record<string, Readonly<Record<DeclarationTextKey, string>>>> = { cy: DECLARATION_TEXTS_CY };

/**
 * The rows of every category's cookie table in one language, as the dialog
 * and the cookies-page form show them (name, purpose, expiry, set by), the
 * consent cookie included, with the texts to head them: for a cookies page
 * rendered on the server, without JavaScript. Text in it is plain text:
 * escape it for HTML. Throws `ConfigError` for a bad config.
 */
export function cookieTables(config?: ConsentConfig, options: CookieTablesOptions = {}): CookieTables {
  const resolved = resolveConfig(config);
  const wanted = options.lang || resolved.lang || 'en';
  const builtIn = own(BUILT_IN, primaryLanguage(wanted));
  const lookup = createTextLookup(resolved.texts, wanted, builtIn, DECLARATION_TEXTS_EN);
  // Every key but the lifetime has an English text, so the lookup always finds one.
  const text: DeclarationText = (key) =>
    key == 'consentCookieExpires'
      ? consentCookieExpires(lookup.text(key), longestLifetime(resolved.cookie.expiresDays), lookup.lang)
      : (lookup.text(key) as [string, 'en' | undefined]);
  const texts = {} as Record<DeclarationTextKey, string>;
  const langs: Partial<Record<DeclarationTextKey, 'en'>> = {};
  for (const key of Object.keys(DECLARATION_TEXTS_EN) as DeclarationTextKey[]) {
    const [value, lang] = lookup.text(key);
    texts[key] = value!;
    if (lang) langs[key] = lang;
  }
  return {
    lang: lookup.lang,
    texts,
    langs,
    categories: resolved.categories.map((category) => ({
      category: category.name,
      essential: category.essential,
      rows: declarationRows(resolved, category, lookup.lang, text),
    })),
  };
}
