import { report as reportError } from '../core/report';

/**
 * What a piece of the library looks for in the page, and what it does with it.
 * Each piece (the blocker, the cookies-page form, the embed placeholders)
 * registers one of these with the instance's watcher.
 */
export interface DomWatch {
  /**
   * A CSS selector for the marked-up elements the piece looks for. Keep it to
   * one attribute (`[data-consent]`) and narrow the elements down in `added`:
   * Chromium finds a single attribute in a 50,000-element page in about a
   * tenth of a millisecond, a list of compound selectors in several.
   */
  readonly selector: string;
  /**
   * Matching elements, in document order: those in `<head>` as the parser adds
   * them, then every one in the page once it has been parsed, then each batch
   * added later. An element can be reported more than once (a piece keeps its
   * own record of what it has handled). Pieces with the same selector are
   * given the same array.
   */
  added?(elements: readonly Element[]): void;
  /** Matching elements that left the page. */
  removed?(elements: readonly Element[]): void;
}

/** The one DOM watcher of a consent instance. */
export interface DomWatcher {
  /** Starts reporting elements to `watch`. Returns its unsubscribe; the last one stops the watcher. */
  watch(watch: DomWatch): () => void;
}

/** Options of `createDomWatcher`. */
export interface DomWatcherOptions {
  /** The page to watch. Default: `document`. */
  document?: Document;
}

/** Sorts `elements` (in place) into document order: a batch of mutations comes in insertion order. */
export const inDocumentOrder = (elements: Element[]): Element[] =>
  elements.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));

/**
 * Creates the watcher that finds marked-up elements for every piece, at a cost
 * that does not grow with the page:
 *
 * - while the document is loading, it does no work for what the parser adds
 *   to `<body>`; it looks only at the few children of `<head>`, as they come,
 *   so a blocked analytics script there still runs as soon as it is parsed;
 * - once the document has been parsed (`readyState` leaves `loading`, before
 *   deferred scripts run), it looks once: one `querySelectorAll` for every
 *   registered selector together;
 * - after that it matches only the subtrees that mutations add or remove,
 *   never the whole document again.
 *
 * Without `MutationObserver` (very old or stripped-down browsers) it still
 * looks once the document is parsed; elements added later are then not seen.
 */
export function createDomWatcher({ document: page = document }: DomWatcherOptions = {}): DomWatcher {
  const watches: DomWatch[] = [];
  let observer: MutationObserver | undefined;

  /** Tells each watch (or only `to`) about the elements in and under `nodes` that match its selector, in document order. */
  const report = (nodes: ArrayLike<Node>, event: 'added' | 'removed', to = watches.slice()) => {
    // Pieces looking for the same selector (the blocker and the placeholders
    // both look for [data-consent]) share its search: a `matches` and a
    // `querySelectorAll` per added subtree and selector are most of what
    // content added after load costs (bench/README.md).
    const bySelector = new Map<string, readonly Element[]>();
    // A piece that does not ask about this event costs no query.
    for (const watch of to.filter((piece) => piece[event])) {
      let found = bySelector.get(watch.selector);
      if (!found) {
        const matching = new Set<Element>();
        // One query per selector: Chromium answers a single attribute selector far faster than a list.
        for (const node of Array.from(nodes)) {
          if (!(node instanceof Element)) continue;
          if (node.matches(watch.selector)) matching.add(node);
          node.querySelectorAll(watch.selector).forEach((element) => matching.add(element));
        }
        bySelector.set(watch.selector, (found = inDocumentOrder(Array.from(matching))));
      }
      try {
        if (found.length) watch[event]!(found);
      } catch (error) {
        // One broken piece must not stop the others from seeing their elements.
        reportError(error);
      }
    }
  };

  const observe = (target: Node, subtree: boolean) => {
    observer?.disconnect();
    if (typeof MutationObserver != 'function') return;
    observer = new MutationObserver((records) => {
      const added: Node[] = [];
      const removed: Node[] = [];
      for (const record of records) {
        added.push(...Array.from(record.addedNodes));
        removed.push(...Array.from(record.removedNodes));
      }
      // A node added and removed again in one batch is gone; one moved is still here.
      report(
        added.filter((node) => node.isConnected),
        'added',
      );
      report(
        removed.filter((node) => !node.isConnected),
        'removed',
      );
    });
    observer.observe(target, { childList: true, subtree });
  };

  /** The one look at the parsed document, then only what changes. */
  const onParsed = () => {
    if (page.readyState == 'loading') return;
    page.removeEventListener('readystatechange', onParsed);
    observe(page.documentElement, true);
    report([page.documentElement], 'added');
  };

  return {
    watch(watch) {
      watches.push(watch);
      const { head } = page;
      if (watches.length > 1) {
        // Another piece is already watching: the newcomer gets its own first look.
        report(page.readyState != 'loading' ? [page.documentElement] : head ? head.children : [], 'added', [watch]);
      } else if (page.readyState != 'loading') {
        onParsed();
      } else {
        page.addEventListener('readystatechange', onParsed);
        // <head> is small and comes first: what is in it already, then each child the parser adds.
        if (head) {
          observe(head, false);
          report(head.children, 'added');
        }
      }
      return () => {
        const at = watches.indexOf(watch);
        if (at >= 0) watches.splice(at, 1);
        if (!watches.length) {
          page.removeEventListener('readystatechange', onParsed);
          observer?.disconnect();
          observer = undefined;
        }
      };
    },
  };
}
