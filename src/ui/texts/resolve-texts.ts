import type { ResolvedCategory, ResolvedConfig } from '../../core/config';
import { DEFAULT_CATEGORY_TEXTS } from '../../core/default-categories';
import { warn as warnOnConsole } from '../../core/report';
import { en, type TextKey, type Texts } from './en';

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
  readonly texts: Texts;
  /**
   * A category's title and description: its config, else the language's, else
   * English (then its `…Lang` is "en"), else its name.
   */
  category(category: ResolvedCategory): { title: string; description: string; titleLang: 'en' | undefined; descriptionLang: 'en' | undefined };
}

/**
 * Picks the language (`config.lang`, else the page's `<html lang>`, else
 * English) and resolves every text key through, in order: the config's texts
 * for the exact tag (`cy-GB`), for its primary language (`cy`), the built-in
 * translation, the config's English, the built-in English. So a missing key
 * falls back to English on its own. Warns once about keys it does not know.
 */
export async function resolveTexts(
  config: ResolvedConfig,
  pageLang: string,
  warn: (message: string) => void = warnOnConsole,
): Promise<ResolvedTexts> {
  const wanted = config.lang || pageLang || 'en';
  const primary = primaryLanguage(wanted);
  const configured: Record<string, Strings> = Object.create(null);
  for (const tag of Object.keys(config.texts)) configured[tag.toLowerCase()] = config.texts[tag]!;

  const loadBuiltIn = own(BUILT_IN, primary);
  const exact = configured[wanted.toLowerCase()];
  const general = configured[primary];
  const sources = [exact, general, loadBuiltIn && (await loadBuiltIn()), configured.en, en];
  const lang = exact || general || loadBuiltIn || primary == 'en' ? wanted : 'en';
  const foreign = primaryLanguage(lang) != 'en';
  // Which source answered (sources.length when none did): from the fourth on, English,
  // worth marking in another language.
  let from = 0;
  const text = (key: string) => {
    for (from = 0; from < sources.length; from++) {
      const value = sources[from] && own(sources[from]!, key);
      if (value != null) return value;
    }
  };
  const english = () => (from > 2 && foreign ? 'en' : undefined);

  const texts = { langs: {} } as Record<TextKey, string> & { langs: Partial<Record<TextKey, 'en'>> };
  for (const key of Object.keys(en) as TextKey[]) {
    texts[key] = text(key)!;
    if (english()) texts.langs[key] = 'en';
  }

  const names = config.categories.map((category) => category.name);
  const unknown = Object.keys(configured).flatMap((tag) =>
    Object.keys(configured[tag]!)
      .filter((key) => own(en, key) == null && !names.some((name) => key == `category.${name}.title` || key == `category.${name}.description`))
      .map((key) => `${tag}.${key}`),
  );
  if (unknown.length) warn(`ignoring unknown text keys: ${unknown.join(', ')}`);

  return {
    lang,
    dir: RIGHT_TO_LEFT.test(primaryLanguage(lang)) ? 'rtl' : 'ltr',
    texts,
    category: ({ name, title, description }) => {
      const builtIn = own(DEFAULT_CATEGORY_TEXTS, name);
      // The config's own words, else the language's, else the built-in English
      // ones; with the language to mark when that is English in another language.
      const pick = (configured: string | undefined, key: string, fallback: string | undefined): [string | undefined, 'en' | undefined] => {
        if (configured !== undefined) return [configured, undefined];
        // When no source has the key, `from` is past the English ones: the fallback is English too.
        const value = text(key) ?? fallback;
        return [value, value === undefined ? undefined : english()];
      };
      const [titleText, titleLang] = pick(title, `category.${name}.title`, builtIn?.title);
      const [descriptionText, descriptionLang] = pick(description, `category.${name}.description`, builtIn?.description);
      return { title: titleText ?? name, description: descriptionText ?? '', titleLang, descriptionLang };
    },
  };
}
