import { enBanner } from './en-banner';
import { enDialog } from './en-dialog';
import { enExempt } from './en-exempt';
import { enPlaceholder } from './en-placeholder';
import type { ExemptTextKey } from './exempt-keys';

/**
 * Every English text of the UI, the default language: the documented default
 * wording, word for word. Its keys are every text the UI shows; sites
 * override any of them through `config.texts[lang][key]`. In paragraph texts,
 * `{braces}` mark the link to `config.cookiesPageUrl` (plain text when there
 * is none). Category titles and descriptions come from
 * `DEFAULT_CATEGORY_TEXTS` in the core, or from `category.<name>.title` /
 * `category.<name>.description` keys. The UI's chunks each take their part:
 * en-banner.ts, en-dialog.ts, en-placeholder.ts, en-exempt.ts.
 */
export const en = { ...enBanner, ...enDialog, ...enPlaceholder, ...enExempt };

/** The name of a text the UI shows. */
export type TextKey = keyof typeof en;

/** The name of a text of the banner (or one every piece shares). */
export type BannerTextKey = keyof typeof enBanner;

/**
 * The name of a text of the banner or of the dialog: what the dialog and the
 * cookies-page form show (with the texts about UK exemptions, on sites with them).
 */
export type DialogFormTextKey = BannerTextKey | keyof typeof enDialog | ExemptTextKey;

/**
 * Texts in one language (by default the banner's and the dialog's). `langs` maps each
 * key whose text fell back to English inside another language to "en", for
 * its `lang` attribute (WCAG 3.1.2, language of parts).
 */
export type Texts<K extends string = DialogFormTextKey> = Readonly<Record<K, string>> & { readonly langs: Readonly<Partial<Record<K, 'en'>>> };
