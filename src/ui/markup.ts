/**
 * The markup the banner and the dialog share, written once: a paragraph whose
 * `{braces}` link to the cookies page, a notice about what happened to a
 * choice, and a button. Each takes the element factory of the piece that
 * renders it: `createElement` (plain DOM) in the banner, Preact's `h` in the
 * dialog and the cookies-page form.
 */

/** A child of an element: a node of the factory's kind, text, or nothing. */
export type Child<N> = N | string | null | false | undefined;

/** The attributes these pieces use; functions are event listeners (`onClick`). */
export type Props = Record<string, string | number | boolean | undefined | ((event: never) => void)>;

/** An element factory with the signature of Preact's `h`. */
export type ElementFactory<N> = (type: string, props: Props | null, ...children: Child<N>[]) => N;

/** One part of a text: plain, or the words of a link. */
export type TextPart = string | { readonly text: string; readonly href: string };

/**
 * Splits a UI text into plain parts and links. Links are structured data,
 * never markup, so config text cannot inject elements: `{braces}` mark the
 * link to the cookies page (`href`), and without one their words stay plain.
 */
export const textParts = (text: string, href: string | undefined): TextPart[] =>
  text.split(/[{}]/).map((part, i) => (i % 2 && href ? { text: part, href } : part));

/**
 * A paragraph of UI text, its links built from `textParts`. An empty text
 * renders nothing, so a site can leave a paragraph out. `lang` is "en" when
 * the text fell back to English inside another language.
 */
export function paragraph<N>(h: ElementFactory<N>, text: string, href?: string, lang?: string, className = 'bc-text'): N | null {
  return text
    ? h(
        'p',
        { class: className, lang },
        ...textParts(text, href).map((part) => (typeof part == 'string' ? part : h('a', { class: 'bc-link', href: part.href }, part.text))),
      )
    : null;
}

/**
 * A message about what just happened to the visitor's choice: `status` for a
 * confirmation, `alert` for a failure. It can take focus (`tabindex="-1"`):
 * the UI moves focus to it so screen readers read it out and it scrolls into
 * view, as the GOV.UK cookie banner does.
 */
export function notice<N>(h: ElementFactory<N>, role: 'status' | 'alert', text: string, href?: string, lang?: string): N {
  return h('div', { class: `bc-notice bc-${role}`, role, tabIndex: -1 }, paragraph(h, text, href, lang));
}

/**
 * A real `<button>`: every action looks and behaves the same, so rejecting is
 * as easy as accepting. Without `onClick` it submits its form; `variant` is
 * `bc-secondary` for a less prominent action such as Close.
 */
export function button<N>(h: ElementFactory<N>, label: string, lang: string | undefined, onClick?: (event: MouseEvent) => void, variant?: string): N {
  return h('button', { type: onClick ? 'button' : 'submit', class: variant ? 'bc-button ' + variant : 'bc-button', lang, onClick }, label);
}
