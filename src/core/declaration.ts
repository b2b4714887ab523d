/**
 * The cookie declaration: what each category's `cookies` entries tell a
 * visitor (name, purpose, expiry, who sets it) in one language, the consent
 * cookie itself listed first under `essential`. The UI's tables and
 * `biscuit-consent/server` both take their rows from here, so a
 * server-rendered cookies page shows what the dialog shows.
 */
import type { LocalizedText, ResolvedCategory, ResolvedConfig, StorageKind } from './config';
import type { DeclarationTextKey } from './declaration-texts';
import { primaryLanguage } from './text-lookup';

/** One row of a cookie table, its texts in the table's language. */
export interface DeclarationRow {
  /** The name as shown: the entry's `label`, else its name as written (a RegExp as `/^_hj/`). */
  readonly name: string;
  /** Empty when the config gives none. */
  readonly purpose: string;
  /** Empty when the config gives none. */
  readonly expires: string;
  /** The provider, or the "This website" text for an entry without one. */
  readonly setBy: string;
  /** Set by the site itself: the entry names no provider. */
  readonly firstParty: boolean;
  readonly storage: StorageKind;
  /**
   * The language of a text that is not in the table's language (it fell back
   * to another), for its `lang` attribute; `undefined` when it is.
   */
  readonly langs: { readonly purpose: string | undefined; readonly expires: string | undefined; readonly setBy: string | undefined };
}

/**
 * A text of the tables in the table's language, with the language it is in
 * when that is another (English, when a key fell back). `consentCookieExpires`
 * is the consent cookie's lifetime in words.
 */
export type DeclarationText = (key: DeclarationTextKey | 'consentCookieExpires') => readonly [text: string, lang: string | undefined];

/**
 * Picks the text for `lang` from text or `{ lang: text }`: the exact tag, then
 * its primary language, then any regional form of it, then English, then the
 * first language given. Also returns the tag it took when that is another
 * language than `lang`'s. Tags match in any case.
 */
export function localize(value: LocalizedText | undefined, lang: string): readonly [text: string, lang: string | undefined] {
  if (value === undefined || typeof value == 'string') return [value || '', undefined];
  const tags = Object.keys(value);
  const primary = primaryLanguage(lang);
  const tag =
    tags.find((tag) => tag.toLowerCase() == lang.toLowerCase()) ||
    tags.find((tag) => primaryLanguage(tag) == primary) ||
    tags.find((tag) => primaryLanguage(tag) == 'en') ||
    tags[0];
  return tag === undefined ? ['', undefined] : [value[tag]!, primaryLanguage(tag) == primary ? undefined : tag];
}

/**
 * The rows of `category`'s table in `lang`, in the config's order. The
 * `essential` category starts with the consent cookie (its real name, its
 * purpose, its lifetime from `cookie.expiresDays`), unless the site declares a
 * cookie by that exact name itself, or keeps the choice elsewhere (`storage`).
 */
export function declarationRows(config: ResolvedConfig, category: ResolvedCategory, lang: string, text: DeclarationText): DeclarationRow[] {
  const [firstParty, firstPartyLang] = text('firstParty');
  const rows = category.cookies.map(({ name, label, provider, purpose, expires, storage }): DeclarationRow => {
    const [purposeText, purposeLang] = localize(purpose, lang);
    const [expiresText, expiresLang] = localize(expires, lang);
    return {
      name: label ?? String(name),
      purpose: purposeText,
      expires: expiresText,
      setBy: provider ?? firstParty,
      firstParty: provider === undefined,
      storage,
      langs: { purpose: purposeLang, expires: expiresLang, setBy: provider === undefined ? firstPartyLang : undefined },
    };
  });
  const consentCookie = config.cookie.name;
  if (category.name == 'essential' && !config.storage && !category.cookies.some((entry) => entry.name === consentCookie && entry.storage == 'cookie')) {
    const [purpose, purposeLang] = text('consentCookiePurpose');
    const [expires, expiresLang] = text('consentCookieExpires');
    rows.unshift({
      name: consentCookie,
      purpose,
      expires,
      setBy: firstParty,
      firstParty: true,
      storage: 'cookie',
      langs: { purpose: purposeLang, expires: expiresLang, setBy: firstPartyLang },
    });
  }
  return rows;
}
