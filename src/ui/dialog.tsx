/**
 * The visitor's UI, second piece: the "Customise cookies" dialog and the
 * cookies-page forms, in Preact. It is the `dialog` chunk of the script-tag
 * build, loaded only when the visitor heads for it (see loader.ts), and it
 * builds on the view (view.ts) for the root, the texts and the banner.
 *
 * State lives in this closure and every change re-renders with `render()`,
 * which Preact runs synchronously: no hooks (they would cost bytes), and
 * focus can move right after a render.
 *
 * Every .tsx file of the UI uses the classic JSX runtime with the `h` of
 * preact-h.ts (the pragmas below): `h(type, props, ...children)` minifies
 * smaller than the automatic runtime's `jsx(type, { ...props, children })`,
 * and that `h` is safe on pages that polluted Object.prototype.
 */
/** @jsxRuntime classic */
/** @jsx h */
import { render } from 'preact';
import { declarationRows, type DeclarationText } from '../core/declaration';
import { consentCookieExpires, longestLifetime } from '../core/declaration-texts';
import type { ConsentRecord } from '../core/record';
import { h } from './preact-h';
import { categoryTexts } from './texts/category-texts';
import { enDialog } from './texts/en-dialog';
import { PreferencesForm, type FormState } from './preferences-form';
import { PreferencesPanel } from './preferences-panel';
import type { Texts } from './texts/en';
import { INERTED, type DialogSlot, type View } from './view';

/** The dialog and the forms of one consent instance, as the loader drives them. */
export interface Dialog extends DialogSlot {
  /** Opens the dialog; `opener` gets focus back when it closes. */
  open(opener: Element | null): void;
  /**
   * Renders the preferences form inline (the cookies page) in each of
   * `elements` that has none yet, and removes the forms of elements that left
   * the page, putting back what they held.
   */
  mountForms(elements: ArrayLike<Element>): void;
  /** Removes everything the dialog and the forms added to the page. */
  destroy(): void;
}

