import { report, warn } from '../core/report';
import type { ConsentPlugin } from '../core/plugin';
import { inDocumentOrder, type DomWatcher } from '../dom/watcher';
import { unsafeUrl } from './url-check';

/** Options of `blocker`. */
export interface BlockerOptions {
  /** The instance's DOM watcher, which finds the blocked elements. */
  watcher: DomWatcher;
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

const SELECTOR = 'script[type="text/plain"][data-consent],[data-consent][data-src],[data-consent][data-srcset],iframe[data-consent][data-srcdoc]';

/**
 * Activates `<script type="text/plain" data-consent="…">`,
 * `<iframe data-consent="…" data-src="…">` (or any element with `data-src` /
 * `data-srcset`) and `<iframe data-consent="…" data-srcdoc="…">` once every
 * category they list is granted: never before, never twice, in document
 * order, including elements the page adds later. Consent is checked again
 * just before each one, so nothing runs after a withdrawal that was queued
 * before it.
 */
export function blocker({ watcher, nonce }: BlockerOptions): ConsentPlugin {
  return (consent, onApply, provide) => {
    const known = consent.config.categories.map((category) => category.name);
    const queued = new WeakSet<Element>();
    // Found but not (yet) granted: what a later choice may activate, without looking through the page again.
    let waiting: Element[] = [];
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
          element.src &&
          !element.hasAttribute('async') &&
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

    /**
     * Queues the blocked and granted ones among `elements` (in document
     * order); returns the others, which wait (an element may still get its
     * data-src, or its categories a grant).
     */
    const consider = (elements: readonly Element[]) => {
      const still: Element[] = [];
      for (const element of elements) {
        if (queued.has(element) || !element.isConnected) continue;
        if (!element.matches(SELECTOR) || !granted(element)) {
          still.push(element);
          continue;
        }
        queued.add(element);
        // Asked again when its turn comes: withdrawn since, it waits for the next
        // grant. One element that cannot be activated (a Trusted Types page
        // refusing a srcdoc, say) must not hold up the rest.
        chain = chain
          .then(() => {
            if (granted(element)) return activate(element);
            queued.delete(element);
            waiting.push(element);
          })
          .catch(report);
      }
      return still;
    };

    // One attribute for the watcher's query (Chromium answers it fastest); the full selector here.
    const offWatch = watcher.watch({
      selector: '[data-consent]',
      added: (elements) => {
        const already = new Set(waiting);
        waiting.push(...consider(elements).filter((element) => !already.has(element)));
      },
    });
    // One element on request, whatever its categories say: a placeholder's "Load this content".
    provide('activate', (element) => void activate(element));
    // At once, not after the cookie write: the visitor is waiting for what they allowed.
    const offApply = onApply(() => {
      // Elements found at different times: activate them in the order of the page.
      waiting = consider(inDocumentOrder(waiting));
    });
    return () => {
      offWatch();
      offApply();
    };
  };
}
