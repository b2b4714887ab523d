/**
 * The visitor's UI, loaded only when something must be shown (see loader.ts).
 *
 * State lives in this closure and every change re-renders with `render()`,
 * which Preact runs synchronously; so there are no hooks (they would cost a
 * tenth of the size budget) and focus can move right after a render.
 */
import { render } from 'preact';
import type { Consent, ConsentView, SaveResult } from '../core/store';
import { Banner, type BannerState } from './banner';
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
  /** Renders the preferences form inline in `element` (the cookies page); returns the unmount. */
  mountForm(element: Element): () => void;
  /** Removes everything this view added to the page. */
  destroy(): void;
}

interface InlineForm {
  readonly root: HTMLElement;
  /** Prefix of the form's element ids. */
  readonly id: string;
  readonly state: FormState;
  /** What the element held before: a fallback for visitors without JavaScript, put back on unmount. */
  readonly fallback: readonly ChildNode[];
}

/** Focuses `element` if it can still take focus; the page's `<body>` is not a place to return to. */
const refocus = (element: Element | null) => {
  if (element instanceof HTMLElement && element != document.body && element.isConnected) element.focus();
};

/**
 * Creates the UI for `consent`: waits for `<body>` and the visitor's language,
 * then puts an empty root first in `<body>`. It talks to the core only
 * through the public `Consent` API.
 */
