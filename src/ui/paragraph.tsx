/** @jsxRuntime classic */
/** @jsx h */
import { h } from 'preact';

/** Props of `Paragraph`. */
export interface ParagraphProps {
  text: string;
  /** The cookies page; without it the `{braces}` are dropped and their text stays plain. */
  href?: string | undefined;
  class?: string;
  /** "en" when the text fell back to English inside another language. */
  lang?: string | undefined;
}

/**
 * A paragraph of UI text, where `{braces}` mark the link to the cookies page.
 * Links are structured data rather than markup, and the text is always set as
 * text, never parsed as HTML, so config text cannot inject elements. An empty
 * text renders nothing, so a site can leave a paragraph out.
 */
export function Paragraph({ text, href, class: className = 'bc-text', lang }: ParagraphProps) {
  return text ? (
    <p class={className} lang={lang}>
      {text.split(/[{}]/).map((part, i) =>
        i % 2 && href ? (
          <a class="bc-link" href={href}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </p>
  ) : null;
}
