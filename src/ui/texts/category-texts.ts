import type { ResolvedCategory } from '../../core/config';
import { DEFAULT_CATEGORY_TEXTS } from '../../core/default-categories';
import type { ResolvedTexts } from './resolve-texts';

// Own keys only, so a category named like an Object.prototype member finds no built-in text.
const builtIn = (name: string) => (Object.prototype.hasOwnProperty.call(DEFAULT_CATEGORY_TEXTS, name) ? DEFAULT_CATEGORY_TEXTS[name] : undefined);

/**
 * A category's title and description in the visitor's language: its config's
 * own words, else the `category.<name>.title` / `.description` texts, else the
 * built-in English ones (then its `…Lang` is "en" inside another language),
 * else its name (and no description).
 */
export function categoryTexts(
  texts: ResolvedTexts,
  { name, title, description }: ResolvedCategory,
): { title: string; description: string; titleLang: 'en' | undefined; descriptionLang: 'en' | undefined } {
  const pick = (configured: string | undefined, key: string, fallback: string | undefined): [string | undefined, 'en' | undefined] => {
    if (configured !== undefined) return [configured, undefined];
    const [value, lang] = texts.lookup(key);
    const text = value ?? fallback;
    return [text, text === undefined ? undefined : lang];
  };
  const [titleText, titleLang] = pick(title, `category.${name}.title`, builtIn(name)?.title);
  const [descriptionText, descriptionLang] = pick(description, `category.${name}.description`, builtIn(name)?.description);
  return { title: titleText ?? name, description: descriptionText ?? '', titleLang, descriptionLang };
}
