import type { ConsentPlugin } from '../core/store';

/** Options of `blocker`. */
export interface BlockerOptions {
  /** CSP nonce for activated scripts that carry none of their own. */
  nonce?: string | undefined;
}

const SELECTOR = 'script[type="text/plain"][data-consent],[data-consent][data-src],[data-consent][data-srcset]';

/**
 * Activates `<script type="text/plain" data-consent="…">` and
 * `<iframe data-consent="…" data-src="…">` (or any element with `data-src` /
 * `data-srcset`) once every category they list is granted: never before, never
 * twice, in document order, including elements the page adds later.
 */
export function blocker({ nonce }: BlockerOptions = {}): ConsentPlugin {
  return (consent) => {
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
          console.warn(`biscuit-consent: data-consent names unknown category "${name}"; it will stay blocked`);
        }
      }
      return names.length > 0 && names.every((name) => consent.allowed(name));
    };

    const activate = (element: Element): Promise<unknown> | void => {
      if (!element.isConnected) return;
      if (element instanceof HTMLScriptElement) {
        // A clone keeps every attribute, the nonce and the parser-trusted text,
        // and, unlike the original, runs when inserted.
        const script = element.cloneNode(true) as HTMLScriptElement;
        const type = element.getAttribute('data-type');
        if (type) script.type = type;
        else script.removeAttribute('type');
        if (!script.nonce && nonce) script.nonce = nonce;
        // `script.async` is always true on a script made by code, so ask the attribute.
        const loaded =
          script.src && !element.hasAttribute('async') &&
          new Promise((resolve) => {
            script.addEventListener('load', resolve);
            script.addEventListener('error', resolve);
          });
        element.replaceWith(script);
        return loaded || undefined;
      }
      for (const attribute of ['src', 'srcset']) {
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
        chain = chain.then(() => activate(element));
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
    const off = consent.on('change', scan);
    scan();
    return () => {
      observer.disconnect();
      off();
    };
  };
}
