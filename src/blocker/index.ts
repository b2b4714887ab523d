import { report, warn } from '../core/report';
import type { ConsentPlugin } from '../core/plugin';
import { unsafeUrl } from './url-check';

/** Options of `blocker`. */
export interface BlockerOptions {
  /**
   * The page's CSP nonce. When there is one, only blocked scripts (and
   * `data-srcdoc` frames) that carry it themselves are activated: markup
   * injected into the page cannot know it.
   */
  nonce?: string | undefined;
}

declare module '../core/plugin' {
  interface Capabilities {
    /**
     * Loads one blocked element now, without asking whether its categories
     * are granted: for the visitor's explicit "load this one" (nothing is
     * saved). What no page may run (no nonce, a javascript: URL) stays blocked.
     */
    activate(element: Element): void;
  }
}

const SELECTOR =
  'script[type="text/plain"][data-consent],[data-consent][data-src],[data-consent][data-srcset],iframe[data-consent][data-srcdoc]';

/**
 * Activates `<script type="text/plain" data-consent="…">`,
 * `<iframe data-consent="…" data-src="…">` (or any element with `data-src` /
 * `data-srcset`) and `<iframe data-consent="…" data-srcdoc="…">` once every
 * category they list is granted: never before, never twice, in document
 * order, including elements the page adds later. Consent is checked again
 * just before each one, so nothing runs after a withdrawal that was queued
 * before it.
 */
export function blocker({ nonce }: BlockerOptions = {}): ConsentPlugin {
  return (consent, onApply, provide) => {
    const known = consent.config.categories.map((category) => category.name);
    const queued = new WeakSet<Element>();
    const warned = new Set<string>();
    // Scripts activate one after another: an external classic script finishes
    // loading before the next blocked script runs, as the parser would have done.
    let chain: Promise<unknown> = Promise.resolve();

    const granted = (element: Element) => {
      const names = (element.getAttribute('data-consent') || '').split(/[\s,]+/).filter(Boolean);
      for (const name of names) {
        if (!known.includes(name) && !warned.has(name)) {
          warned.add(name);
          warn(`data-consent names unknown category "${name}"; it will stay blocked`);
        }
      }
      return names.length > 0 && names.every((name) => consent.allowed(name));
    };

    const activate = (element: Element): Promise<unknown> | void => {
      if (!element.isConnected) return;
      const script = element instanceof HTMLScriptElement;
      const frame = script || /^(i?frame|embed|object)$/i.test(element.tagName);
      // A script, or srcdoc HTML, runs as the page: on a page with a nonce, only the site's own markup carries it.
      const why =
        nonce && (script || element.hasAttribute('data-srcdoc')) && (element as HTMLElement).nonce != nonce
          ? 'render the page\'s CSP nonce on it (nonce="…")'
          : [script ? 'src' : 'data-src', 'data-srcset'].some((name, i) => unsafeUrl(element.getAttribute(name) || '', i > 0, frame)) &&
            'no javascript:, vbscript: or data: URLs';
      // Left blocked for good, and said once (it is never queued again): the site can act on it.
      if (why) return warn(`this stays blocked: ${why}`, element);
      if (script) {
        // The page's own element is moved, not cloned: it keeps every
        // attribute and its nonce, and Trusted Types still trust the text the
        // parser gave it. Re-inserted with its real type, it runs.
        const parent = element.parentNode!;
        const next = element.nextSibling;
        const type = element.getAttribute('data-type');
        element.remove();
        if (type) element.type = type;
        else element.removeAttribute('type');
        // A classic external script finishes before the next one runs (not one marked async).
        const loaded =
          element.src && !element.hasAttribute('async') &&
          new Promise((resolve) => {
            element.addEventListener('load', resolve);
            element.addEventListener('error', resolve);
          });
        parent.insertBefore(element, next);
        return loaded || undefined;
      }
      for (const attribute of ['src', 'srcset', 'srcdoc']) {
        const value = element.getAttribute(`data-${attribute}`);
        if (value != null) {
          element.setAttribute(attribute, value);
          element.removeAttribute(`data-${attribute}`);
        }
      }
    };

    const scan = () => {
      document.querySelectorAll(SELECTOR).forEach((element) => {
        if (queued.has(element) || !granted(element)) return;
        queued.add(element);
        // Asked again when its turn comes: withdrawn since, it waits for the next
        // grant. One element that cannot be activated (a Trusted Types page
        // refusing a srcdoc, say) must not hold up the rest.
        chain = chain.then(() => (granted(element) ? activate(element) : void queued.delete(element))).catch(report);
      });
    };

    const observer = new MutationObserver((mutations) => {
      const added = mutations.some((mutation) =>
        Array.from(mutation.addedNodes).some(
          (node) => node instanceof Element && (node.matches(SELECTOR) || node.querySelector(SELECTOR)),
        ),
      );
      if (added) scan();
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
    // One element on request, whatever its categories say: a placeholder's "Load this content".
    provide('activate', (element) => void activate(element));
    // At once, not after the cookie write: the visitor is waiting for what they allowed.
    const off = onApply(scan);
    scan();
    return () => {
      observer.disconnect();
      off();
    };
  };
}
