/**
 * How a text is found in the visitor's language, the same way everywhere:
 * the config's texts for the exact language tag (`cy-GB`), for its primary
 * language (`cy`), the built-in translation, the config's English, the
 * built-in English. So a key missing in one language falls back to English on
 * its own, marked as English for a `lang` attribute (WCAG 3.1.2).
 */
import { own } from './own';

type Strings = Readonly<Record<string, string>>;

/** The primary subtag of a language tag, lower case: `cy-GB` → `cy`. */
export const primaryLanguage = (tag: string): string => tag.split(/[-_]/)[0]!.toLowerCase();

/** Texts in one language. */
export interface TextLookup {
  /** The language the texts are in: the one asked for, or `en` when neither the config nor a built-in translation has it. */
  readonly lang: string;
  /** A text, with "en" when it is English inside another language; `undefined` when no source has the key. */
  text(key: string): readonly [text: string | undefined, lang: 'en' | undefined];
}

/**
 * Looks texts up for `wanted` in `configured` (the config's `texts`, keyed by
 * language tags in any case), then `builtIn` (the built-in translation of its
 * primary language, if any), then English.
 */
export function createTextLookup(configured: Readonly<Record<string, Strings>>, wanted: string, builtIn: Strings | undefined, english: Strings): TextLookup {
  const byTag: Record<string, Strings> = Object.create(null);
  for (const tag of Object.keys(configured)) byTag[tag.toLowerCase()] = configured[tag]!;
  const primary = primaryLanguage(wanted);
  const exact = byTag[wanted.toLowerCase()];
  const general = byTag[primary];
  const sources = [exact, general, builtIn, byTag.en, english];
  const lang = exact || general || builtIn || primary == 'en' ? wanted : 'en';
  const foreign = primaryLanguage(lang) != 'en';
  return {
    lang,
    text(key) {
      for (let from = 0; from < sources.length; from++) {
        const value = sources[from] && own(sources[from]!, key);
        // From the fourth source on, the text is English.
        if (value != null) return [value, from > 2 && foreign ? 'en' : undefined];
      }
      return [undefined, undefined];
    },
  };
}
