/** @jsxRuntime classic */
/** @jsx h */
import { h } from 'preact';
import { Paragraph } from './paragraph';

/** Props of `Notice`. */
export interface NoticeProps {
  /** `status` for a confirmation, `alert` for a failure. */
  role: 'status' | 'alert';
  text: string;
  href?: string | undefined;
  lang?: string | undefined;
}

/**
 * A message about what just happened to the visitor's choice. It can take
 * focus (`tabindex="-1"`): the UI moves focus to it so screen readers read it
 * out and it scrolls into view, as the GOV.UK cookie banner does.
 */
export function Notice({ role, text, href, lang }: NoticeProps) {
  return (
    <div class={`bc-notice bc-${role}`} role={role} tabIndex={-1}>
      <Paragraph text={text} href={href} lang={lang} />
    </div>
  );
}
