import type { ResolvedConfig } from '../../core/config';
import { warn as warnOnConsole } from '../../core/report';
import { COMPUTED_TEXT_KEY, DIALOG_TEXT_KEYS } from './dialog-keys';
import { EXEMPT_TEXT_KEYS } from './exempt-keys';
import type { BannerTextKey, Texts } from './en';
import { enBanner } from './en-banner';
import { PLACEHOLDER_TEXT_KEYS } from './placeholder-keys';

type Strings = Readonly<Record<string, string>>;

// Own keys only, so a text key or a language such as "constructor" never reaches
// Object.prototype. (The core has the same helper; importing it would pull the
// config validation into this chunk.)
const own = <T>(object: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;

/** Built-in languages besides English: each its own chunk, so English pages never download them. */
const BUILT_IN: Readonly<Record<string, () => Promise<Strings>>> = {
  cy: () => import('./cy').then((module) => module.cy),
};

/** Primary language subtags written right to left. The library ships none; sites supply the texts. */
const RIGHT_TO_LEFT = /^(ar|ckb|dv|fa|he|ps|sd|ug|ur|yi)$/;

/** The primary subtag of a language tag, lower case: `cy-GB` → `cy`. */
export const primaryLanguage = (tag: string) => tag.split(/[-_]/)[0]!.toLowerCase();

/** The UI's texts in the visitor's language. */
export interface ResolvedTexts {
  /** The language the texts are in: the one asked for, or `en` when no texts exist for it. */
  readonly lang: string;
  readonly dir: 'ltr' | 'rtl';
  /** The banner's texts, and those every piece shares. */
  readonly texts: Texts<BannerTextKey>;
  /** Another piece's own texts, each from the same sources, else from `english`. */
  resolve<K extends string>(english: Readonly<Record<K, string>>): Texts<K>;
  /**
   * One text that no piece has built in (a category's title, say): the value
   * the sources give, if any, and "en" when it is (or a fallback for it would
   * be) English inside another language.
   */
  lookup(key: string): [value: string | undefined, lang: 'en' | undefined];
}

/**
 * Picks the language (`config.lang`, else the page's `<html lang>`, else
 * English) and resolves each text key through, in order: the config's texts
 * for the exact tag (`cy-GB`), for its primary language (`cy`), the built-in
 * translation, the config's English, the built-in English of the piece that
 * shows it. So a missing key falls back to English on its own. Warns once
 * about keys it does not know.
 */
export async function resolveTexts(config: ResolvedConfig, pageLang: string, warn: (message: string) => void = warnOnConsole): Promise<ResolvedTexts> {
  const wanted = config.lang || pageLang || 'en';
  const primary = primaryLanguage(wanted);
  const configured: Record<string, Strings> = Object.create(null);
  for (const tag of Object.keys(config.texts)) configured[tag.toLowerCase()] = config.texts[tag]!;

  const loadBuiltIn = own(BUILT_IN, primary);
  const exact = configured[wanted.toLowerCase()];
  const general = configured[primary];
  const sources = [exact, general, loadBuiltIn && (await loadBuiltIn()), configured.en];
  const lang = exact || general || loadBuiltIn || primary == 'en' ? wanted : 'en';
  const foreign = primaryLanguage(lang) != 'en';
  const lookup = (key: string): [string | undefined, 'en' | undefined] => {
    // From the fourth source on (or when none has it), the text is English, worth marking in another language.
    let from = 0;
    let value: string | undefined;
    while (from < sources.length && (value = sources[from] && own(sources[from]!, key)) == null) from++;
    return [value ?? undefined, from > 2 && foreign ? 'en' : undefined];
  };
  const resolve = <K extends string>(english: Readonly<Record<K, string>>) => {
    const values: Record<string, string> = {};
    const langs: Partial<Record<K, 'en'>> = {};
    for (const key of Object.keys(english) as K[]) {
      const [value, mark] = lookup(key);
      values[key] = value ?? english[key];
      if (mark) langs[key] = mark;
    }
    return { ...(values as Record<K, string>), langs };
  };

  const names = config.categories.map((category) => category.name);
  const known: string[] = [...Object.keys(enBanner), ...DIALOG_TEXT_KEYS, COMPUTED_TEXT_KEY, ...PLACEHOLDER_TEXT_KEYS, ...EXEMPT_TEXT_KEYS];
  const unknown = Object.keys(configured).flatMap((tag) =>
    Object.keys(configured[tag]!)
      .filter((key) => !known.includes(key) && !names.some((name) => key == `category.${name}.title` || key == `category.${name}.description`))
      .map((key) => `${tag}.${key}`),
  );
  if (unknown.length) warn(`ignoring unknown text keys: ${unknown.join(', ')}`);

  return {
    lang,
    dir: RIGHT_TO_LEFT.test(primaryLanguage(lang)) ? 'rtl' : 'ltr',
    texts: resolve(enBanner),
    resolve,
    lookup,
  };
}