export async function createView(consent: Consent): Promise<View> {
  if (!document.body) await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
  const { config } = consent;
  const page = document.documentElement;
  const { lang, dir, texts, category } = await resolveTexts(config, page.lang);
  const href = config.cookiesPageUrl;
  const fixed = config.bannerLayout == 'fixed';
  const categories = config.categories.map((each) => ({ ...each, ...category(each) }));
  const optional = categories.filter((each) => !each.essential);
  const id = 'bc' + Math.random().toString(36).slice(2, 8);
  let forms = 0;

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
  if (!getComputedStyle(root).getPropertyValue('--bc-styles')) {
    console.warn('biscuit-consent: style.css is not loaded, so the banner is unstyled; import "biscuit-consent/style.css" or link it');
  }

  let banner: BannerState | undefined;
  let bannerOpener: Element | null = null;
  let panel: FormState | undefined;
  let panelOpener: Element | null = null;
  // Whether the open dialog uses showModal(), or our fallback with inert siblings.
  let native = false;
  let inerted: Element[] = [];
  const inline = new Map<Element, InlineForm>();
  const trackBanner = createBannerHeight();
  // Records our own buttons made, so `change` can tell them from another tab's or the site's.
  const ours = new WeakSet<object>();

  const initialChoices = (): FormState['choices'] => {
    const record = consent.get();
    return { ...(record.previous || record.categories) };
  };

  const decide = (action: FormAction, choices: FormState['choices'], source: 'banner' | 'panel') => {
    const saved =
      action == 'accept'
        ? consent.acceptAll({ source })
        : action == 'reject'
          ? consent.rejectAll({ source })
          : consent.save(Object.fromEntries(optional.map(({ name }) => [name, choices[name] === true])), { source });
    // The choice applies at once; its `change` event follows the write.
    ours.add(consent.get());
    return saved;
  };

  const focusNotice = (container: Element) => container.querySelector<HTMLElement>('.bc-notice')?.focus();

  // Focus inside the root that a render removed goes back to whatever opened the UI.
  const update = (opener?: Element | null) => {
    const hadFocus = root.contains(document.activeElement);
    const form = (state: FormState, formId: string, onDone: (result: SaveResult) => void) => (
      <PreferencesForm
        id={formId}
        categories={categories}
        texts={texts}
        href={href}
        gpc={consent.gpc}
        state={state}
        onChoose={(name, granted) => {
          state.choices[name] = granted;
          update();
        }}
        onAction={(action) => decide(action, state.choices, 'panel').then(onDone)}
      />
    );
    render(
      <>
        {banner && (
          <Banner
            state={banner}
            texts={texts}
            href={href}
            fixed={fixed}
            inert={!!panel && !native}
            onAccept={() => answerBanner(true)}
            onReject={() => answerBanner(false)}
            onCustomise={() => consent.showPreferences()}
            onHide={() => {
              banner = undefined;
              update(bannerOpener);
            }}
          />
        )}
        {panel && (
          <PreferencesPanel id={id} texts={texts} native={native} onClose={closePanel}>
            {form(panel, id, ({ ok }) => {
              if (!panel) return;
              if (ok) {
                banner = 'saved';
                closePanel();
                focusNotice(root);
              } else {
                panel.notice = 'error';
                update();
                focusNotice(root.querySelector('dialog')!);
              }
            })}
          </PreferencesPanel>
        )}
      </>,
      root,
    );
    inline.forEach(({ root: formRoot, id: formId, state }, element) =>
      render(
        form(state, formId, ({ ok }) => {
          if (!inline.has(element)) return;
          state.notice = ok ? 'saved' : 'error';
          update();
          focusNotice(formRoot);
        }),
        formRoot,
      ),
    );
    trackBanner(fixed && banner ? root.querySelector<HTMLElement>('.bc-banner') : null);
    if (hadFocus && !root.contains(document.activeElement)) refocus(opener ?? null);
  };

  function answerBanner(accept: boolean) {
    decide(accept ? 'accept' : 'reject', {}, 'banner').then(({ ok }) => {
      if (banner != 'question' && banner != 'error') return;
      banner = ok ? (accept ? 'accepted' : 'rejected') : 'error';
      update();
      if (ok) focusNotice(root);
    });
  }

  function openPanel(opener: Element | null) {
    native = typeof HTMLDialogElement == 'function' && typeof HTMLDialogElement.prototype.showModal == 'function';
    panel = { choices: initialChoices() };
    panelOpener = opener;
    update();
    const dialog = root.querySelector('dialog')!;
    if (native) {
      dialog.showModal();
    } else {
      for (const element of Array.from(document.body.children)) {
        if (element != root && !element.hasAttribute('inert')) {
          element.setAttribute('inert', '');
          inerted.push(element);
        }
      }
      document.addEventListener('focusin', keepFocusInPanel);
    }
    dialog.querySelector<HTMLElement>('h2')!.focus();
  }

  // Without showModal() and where `inert` is unsupported, focus could still reach the page.
  function keepFocusInPanel(event: FocusEvent) {
    const dialog = root.querySelector('dialog');
    if (dialog && !dialog.contains(event.target as Node)) dialog.querySelector<HTMLElement>('h2')!.focus();
  }

  function releasePage() {
    document.removeEventListener('focusin', keepFocusInPanel);
    inerted.forEach((element) => element.removeAttribute('inert'));
    inerted = [];
  }

  function closePanel() {
    if (!panel) return;
    panel = undefined;
    releasePage();
    update(panelOpener);
  }

  function unmountForm(element: Element) {
    const form = inline.get(element);
    if (!form) return;
    inline.delete(element);
    render(null, form.root);
    if (form.root.parentNode == element) element.replaceChildren(...form.fallback);
  }

  const offChange = consent.on('change', (record) => {
    // A decision made elsewhere (another tab, the site's own code) answers the question.
    if (!ours.has(record) && record.decided && (banner == 'question' || banner == 'error')) banner = undefined;
    const choices = record.previous || record.categories;
    if (panel) panel.choices = { ...choices };
    inline.forEach(({ state }) => (state.choices = { ...choices }));
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
      banner = undefined;
      const opener = panelOpener || bannerOpener;
      if (panel) {
        panel = undefined;
        releasePage();
      }
      update(opener);
    },
    mountForm(element) {
      const form: InlineForm = {
        root: createRoot(),
        id: id + ++forms,
        state: { choices: initialChoices() },
        fallback: Array.from(element.childNodes),
      };
      element.replaceChildren(form.root);
      inline.set(element, form);
      update();
      return () => unmountForm(element);
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
