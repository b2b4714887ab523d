import type { ConsentPlugin } from '../core/plugin';
import type { DomWatcher } from '../dom/watcher';
import { logError } from '../core/report';
import type { Dialog } from './dialog';
import type { View } from './view';

/** The UI's lazily loaded pieces, by chunk name (see src/lazy-chunks.json). */
export interface UiChunks {
  /** view.ts: the root, the texts, the banner. */
  banner: typeof import('./view');
  /** dialog.tsx: the "Customise cookies" dialog and the cookies-page forms (Preact). */
  dialog: typeof import('./dialog');
}

/** Loads a piece of the UI: `() => import(…)` in the npm build, a file next to the script in the script-tag build. */
export type LoadUiChunk = <K extends keyof UiChunks>(name: K) => Promise<UiChunks[K]>;

/** What the composition gives each piece of the UI. */
export interface UiContext {
  /** The instance's one DOM watcher. */
  readonly watcher: DomWatcher;
  /** Starts fetching what saving a choice needs (the cookie writer), for a visitor about to choose. */
  prepareSave(): void;
}

/** Elements that open the dialog when clicked. */
const OPENER = '[data-consent-open]';

/**
 * The part of the UI every visitor downloads, so it stays tiny and imports no
 * UI code. It loads the view (the banner) only when something must be shown,
 * and the dialog chunk (Preact) only when the visitor heads for it: pointer
 * over or focus on "Customise cookies" or a `data-consent-open` element, or a
 * page with a `data-consent-preferences` form. Any element with
 * `data-consent-open` (or inside one) opens the dialog when clicked.
 *
 * While the page has a `data-consent-preferences` form, the banner does not
 * ask: the form asks the same question there, and the banner would hide part
 * of it. It asks again if the form leaves the page (a single-page app moving
 * on) or cannot be shown (its chunk fails to load) before the visitor chose.
 *
 * When a piece cannot be loaded (a missing file, another origin without
 * CORS), nothing optional runs, the failure is reported once on the console,
 * the next request tries again, and `data-consent-open` links do what links
 * do, so the visitor still reaches the cookies page.
 */
export function uiLoader(load: LoadUiChunk): (context: UiContext) => ConsentPlugin {
  return ({ watcher, prepareSave }) =>
    (consent) => {
      let view: Promise<View> | undefined;
      let dialog: Promise<Dialog> | undefined;
      let clicked: Element | null = null;
      // The opener whose click was held back for the dialog: followed after all if the dialog cannot load.
      let held: HTMLElement | null = null;
      // The dialog could not be loaded the last time it was asked for.
      let failed = false;
      // Counts requests for the dialog and hide()s: one whose code arrives after another, or after a hide(), is out of date.
      let asked = 0;
      let reported = false;
      // The cookies-page forms in the page (the watcher may report one twice).
      const forms = new Set<Element>();
      const ignore = () => {};
      // The banner asks when there is a question (an optional category) and no form to ask it.
      const askIfNoForm = () => forms.size || consent.decided || !consent.config.categories.some((category) => !category.essential) || consent.showBanner();

      const fail = (error: Error): never => {
        if (!reported) logError(`could not load the cookie banner or settings (${error.message}); links to the cookies page still work`);
        reported = true;
        throw error;
      };
      const onIntent = (piece: 'dialog' | 'save') => (piece == 'save' ? prepareSave() : getDialog().catch(ignore));
      // Each loads once; after a failure (a network blip, say), the next request tries again.
      const getView = () =>
        (view ||= load('banner').then(
          (module) => module.createView(consent, { onIntent, watcher }),
          (error) => {
            view = undefined;
            return fail(error);
          },
        ));
      const getDialog = () =>
        (dialog ||= Promise.all([getView(), load('dialog')]).then(
          ([loaded, module]) => {
            failed = false;
            // Whoever opens the dialog is about to choose.
            return module.createDialog(loaded, prepareSave);
          },
          (error) => {
            dialog = undefined;
            failed = true;
            return fail(error);
          },
        ));

      const onClick = (event: MouseEvent) => {
        const target = event.target;
        const opener = target instanceof Element && target.closest(OPENER);
        if (!opener) return;
        // Once the dialog has failed to load, a link goes where it leads; anything else tries again.
        if (failed && opener.closest('a[href],area[href]')) return;
        if (!failed) {
          event.preventDefault();
          held = opener as HTMLElement;
        }
        // Safari does not focus a clicked link or button: remember it for focus return.
        clicked = opener;
        consent.showPreferences();
      };
      const onPointer = (event: Event) => {
        const target = event.target;
        if (target instanceof Element && target.closest(OPENER)) onIntent('dialog');
      };

      const listen = (type: string, listener: (event: never) => void) => {
        document.addEventListener(type, listener as EventListener);
        return () => document.removeEventListener(type, listener as EventListener);
      };
      const offs = [
        consent.on('show', (which) => {
          const opener = clicked || document.activeElement;
          const following = held;
          clicked = held = null;
          if (which == 'banner') getView().then((loaded) => forms.size || loaded.showBanner('question', opener), ignore);
          // When the dialog cannot load, the click it held back goes ahead: a link to the cookies page still works.
          else {
            // Out of date too once the visitor chose meanwhile (in the banner, while the dialog's code was on its way).
            const request = ++asked;
            const chosen = consent.get().updatedAt;
            getDialog().then(
              (loaded) => request == asked && chosen == consent.get().updatedAt && loaded.open(opener),
              () => following?.click(),
            );
          }
        }),
        consent.on('hide', () => {
          asked++;
          view?.then((loaded) => loaded.hide(), ignore);
        }),
        watcher.watch({
          selector: '[data-consent-preferences]',
          added: (elements) => {
            elements.forEach((element) => forms.add(element));
            // The banner may have come first (a page that adds its form later).
            view?.then((loaded) => loaded.withdrawQuestion(), ignore);
            getDialog().then(
              (loaded) => loaded.mountForms(elements),
              () => {
                elements.forEach((element) => forms.delete(element));
                askIfNoForm();
              },
            );
          },
          removed: (elements) => {
            elements.forEach((element) => forms.delete(element));
            // Once the forms are loaded, drop those whose element left.
            dialog?.then((loaded) => loaded.mountForms([]), ignore);
            askIfNoForm();
          },
        }),
        listen('click', onClick),
        listen('pointerover', onPointer),
        listen('focusin', onPointer),
      ];
      askIfNoForm();

      return () => {
        // A dialog still on its way opens no more.
        asked++;
        offs.forEach((off) => off());
        // After whatever is still loading, and only what did load.
        dialog?.then((loaded) => loaded.destroy(), ignore);
        view?.then((loaded) => loaded.destroy(), ignore);
      };
    };
}
