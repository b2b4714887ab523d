/** @jsxRuntime classic */
/** @jsx h */
import type { DeclarationRow } from '../core/declaration';
import type { DeclarationTextKey } from '../core/declaration-texts';
import { h } from './preact-h';
import type { Texts } from './texts/en';

/** Props of `CookieTable`. */
export interface CookieTableProps {
  /** Unique id of the caption, which names the table's scrolling box. */
  id: string;
  /** The category's title: the caption, so the table makes sense on its own (a screen reader's list of tables). */
  caption: string;
  /** "en" when the caption fell back to English inside another language. */
  captionLang: 'en' | undefined;
  rows: readonly DeclarationRow[];
  texts: Texts<DeclarationTextKey>;
}

/**
 * A category's cookie declaration: a native disclosure ("Cookies used (3)",
 * closed at first, opened with Enter or Space) holding a real table with a
 * caption, column headers and the name of each entry as its row header. On a
 * narrow screen the table scrolls sideways inside its own box, never the
 * page; the box is a labelled region that takes focus, so keyboard users can
 * scroll it too. Every text is rendered as text.
 */
export function CookieTable({ id, caption, captionLang, rows, texts }: CookieTableProps) {
  const { langs } = texts;
  const heading = (key: DeclarationTextKey) => (
    <th scope="col" lang={langs[key]}>
      {texts[key]}
    </th>
  );
  return (
    <details class="bc-details">
      <summary lang={langs.cookiesUsed}>{texts.cookiesUsed.replace('{count}', String(rows.length))}</summary>
      <div class="bc-table" role="region" aria-labelledby={id} tabIndex={0}>
        <table>
          <caption id={id} class="bc-hidden" lang={captionLang}>
            {caption}
          </caption>
          <thead>
            <tr>
              {heading('cookieName')}
              {heading('cookiePurpose')}
              {heading('cookieExpires')}
              {heading('cookieSetBy')}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ name, purpose, expires, setBy, storage, langs: rowLangs }) => (
              <tr key={storage + name}>
                <th scope="row">
                  {name}
                  {storage != 'cookie' && (
                    <span class="bc-storage" lang={langs[storage]}>
                      {texts[storage]}
                    </span>
                  )}
                </th>
                <td lang={rowLangs.purpose}>{purpose}</td>
                <td lang={rowLangs.expires}>{expires}</td>
                <td lang={rowLangs.setBy}>{setBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
