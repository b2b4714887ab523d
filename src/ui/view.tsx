/**
 * The visitor's UI, loaded only when something must be shown (see loader.ts).
 *
 * State lives in this closure and every change re-renders with `render()`,
 * which Preact runs synchronously: no hooks (they would cost a tenth of the
 * size budget), and focus can move right after a render.
 *
 * Every .tsx file of the UI uses the classic JSX runtime (the pragmas below):
 * `h(type, props, ...children)` minifies smaller than the automatic runtime's
 * `jsx(type, { ...props, children })`, and preact/jsx-runtime stays out of the chunk.
 */
/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */
import { h, Fragment, render } from 'preact';
import type { ConsentRecord } from '../core/record';
import { warn } from '../core/report';
import type { Consent, ConsentView } from '../core/consent';
import { Banner, type BannerAction, type BannerState } from './banner';
import { createBannerHeight } from './banner-height';
import { PreferencesForm, type FormAction, type FormState } from './preferences-form';
import { PreferencesPanel } from './preferences-panel';
import { primaryLanguage, resolveTexts } from './texts/resolve-texts';

/** The UI of one consent instance, as the loader drives it. */
export interface View {
  /** Shows the banner question, or opens the preferences dialog; `opener` gets focus back when it closes. */
  show(view: ConsentView, opener: Element | null): void;
  /** Closes the banner and the dialog. */
  hide(): void;
  /**
   * Renders the preferences form inline (the cookies page) in each of
   * `elements` that has none yet, and removes the forms of elements that left
   * the page, putting back what they held.
   */
  mountForms(elements: ArrayLike<Element>): void;
  /** Removes everything this view added to the page. */
  destroy(): void;
}

interface InlineForm {
  readonly root: HTMLElement;
  /** Prefix of the form's element ids. */
  readonly id: string;
  readonly state: FormState;
  /** What the element held before, such as a message for visitors without JavaScript. */
  readonly fallback: readonly ChildNode[];
}

/** Focuses `element` if it can still take focus (the page's `<body>` is no place to return to); says whether it did. */
const refocus = (element: Element | null) =>
  element instanceof HTMLElement && element != document.body && element.isConnected && (element.focus(), true);

/** Moves focus to the notice in `container`, so it is read out and scrolled into view. */
const focusNotice = (container: Element | null) => container?.querySelector<HTMLElement>('.bc-notice')?.focus();

/**
 * Creates the UI for `consent`: waits for `<body>` and the visitor's language,
 * then puts an empty root first in `<body>`, so the banner comes first in
 * reading and tab order. It talks to the core only through the `Consent` API.
 */
