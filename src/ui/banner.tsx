/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */
import { h, Fragment } from 'preact';
import type { Texts } from './texts/en';
import { Button } from './button';
import { Notice } from './notice';
import { Paragraph } from './paragraph';

/** What the banner shows: the question (after a failed save, with the error), or a confirmation. */
export type BannerState = 'question' | 'error' | 'accepted' | 'rejected' | 'saved';

/** Which of the banner's buttons was pressed. */
export type BannerAction = 'accept' | 'reject' | 'customise' | 'hide';

/** Props of `Banner`. */
export interface BannerProps {
  state: BannerState;
  texts: Texts;
  href: string | undefined;
  /** Floats over the bottom of the viewport instead of sitting in the flow. */
  fixed: boolean;
  /** Behind a modal that the browser cannot make modal itself. */
  inert: boolean;
  /** `button` is the one pressed. */
  onAction: (action: BannerAction, button: HTMLElement) => void;
}

/**
 * The cookie banner: a labelled region, not a modal, so the page stays usable.
 * It asks the question with three buttons of equal weight, then replaces it
 * with a confirmation and a button to hide it (the GOV.UK pattern).
 */
export function Banner({ state, texts, href, fixed, inert, onAction }: BannerProps) {
  const asking = state == 'question' || state == 'error';
  const { langs } = texts;
  return (
    // data-nosnippet keeps the banner's words out of search results, as on GOV.UK.
    <div class={fixed ? 'bc-banner bc-fixed' : 'bc-banner'} role="region" aria-label={texts.bannerLabel} inert={inert} data-nosnippet>
      <div class="bc-inner">
        {asking ? (
          <>
            {texts.bannerTitle && (
              <h2 class="bc-title" lang={langs.bannerTitle}>
                {texts.bannerTitle}
              </h2>
            )}
            {state == 'error' && <Notice role="alert" text={texts.error} lang={langs.error} />}
            <Paragraph text={texts.body} href={href} lang={langs.body} />
            <Paragraph text={texts.hint} href={href} lang={langs.hint} />
            <div class="bc-actions">
              {(['accept', 'reject', 'customise'] as const).map((action) => (
                <Button key={action} lang={langs[action]} onClick={(event) => onAction(action, event.currentTarget)}>
                  {texts[action]}
                </Button>
              ))}
            </div>
          </>
        ) : (
          <>
            <Notice role="status" text={texts[state]} href={href} lang={langs[state]} />
            <div class="bc-actions">
              {/* A double click on Accept, which this button replaces, clicks it a second time: not a request to hide. */}
              <Button lang={langs.hide} onClick={(event) => event.detail < 2 && onAction('hide', event.currentTarget)}>
                {texts.hide}
              </Button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
