import type { ConsentPlugin } from '../core/store';
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
export function uiLoader(load: () => Promise<typeof import('./view')>): ConsentPlugin {
  return (consent) => {
    let view: Promise<View> | undefined;
    let live = true;
    let clicked: Element | null = null;
    const forms = new Map<Element, Promise<unknown>>();

    const withView = <T>(use: (view: View) => T) => {
      if (!view) {
        view = load().then((module) => module.createView(consent));
        // After a failed download (a network blip, say), the next request tries again.
        view.catch(() => (view = undefined));
      }
      return view.then((loaded) => live && use(loaded)).catch(console.error);
    };

    // Mounts forms in new elements, unmounts those whose element left the page.
    const scan = () => {
      document.querySelectorAll('[data-consent-preferences]').forEach((element) => {
        if (!forms.has(element)) forms.set(element, withView((loaded) => loaded.mountForm(element)));
      });
      forms.forEach((unmount, element) => {
        if (!element.isConnected) {
          forms.delete(element);
          unmount.then((done) => typeof done == 'function' && done());
        }
      });
    };

    const onClick = (event: MouseEvent) => {
      const target = event.target;
      const opener = target instanceof Element && target.closest('[data-consent-open]');
      if (opener) {
        event.preventDefault();
        // Safari does not focus a clicked link or button, so remember it for focus return.
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
    const observer = new MutationObserver(scan);
    observer.observe(document.documentElement, { childList: true, subtree: true });
    scan();
    if (!consent.decided) consent.showBanner();

    return () => {
      live = false;
      offs.forEach((off) => off());
      document.removeEventListener('click', onClick);
      observer.disconnect();
      if (view) view.then((loaded) => loaded.destroy(), () => {});
    };
  };
}