export async function createView(consent: Consent): Promise<View> {
  if (!document.body) await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
  const { config } = consent;
  const page = document.documentElement;
  const { lang, dir, texts, category } = await resolveTexts(config, page.lang);
  const fixed = config.bannerLayout == 'fixed';
  // Essential categories first, each with its texts in the visitor's language.
  const categories = config.categories
    .map((each) => ({ ...each, ...category(each) }))
    .sort((a, b) => +b.essential - +a.essential);
  const shared = { texts, href: config.cookiesPageUrl, categories, gpc: consent.gpc };
  const id = 'bc' + Math.random().toString(36).slice(2, 8);
  let count = 0;

  const createRoot = () => {
    const root = document.createElement('div');
    root.className = 'bc';
    if (primaryLanguage(lang) != primaryLanguage(page.lang)) {
      root.lang = lang;
      root.dir = dir;
    }
    return root;
  };
  const root = createRoot();
  document.body.prepend(root);
  if (!getComputedStyle(root).getPropertyValue('--bc-styles')) warn('style.css is missing');

  let banner: BannerState | undefined;
  let bannerOpener: Element | null = null;
  let panel: FormState | undefined;
  let panelOpener: Element | null = null;
  // Whether the open dialog uses showModal(), or the fallback with an inert page.
  let native = false;
  let inerted: Element[] = [];
  const inline = new Map<Element, InlineForm>();
  const trackBanner = createBannerHeight();
  // Records our own buttons made, so `change` can tell them from another tab's or the site's.
  const ours = new WeakSet<object>();

  // What a form shows: the choice the visitor made last (kept while a new revision asks again).
  const choicesOf = (record: ConsentRecord) => ({ ...(record.previous || record.categories) });

  const decide = (action: FormAction, choices: FormState['choices'], source: 'banner' | 'panel') => {
    const saved =
      action == 'accept'
        ? consent.acceptAll({ source })
        : action == 'reject'
          ? consent.rejectAll({ source })
          : consent.save(Object.fromEntries(categories.map(({ name }) => [name, choices[name] === true])), { source });
    // The choice applies at once; its `change` event follows the write.
    ours.add(consent.get());
    return saved;
  };

  const onBanner = (action: BannerAction, button: HTMLElement) => {
    if (action == 'customise') {
      // Safari does not focus a clicked button; the dialog gives focus back to the one focused.
      button.focus();
      return consent.showPreferences();
    }
    if (action == 'hide') {
      // A confirmation of the dialog's save hands focus back to what opened the dialog (a footer link, say).
      const openers = [bannerOpener, banner == 'saved' ? panelOpener : null];
      banner = undefined;
      return update(...openers);
    }
    decide(action, {}, 'banner').then(({ ok }) => {
      if (banner != 'question' && banner != 'error') return;
      banner = ok ? (action == 'accept' ? 'accepted' : 'rejected') : 'error';
      update();
      if (ok) focusNotice(root);
    });
  };

  const form = (state: FormState, formId: string, container: () => Element | null) => (
    <PreferencesForm
      {...shared}
      id={formId}
      state={state}
      onChoose={(name, granted) => {
        state.choices[name] = granted;
        update();
      }}
      onAction={(action) =>
        decide(action, state.choices, 'panel').then(({ ok }) => {
          if (ok && state == panel) {
            // The dialog's work is done: close it and confirm in the banner.
            banner = 'saved';
            releasePage();
            update();
            focusNotice(root);
          } else {
            state.notice = ok ? 'saved' : 'error';
            update();
            focusNotice(container());
          }
        })
      }
    />
  );

  // Focus that a render removed from the root goes back to the first of `openers` still there.
  function update(...openers: (Element | null)[]) {
    const hadFocus = root.contains(document.activeElement);
    render(
      <>
        {banner && <Banner {...shared} state={banner} fixed={fixed} inert={!!panel && !native} onAction={onBanner} />}
        {panel && (
          <PreferencesPanel id={id} texts={texts} native={native} onClose={closePanel}>
            {form(panel, id, () => root.querySelector('dialog'))}
          </PreferencesPanel>
        )}
      </>,
      root,
    );
    inline.forEach((each) => render(form(each.state, each.id, () => each.root), each.root));
    trackBanner(fixed && banner ? root.querySelector<HTMLElement>('.bc-banner') : null);
    if (hadFocus && !root.contains(document.activeElement)) openers.some(refocus);
  }

  function openPanel(opener: Element | null) {
    native = !!window.HTMLDialogElement?.prototype.showModal;
    panel = { choices: choicesOf(consent.get()) };
    panelOpener = opener;
    update();
    const dialog = root.querySelector('dialog')!;
    if (native) dialog.showModal();
    else {
      for (const element of Array.from(document.body.children)) {
        if (element != root && !element.hasAttribute('inert')) {
          element.setAttribute('inert', '');
          inerted.push(element);
        }
      }
    }
    dialog.querySelector('h2')!.focus();
  }

  /** Forgets the dialog and gives the page back; the next render removes it. */
  function releasePage() {
    panel = undefined;
    inerted.forEach((element) => element.removeAttribute('inert'));
    inerted = [];
  }

  function closePanel() {
    releasePage();
    update(panelOpener);
  }

  function unmountForm(element: Element) {
    const form = inline.get(element)!;
    inline.delete(element);
    render(null, form.root);
    if (form.root.parentNode == element) element.replaceChildren(...form.fallback);
  }

  const offChange = consent.on('change', (record) => {
    // A decision made elsewhere (another tab, the site's own code) answers the
    // question, or makes a confirmation out of date.
    if (!ours.has(record) && record.decided) banner = undefined;
    for (const state of [panel, ...Array.from(inline.values(), (each) => each.state)]) {
      if (state) state.choices = choicesOf(record);
    }
    update(bannerOpener);
  });

  return {
    show(view, opener) {
      if (view == 'banner') {
        banner = 'question';
        bannerOpener = opener;
        update();
      } else if (!panel) {
        openPanel(opener);
      }
    },
    hide() {
      // The dialog's opener may have been in the banner: then focus goes back to the banner's.
      const openers = panel ? [panelOpener, bannerOpener] : [bannerOpener];
      banner = undefined;
      releasePage();
      update(...openers);
    },
    mountForms(elements) {
      inline.forEach((_, element) => element.isConnected || unmountForm(element));
      const added = Array.from(elements).filter((element) => !inline.has(element));
      for (const element of added) {
        const form = { root: createRoot(), id: id + ++count, state: { choices: choicesOf(consent.get()) }, fallback: Array.from(element.childNodes) };
        element.replaceChildren(form.root);
        inline.set(element, form);
      }
      if (added.length) update();
    },
    destroy() {
      offChange();
      releasePage();
      trackBanner(null);
      render(null, root);
      root.remove();
      inline.forEach((_, element) => unmountForm(element));
    },
  };
}
