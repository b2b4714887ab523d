/**
 * The visitor's UI, first piece: what every part of it shares (the root
 * element first in `<body>`, the texts in the visitor's language, how a choice
 * made in the UI is recorded, where focus goes back to) and the banner, in
 * plain DOM. It is the `banner` chunk of the script-tag build, loaded only
 * when something must be shown (see loader.ts); the dialog and the
 * cookies-page form (dialog.tsx) build on it.
 */
import type { ConsentRecord } from '../core/record';
import type { Consent, SaveResult } from '../core/consent';
import { warn } from '../core/report';
import type { DomWatcher } from '../dom/watcher';
import { createBanner, type Banner, type BannerAction, type BannerExemptions, type BannerState } from './banner';
import { createBannerHeight } from './banner-height';
import { primaryLanguage, resolveTexts, type ResolvedTexts } from './texts/resolve-texts';

// The markup the dialog shares with the banner, taken from this chunk rather than copied into its own.
export { button, notice, paragraph } from './markup';

/**
 * Which button of a form (or of the banner) records a choice. `acknowledge`:
 * the visitor saw the message and changed nothing (categories on unless they
 * object stay so): not consent.
 */
export type FormAction = 'save' | 'accept' | 'reject' | 'acknowledge';

/** What the view needs of the dialog once the dialog chunk has plugged it in. */
export interface DialogSlot {
  /** What opened the dialog while it is open, `null` if nothing did; `undefined` while it is closed. */
  readonly opener: Element | null | undefined;
  /** Closes the dialog and gives the page back; focus that was in it goes to the first of `openers` still there. */
  close(...openers: (Element | null)[]): void;
}

/** Marks what the open dialog made inert, so a copy of the page made meanwhile can be given back. */
export const INERTED = 'data-bc-inert';

/** Options of `createView`. */
export interface ViewOptions {
  /** The visitor heads for the dialog, or for a choice to save: what that needs can be fetched ahead. */
  onIntent?: ((piece: 'dialog' | 'save') => void) | undefined;
  /** The instance's DOM watcher: through it the root notices that the page took it away. */
  watcher?: DomWatcher | undefined;
}

/** The shared UI of one consent instance, as the loader and the dialog drive it. */
export interface View {
  readonly consent: Consent;
  /** The texts in the visitor's language. */
  readonly texts: ResolvedTexts;
  /** The root first in `<body>`: the banner's home and the dialog's. */
  readonly root: HTMLElement;
  /** The dialog, once its chunk has plugged it in. */
  dialog: DialogSlot | undefined;
  /** A new, empty `.bc` root, marked with the UI's language when it differs from the page's. */
  createRoot(): HTMLElement;
  /**
   * Records a choice made in the UI (`choices` for `save`), so its `change` is
   * known to be ours. A Yes for a category that runs under its exemption, as the
   * form showed it, is left out: a choice the visitor did not make is no consent.
   */
  decide(action: FormAction, choices: Readonly<Record<string, boolean>>, source: 'banner' | 'panel'): Promise<SaveResult>;
  /** What the UI says about categories that are on unless the visitor objects (UK exemptions), when some are. */
  readonly exempt: BannerExemptions | undefined;
  /** Tells the consent instance the visitor can see `element`, a notice about exempt categories, once it is on screen. */
  told(element: Element): void;
  /**
   * Shows the banner in `state`; `opener` (by default the last one) gets focus
   * back when it is hidden, or for a confirmation of the dialog's save,
   * `returnTo`: what opened the dialog.
   */
  showBanner(state: BannerState, opener?: Element | null, returnTo?: Element | null): void;
  /** Takes the banner's question away, if it is asking (a cookies-page form asks it instead); a confirmation stays. */
  withdrawQuestion(): void;
  /** Marks the banner inert while a dialog that the browser cannot make modal is open. */
  setInert(inert: boolean): void;
  /** Closes the banner and the dialog, focus going back to what opened them. */
  hide(): void;
  /** Focuses the first of `openers` that can still take focus (not the page's `<body>`); says whether one did. */
  refocus(...openers: (Element | null | undefined)[]): boolean;
  /** Moves focus to the notice in `container`, so it is read out and scrolled into view. */
  focusNotice(container: Element | null): void;
  /** Removes everything this view added to the page. */
  destroy(): void;
}

