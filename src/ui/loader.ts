import type { ConsentPlugin } from '../core/plugin';
import type { DomWatcher } from '../dom/watcher';
import type { View } from './view';

/**
 * The part of the UI every visitor downloads, so it stays tiny and imports no
 * Preact. It loads the view (with `load`, once) only when something must be
 * shown: the banner for a visitor who has not decided, the dialog when asked
 * for, or the form of an element with `data-consent-preferences`. Any element
 * with `data-consent-open` (or inside one) opens the dialog when clicked.
 *
 * `load` is how the view arrives: `() => import('./view')` in the npm build,
 * a copy next to the script in the script-tag build.
 */
export function uiLoader(load: () => Promise<typeof import('./view')>): (watcher: DomWatcher) => ConsentPlugin {
  return (watcher) => (consent) => {
    // Every use of the view chains on this one promise, so a clean-up queued after them runs last.
    let view: Promise<View> | undefined;
    let clicked: Element | null = null;

    const withView = (use: (view: View) => void) => {
      if (!view) {
        view = load().then((module) => module.createView(consent));
        // After a failed download (a network blip, say), the next request tries again.
        view.catch(() => (view = undefined));
      }
      view.then(use).catch(console.error);
    };


    const onClick = (event: MouseEvent) => {
      const target = event.target;
      const opener = target instanceof Element && target.closest('[data-consent-open]');
      if (opener) {
        event.preventDefault();
        // Safari does not focus a clicked link or button: remember it for focus return.
        clicked = opener;
        consent.showPreferences();
      }
    };

    const offs = [
      consent.on('show', (which) => {
        const opener = clicked || document.activeElement;
        clicked = null;
        withView((loaded) => loaded.show(which, opener));
      }),
      consent.on('hide', () => view && withView((loaded) => loaded.hide())),
    ];
    document.addEventListener('click', onClick);
    const offWatch = watcher.watch({
      selector: '[data-consent-preferences]',
      added: (elements) => withView((loaded) => loaded.mountForms(elements)),
      // Once the view is loaded, drop the forms whose element left.
      removed: () => view && withView((loaded) => loaded.mountForms([])),
    });
    // Nothing to ask when every category is essential.
    if (!consent.decided && consent.config.categories.some((category) => !category.essential)) consent.showBanner();

    return () => {
      offs.forEach((off) => off());
      document.removeEventListener('click', onClick);
      offWatch();
      if (view) view.then((loaded) => loaded.destroy(), () => {});
    };
  };
}
