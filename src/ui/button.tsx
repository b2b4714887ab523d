/** @jsxRuntime classic */
/** @jsx h */
import { h, type ComponentChildren } from 'preact';

/** Props of `Button`. */
export interface ButtonProps {
  /** Omit for the submit button of a form. */
  onClick?: (event: MouseEvent & { currentTarget: HTMLButtonElement }) => void;
  /** `bc-secondary` for a less prominent action such as Close. */
  class?: string;
  /** "en" when the label fell back to English inside another language. */
  lang?: string | undefined;
  children: ComponentChildren;
}

/** A real `<button>`: every action looks and behaves the same, so rejecting is as easy as accepting. */
export function Button({ onClick, class: variant, lang, children }: ButtonProps) {
  return (
    <button type={onClick ? 'button' : 'submit'} class={variant ? 'bc-button ' + variant : 'bc-button'} lang={lang} onClick={onClick}>
      {children}
    </button>
  );
}