/**
 * Creates the UI for `consent`: waits for `<body>` and the visitor's language,
 * then puts an empty root first in `<body>`, so the banner comes first in
 * reading and tab order. It talks to the core only through the `Consent` API.
 */
export async function createView(consent: Consent, { onIntent, watcher }: ViewOptions = {}): Promise<View> {
  if (!document.body) await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
  const { config } = consent;
  const page = document.documentElement;
  const optional = config.categories.filter((category) => !category.essential);
  const kinds = new Set(optional.map((category) => category.exemption).filter(Boolean));
  // Fetched only by sites with exemptions, while the Welsh (say) arrives.
  const exemptChunk = kinds.size ? import('./texts/en-exempt') : undefined;
  const texts = await resolveTexts(config, page.lang);
  const exempt: BannerExemptions | undefined = exemptChunk && {
    texts: texts.resolve((await exemptChunk).enExempt),
    sentence: kinds.size > 1 ? 'exemptBoth' : kinds.has('statistics') ? 'exemptStatistics' : 'exemptAppearance',
    only: optional.every((category) => category.exemption),
  };
  const fixed = config.bannerLayout == 'fixed';
  const trackBanner = createBannerHeight();
  // Records our own buttons made, so `change` can tell them from another tab's or the site's.
  const ours = new WeakSet<object>();
  let banner: Banner | undefined;
  let shown: BannerState | undefined;
  let bannerOpener: Element | null = null;
  let returnTo: Element | null = null;
  let inert = false;

  const createRoot = () => {
    const element = document.createElement('div');
    element.className = 'bc';
    if (primaryLanguage(texts.lang) != primaryLanguage(page.lang)) {
      element.lang = texts.lang;
      element.dir = texts.dir;
    }
    return element;
  };
  const root = createRoot();
  // An id of its own, which a copy of the page has too: Turbo's morphing
  // keeps an element that has focus and matches it to the new page's first
  // element of its kind, unless ids differ.
  root.id = `bc-${Math.random().toString(36).slice(2)}`;
  document.body.prepend(root);
  // A page that swaps its <body> (Turbo) or rewrites it (htmx) takes the UI
  // with it. The root comes back, first in the new <body>: the banner still
  // asks until the visitor has answered, a confirmation stays with the page
  // it answered, and a dialog open on the old page is closed. A copy of a page
  // kept for going back (Turbo's cache, htmx's history) may hold a copy of the
  // root, which does nothing, and the inert the open dialog gave the page:
  // both go.
  // A script that takes the root out each time it comes back (an extension
  // that hides cookie banners) wins after 50 times with no frame in between:
  // a loop, which a page moving on never is.
  let returns = 0;
  const offWatch = watcher?.watch({
    selector: '.bc',
    removed() {
      if (root.isConnected || !document.body) return;
      if (view.dialog?.opener !== undefined) view.dialog.close();
      if (++returns > 50) return;
      requestAnimationFrame(() => (returns = 0));
      if (shown != 'question' && shown != 'error') render(undefined);
      for (const each of Array.from(document.body.children)) {
        if (each.id == root.id) each.remove();
        if (each.hasAttribute(INERTED)) {
          each.removeAttribute('inert');
          each.removeAttribute(INERTED);
        }
      }
      document.body.prepend(root);
    },
  });
  if (!getComputedStyle(root).getPropertyValue('--bc-styles')) warn('style.css is missing');

  // An opener may be an element holding a link (`<li data-consent-open>`): then the link takes focus.
  const refocus = (...openers: (Element | null | undefined)[]) =>
    openers.some((element) => {
      if (!(element instanceof HTMLElement) || element == document.body || !element.isConnected) return false;
      element.focus();
      if (document.activeElement != element) element.querySelector<HTMLElement>('a[href],button,input,[tabindex]')?.focus();
      return element.contains(document.activeElement);
    });

  /** Shows `state`, or removes the banner; focus that left with it goes back to the first of `openers` still there. */
  const render = (state: BannerState | undefined, ...openers: (Element | null)[]) => {
    const hadFocus = root.contains(document.activeElement);
    shown = state;
    if (!state) {
      banner?.element.remove();
      banner = undefined;
    } else {
      if (!banner) {
        banner = createBanner({
          texts: texts.texts,
          href: config.cookiesPageUrl,
          fixed,
          exempt,
          onAction,
          onIntent: onIntent && ((action) => onIntent(action == 'customise' ? 'dialog' : 'save')),
        });
        banner.element.toggleAttribute('inert', inert);
        root.prepend(banner.element);
      }
      banner.render(state);
      if (state == 'question' || state == 'error') view.told(banner.element);
    }
    trackBanner(fixed && banner ? banner.element : null);
    if (hadFocus && !root.contains(document.activeElement)) refocus(...openers);
  };

  const view: View = {
    consent,
    texts,
    root,
    dialog: undefined,
    createRoot,
    exempt,
    told(element) {
      // From the frame that paints it, if it is rendered at all: a notice the site's CSS hides tells no one.
      requestAnimationFrame(
        () => element.isConnected && element.checkVisibility?.({ visibilityProperty: true, opacityProperty: true }) !== false && consent.noticeShown(),
      );
    },
    decide(action, choices, source) {
      const { exempt: running } = consent.get();
      const saved =
        action == 'accept'
          ? consent.acceptAll({ source })
          : action == 'reject'
            ? consent.rejectAll({ source })
            : consent.save(
                Object.fromEntries(
                  action == 'acknowledge'
                    ? []
                    : config.categories.filter(({ name }) => !(choices[name] && running.includes(name))).map(({ name }) => [name, choices[name] === true]),
                ),
                { source },
              );
      // The choice applies at once; its `change` event follows the write.
      ours.add(consent.get());
      return saved;
    },
    showBanner(state, opener = bannerOpener, to = null) {
      bannerOpener = opener;
      returnTo = to;
      render(state);
    },
    withdrawQuestion() {
      if (shown == 'question' || shown == 'error') render(undefined, bannerOpener);
    },
    setInert(value) {
      inert = value;
      banner?.element.toggleAttribute('inert', value);
    },
    hide() {
      // The dialog's opener may have been in the banner: then focus goes back to the banner's.
      const openers = view.dialog?.opener !== undefined ? [view.dialog.opener, bannerOpener] : [bannerOpener];
      view.dialog?.close(...openers);
      render(undefined, ...openers);
    },
    refocus,
    focusNotice: (container) => container?.querySelector<HTMLElement>('.bc-notice')?.focus(),
    destroy() {
      offWatch?.();
      offChange();
      view.dialog?.close();
      trackBanner(null);
      root.remove();
    },
  };

  function onAction(action: BannerAction, button: HTMLElement) {
    if (action == 'customise') {
      // Safari does not focus a clicked button; the dialog gives focus back to the one focused.
      button.focus();
      return consent.showPreferences();
    }
    if (action == 'hide') {
      // A confirmation of the dialog's save hands focus back to what opened the dialog (a footer link, say).
      return render(undefined, bannerOpener, returnTo);
    }
    view.decide(action, {}, 'banner').then(({ ok }) => {
      // Hidden, or answered from elsewhere, in the meantime.
      if (shown != 'question' && shown != 'error') return;
      if (ok && action == 'acknowledge') return render(undefined, bannerOpener);
      render(ok ? (action == 'accept' ? 'accepted' : exempt?.only ? 'turnedOff' : 'rejected') : 'error');
      if (ok) view.focusNotice(root);
    });
  }

  const offChange = consent.on('change', (record: ConsentRecord) => {
    // A decision made elsewhere (another tab, the site's own code) answers the
    // question, or makes a confirmation out of date.
    if (!ours.has(record) && record.decided) render(undefined, bannerOpener);
  });

  return view;
}
