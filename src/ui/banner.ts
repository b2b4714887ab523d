import { createElement as h } from './create-element';
import { button, notice, paragraph } from './markup';
import type { BannerTextKey, Texts } from './texts/en';
import type { ExemptTextKey } from './texts/exempt-keys';

/** What the banner shows: the question (after a failed save, with the error), or a confirmation. */
export type BannerState = 'question' | 'error' | 'accepted' | 'rejected' | 'turnedOff' | 'saved';

/**
 * Which of the banner's buttons was pressed. `acknowledge`: "Hide cookie
 * message" on the question itself, when every optional category is on unless
 * the visitor objects; `hide`: the same words on a confirmation.
 */
export type BannerAction = 'accept' | 'reject' | 'customise' | 'hide' | 'acknowledge';

/** What the banner says about categories that are on unless the visitor objects (UK exemptions). */
export interface BannerExemptions {
  /** Their texts, in the visitor's language. */
  readonly texts: Texts<ExemptTextKey>;
  /** The sentence for the kinds of exemption configured. */
  readonly sentence: 'exemptStatistics' | 'exemptAppearance' | 'exemptBoth';
  /** Every optional category is one of them: nothing to accept, only to turn off. */
  readonly only: boolean;
}

/** Options of `createBanner`. */
export interface BannerOptions {
  texts: Texts<BannerTextKey>;
  /** The cookies page, for the links in the messages. */
  href: string | undefined;
  /** Floats over the bottom of the viewport instead of sitting in the flow. */
  fixed: boolean;
  /** Categories that are on unless the visitor objects, when some are. */
  exempt?: BannerExemptions | undefined;
  /** `button` is the one pressed. */
  onAction: (action: BannerAction, button: HTMLElement) => void;
  /** The visitor points at or focuses a button: what it will do can be fetched ahead. */
  onIntent?: ((action: BannerAction) => void) | undefined;
}

/** The banner element and what it shows. */
export interface Banner {
  readonly element: HTMLElement;
  /**
   * Shows `state`. From the question to the error and back only the alert
   * comes and goes: the buttons stay, and so does the focus on them.
   */
  render(state: BannerState): void;
}

const asking = (state: BannerState | undefined) => state == 'question' || state == 'error';

/**
 * The cookie banner, in plain DOM (three buttons and two paragraphs need no
 * framework): a labelled region, not a modal, so the page stays usable. It
 * asks the question with three buttons of equal weight, then replaces it with
 * a confirmation and a button to hide it (the GOV.UK pattern).
 *
 * With categories that are on unless the visitor objects (UK exemptions), a
 * sentence says so. When there are only those, there is nothing to accept:
 * the buttons are "Turn off additional cookies", "Hide cookie message" (an
 * acknowledgement, not consent) and "Customise cookies".
 */
export function createBanner({ texts: own, href, fixed, exempt, onAction, onIntent }: BannerOptions): Banner {
  const texts = exempt ? { ...own, ...exempt.texts, langs: { ...own.langs, ...exempt.texts.langs } } : (own as Texts<BannerTextKey | ExemptTextKey>);
  const { langs } = texts;
  const only = exempt?.only;
  const inner = h('div', { class: 'bc-inner' });
  // data-nosnippet keeps the banner's words out of search results, as on GOV.UK.
  const element = h(
    'div',
    { class: fixed ? 'bc-banner bc-fixed' : 'bc-banner', role: 'region', 'aria-label': texts.bannerLabel, 'data-nosnippet': 'true' },
    inner,
  );
  const actions = new WeakMap<Element, BannerAction>();
  const pressed = (action: BannerAction) => (event: MouseEvent) => onAction(action, event.currentTarget as HTMLElement);
  const pointed = (event: Event) => {
    const action = actions.get((event.target as Element).closest('button')!);
    if (action && onIntent) onIntent(action);
  };
  element.addEventListener('pointerover', pointed);
  element.addEventListener('focusin', pointed);
  let shown: BannerState | undefined;
  let title: HTMLElement | undefined;
  let alert: HTMLElement | undefined;

  /**
   * The hint, ended by the cookies notice where there is a cookies page for it
   * to link to. The two sentences share a paragraph unless one of them fell
   * back to English: then each gets its own, with its own `lang`.
   */
  const hint = () => {
    const more = href ? texts.cookiesNotice : '';
    return langs.hint == langs.cookiesNotice
      ? [paragraph(h, [texts.hint, more].filter(Boolean).join(' '), href, langs.hint)]
      : [paragraph(h, texts.hint, href, langs.hint), paragraph(h, more, href, langs.cookiesNotice)];
  };

  const question = () => {
    title = texts.bannerTitle ? h('h2', { class: 'bc-title', lang: langs.bannerTitle }, texts.bannerTitle) : undefined;
    const intro = only ? 'essentialOnly' : 'body';
    const buttons: [BannerAction, BannerTextKey | ExemptTextKey][] = only
      ? [
          ['reject', 'turnOff'],
          ['acknowledge', 'hide'],
          ['customise', 'customise'],
        ]
      : [
          ['accept', 'accept'],
          ['reject', 'reject'],
          ['customise', 'customise'],
        ];
    return [
      title,
      paragraph(h, texts[intro], href, langs[intro]),
      exempt && paragraph(h, texts[exempt.sentence], href, langs[exempt.sentence]),
      ...hint(),
      h(
        'div',
        { class: 'bc-actions' },
        ...buttons.map(([action, label]) => {
          const element = button(h, texts[label], langs[label], pressed(action));
          actions.set(element, action);
          return element;
        }),
      ),
    ];
  };

  const confirmation = (state: 'accepted' | 'rejected' | 'turnedOff' | 'saved') => [
    notice(h, 'status', texts[state], href, langs[state]),
    h(
      'div',
      { class: 'bc-actions' },
      // A double click on Accept, which this button replaces, clicks it a second time: not a request to hide.
      button(h, texts.hide, langs.hide, (event) => event.detail < 2 && onAction('hide', event.currentTarget as HTMLElement)),
    ),
  ];

  return {
    element,
    render(state) {
      if (state == 'question' || state == 'error') {
        if (!asking(shown)) inner.replaceChildren(...question().filter((child): child is HTMLElement => !!child));
        if (state == 'error' && !alert)
          inner.insertBefore((alert = notice(h, 'alert', texts.error, undefined, langs.error)), title ? title.nextSibling : inner.firstChild);
        if (state == 'question' && alert) alert.remove();
        if (state == 'question') alert = undefined;
      } else {
        alert = undefined;
        inner.replaceChildren(...confirmation(state));
      }
      shown = state;
    },
  };
}