/** The part of the browser's CloseWatcher the dialog uses (TypeScript's DOM types do not have it yet). */
interface CloseWatcherLike {
  onclose: (() => void) | null;
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

/**
 * Creates the dialog and the forms of `view`'s instance, and plugs the dialog
 * into the view. `prepareSave` starts fetching what saving a choice needs.
 */
export function createDialog(view: View, prepareSave?: () => void): Dialog {
  const { consent, root } = view;
  const { config } = consent;
  // The banner's texts with the dialog's own, in the visitor's language.
  const own = view.texts.resolve(enDialog);
  const { exempt } = view;
  // With the texts about exemptions when the site has any (the banner fetched them): only their categories use them.
  const texts = {
    ...view.texts.texts,
    ...own,
    ...exempt?.texts,
    langs: { ...view.texts.texts.langs, ...own.langs, ...exempt?.texts.langs },
  } as Texts;
  const lang = view.texts.lang;
  const tableText: DeclarationText = (key) =>
    key == 'consentCookieExpires'
      ? consentCookieExpires(view.texts.lookup(key), longestLifetime(config.cookie.expiresDays), lang)
      : [texts[key], texts.langs[key]];
  // Essential categories first, each with its texts and its cookie table in the visitor's language.
  const categories = config.categories
    .map((each) => ({ ...each, ...categoryTexts(view.texts, each), rows: declarationRows(config, each, lang, tableText) }))
    .sort((a, b) => +b.essential - +a.essential);
  const shared = { texts, href: config.cookiesPageUrl, categories, gpc: consent.gpc, onlyExempt: !!exempt && exempt.only };
  const id = 'bc' + Math.random().toString(36).slice(2, 8);
  // The dialog's own element, Preact's alone: rendered as soon as the visitor
  // heads for the dialog, and in the view's root (after the banner) while open,
  // where it covers the page (dialog.css) and takes the pointer off it.
  const container = document.createElement('div');
  container.className = 'bc-overlay';
  // A click beside the dialog leaves focus inside it, where Escape and Tab work.
  container.addEventListener('mousedown', (event) => event.target == container && event.preventDefault());
  let count = 0;
  // What a form shows: the choice the visitor made last (kept while a new revision asks again).
  const choicesOf = (record: ConsentRecord) => ({ ...(record.previous || record.categories) });
  // The dialog's form, and whether the dialog is open.
  let panel: FormState = { choices: choicesOf(consent.get()) };
  let opened = false;
  let panelOpener: Element | null = null;
  // Over everything the page has: in the browser's top layer where it has
  // popovers. Not showModal(): the inert page it makes restyles every element
  // in the click's own frame, about 40 ms at 4× CPU throttling on a
  // 1,500-element page (bench/README.md). The dialog is modal from the start
  // (aria-modal, focus kept inside, the overlay between the pointer and the
  // page), and the rest of the page is made inert once the dialog is on screen,
  // for assistive technology that does not honour aria-modal (Chromium's
  // accessibility tree does not).
  const topLayer = 'showPopover' in container;
  let inerted: Element[] = [];
  let openings = 0;
  // A popover="manual" gets no close request of its own (Android's back
  // gesture, Escape from outside the dialog): a CloseWatcher, where there is one, takes them.
  let closeWatcher: CloseWatcherLike | undefined;
  // Where the open dialog is: the view's root, or a root of its own inside the page's modal dialog.
  let host = root;
  const makePageInert = () => {
    for (const each of Array.from(document.body.children)) {
      // Not the element holding the dialog (the page may have moved the UI's root, or have a modal of its own).
      if (!each.contains(container) && !each.hasAttribute('inert')) {
        each.setAttribute('inert', '');
        each.setAttribute(INERTED, '');
        inerted.push(each);
      }
    }
  };
  const inline = new Map<Element, InlineForm>();

  const form = (state: FormState, formId: string, holder: () => Element | null) => (
    <PreferencesForm
      {...shared}
      id={formId}
      state={state}
      onChoose={(name, granted) => {
        state.choices[name] = granted;
        update();
      }}
      onAction={(action) =>
        view.decide(action, state.choices, 'panel').then(({ ok }) => {
          if (ok && state == panel) {
            // The dialog's work is done: close it and confirm in the banner (which
            // no longer asks, though the visitor closed the dialog while it saved).
            const open = opened;
            releasePage();
            update();
            view.showBanner('saved', undefined, panelOpener);
            if (open) view.focusNotice(root);
          } else {
            state.notice = ok ? 'saved' : 'error';
            update();
            view.focusNotice(holder());
          }
        })
      }
    />
  );

  // Focus that a render removed from the root goes back to the first of `openers` still there.
  function update(...openers: (Element | null)[]) {
    const hadFocus = root.contains(document.activeElement) || container.contains(document.activeElement);
    render(
      <PreferencesPanel id={id} texts={texts} onClose={() => opened && closePanel()}>
        {form(panel, id, () => container.querySelector('dialog'))}
      </PreferencesPanel>,
      container,
    );
    // Closed, it leaves the page (and so the top layer).
    if (!opened) {
      container.remove();
      if (host != root) host.remove();
    }
    inline.forEach((each) =>
      render(
        form(each.state, each.id, () => each.root),
        each.root,
      ),
    );
    if (hadFocus && !root.contains(document.activeElement)) view.refocus(...openers);
  }

  function openPanel(opener: Element | null) {
    const choices = choicesOf(consent.get());
    panelOpener = opener;
    opened = true;
    // Rendered already when the visitor headed for it: the click only shows it,
    // unless what it shows has changed since (choices left unsaved, a notice).
    // Keys in another order only cost a render.
    if (panel.notice || JSON.stringify(choices) != JSON.stringify(panel.choices)) {
      panel = { choices };
      update();
    }
    // The view puts back a root the page took away, unless the page kept taking it (see view.ts): the visitor asked for this.
    if (!root.isConnected) document.body.prepend(root);
    // Opened from inside the page's own dialog (a menu opened with showModal(),
    // which makes everything outside it inert): the dialog goes inside it, in a
    // root of its own. Found from the opener, not with :modal (which breaks
    // jsdom's selector cache, and so our tests).
    const modal = opener?.closest('dialog[open]');
    host = modal ? modal.appendChild(view.createRoot()) : root;
    host.append(container);
    if (topLayer) {
      // Set only now: a popover that is not showing is not laid out, which the warm-up below needs.
      container.popover = 'manual';
      try {
        container.showPopover();
      } catch {
        // A page that broke popovers: over its layers instead, as where there are none.
        container.removeAttribute('popover');
      }
    }
    view.setInert(true);
    try {
      closeWatcher = new (window as { CloseWatcher?: new () => CloseWatcherLike }).CloseWatcher!();
      closeWatcher.onclose = () => opened && closePanel();
    } catch {
      // Not in this browser, or broken by the page: Escape and the Close button still close it.
    }
    // After the frame that shows the dialog (see topLayer), unless it closed meanwhile.
    const opening = ++openings;
    requestAnimationFrame(() => setTimeout(() => opened && opening == openings && makePageInert()));
    const element = container.querySelector('dialog')!;
    element.querySelector('h2')!.focus();
    // It lists the categories that are on unless the visitor objects, and says so.
    view.told(element);
  }

  /** Closes the dialog and gives the page back; the next render takes it out of the page (rendered still, for the next time). */
  function releasePage() {
    opened = false;
    view.setInert(false);
    for (const element of inerted) {
      element.removeAttribute('inert');
      element.removeAttribute(INERTED);
    }
    inerted = [];
    try {
      // Destroying it again later does nothing.
      closeWatcher?.destroy();
    } catch {
      // A broken polyfill: the page is given back all the same.
    }
  }

  function closePanel() {
    releasePage();
    update(panelOpener);
  }

  function unmountForm(element: Element) {
    const each = inline.get(element)!;
    inline.delete(element);
    render(null, each.root);
    if (each.root.parentNode == element) element.replaceChildren(...each.fallback);
  }

  const offChange = consent.on('change', (record) => {
    for (const state of [panel, ...Array.from(inline.values(), (each) => each.state)]) state.choices = choicesOf(record);
    update();
  });

  // Laid out once, right after it is first rendered (below), in the page and
  // out of it again before anything is painted: the first style and layout of
  // the dialog (its fonts and their shaping, the style caches) would otherwise
  // be most of the click's work. In a task of its own, so a click already
  // waiting comes first, and not at all when the dialog opened meanwhile.
  const warming = setTimeout(() => {
    if (opened || !root.isConnected) return;
    root.append(container);
    container.getBoundingClientRect();
    container.remove();
  });

  const dialog: Dialog = {
    get opener() {
      return opened ? panelOpener : undefined;
    },
    close(...openers) {
      releasePage();
      update(...openers);
    },
    open(opener) {
      // Not once destroyed, when it would put the UI back in the page.
      if (!opened && view.dialog == dialog) openPanel(opener);
    },
    mountForms(elements) {
      inline.forEach((_, element) => element.isConnected || unmountForm(element));
      const added = Array.from(elements).filter((element) => !inline.has(element) && element.isConnected);
      for (const element of added) {
        const each = { root: view.createRoot(), id: id + ++count, state: { choices: choicesOf(consent.get()) }, fallback: Array.from(element.childNodes) };
        element.replaceChildren(each.root);
        inline.set(element, each);
      }
      if (added.length) update();
      added.forEach((element) => view.told(element));
    },
    destroy() {
      clearTimeout(warming);
      offChange();
      if (opened) closePanel();
      render(null, container);
      container.remove();
      inline.forEach((_, element) => unmountForm(element));
      if (view.dialog == dialog) view.dialog = undefined;
    },
  };
  view.dialog = dialog;
  // Rendered now, when the visitor heads for it, so that the click only shows it.
  update();
  // Whoever opens the dialog or has a form is about to choose. After the next
  // frame, which shows the dialog when the click came as the pointer arrived:
  // the fetch and its compiling would hold that frame up (bench/README.md).
  if (prepareSave) requestAnimationFrame(() => setTimeout(prepareSave));
  return dialog;
}
