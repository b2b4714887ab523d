import type { Texts } from './texts/en';
import { Button } from './button';
import { Notice } from './notice';
import { Paragraph } from './paragraph';

/** What the banner shows: the question (after a failed save, with the error), or a confirmation. */
export type BannerState = 'question' | 'error' | 'accepted' | 'rejected' | 'saved';

/** Props of `Banner`. */
export interface BannerProps {
  state: BannerState;
  texts: Texts;
  href: string | undefined;
  /** Floats over the bottom of the viewport instead of sitting in the flow. */
  fixed: boolean;
  /** Behind a modal that the browser cannot make modal itself. */
  inert: boolean;
  onAccept: () => void;
  onReject: () => void;
  onCustomise: () => void;
  onHide: () => void;
}

/**
 * The cookie banner: a labelled region, not a modal, so the page stays usable.
 * It asks the question with three buttons of equal weight, then replaces it
 * with a confirmation and a button to hide it (the GOV.UK pattern).
 */
export function Banner({ state, texts, href, fixed, inert, onAccept, onReject, onCustomise, onHide }: BannerProps) {
  const asking = state == 'question' || state == 'error';
  return (
    <div class={fixed ? 'bc-banner bc-fixed' : 'bc-banner'} role="region" aria-label={texts.bannerLabel} inert={inert}>
      <div class="bc-inner">
        {asking ? (
          <>
            {texts.bannerTitle && <h2 class="bc-title">{texts.bannerTitle}</h2>}
            {state == 'error' && <Notice role="alert" text={texts.error} />}
            <Paragraph text={texts.body} href={href} />
            <Paragraph text={texts.hint} href={href} />
            <div class="bc-actions">
              <Button onClick={onAccept}>{texts.accept}</Button>
              <Button onClick={onReject}>{texts.reject}</Button>
              <Button onClick={onCustomise}>{texts.customise}</Button>
            </div>
          </>
        ) : (
          <>
            <Notice role="status" text={texts[state]} href={href} />
            <div class="bc-actions">
              <Button onClick={onHide}>{texts.hide}</Button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
