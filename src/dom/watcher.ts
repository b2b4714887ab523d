import { report as reportError } from '../core/report';

/**
 * What a piece of the library looks for in the page, and what it does with it.
 * Each piece (the blocker, the cookies-page form, the embed placeholders)
 * registers one of these with the instance's watcher.
 */
export interface DomWatch {
  /** A CSS selector for the marked-up elements the piece looks for. */
  readonly selector: string;
  /**
   * Matching elements, in document order: those in `<head>` as the parser adds
   * them, then every one in the page once it has been parsed, then each batch
   * added later. An element can be reported more than once (a piece keeps its
   * own record of what it has handled).
   */
  added(elements: Element[]): void;
  /** Matching elements that left the page; only the pieces that ask pay for it. */
  removed?(elements: Element[]): void;
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
  elements.length > 1 ? elements.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1)) : elements;

/**
 * Creates the watcher that finds marked-up elements for every piece, at a cost
 * that does not grow with the page:
 *
 * - while the document is loading, it does no work per node the parser adds,
 *   except for the few children of `<head>` (so a blocked analytics script in
 *   `<head>` still runs as soon as it is parsed for a returning visitor);
 * - once the document has been parsed (`readyState` leaves `loading`, before
 *   deferred scripts run), it looks once: one `querySelectorAll` for every
 *   registered selector together;
 * - after that it observes only what is added (and, for pieces that ask,
 *   removed): each added subtree is matched on its own, never the whole
 *   document again.
 *
 * Without `MutationObserver` (very old or stripped-down browsers) it still
 * looks once after parsing; elements added later are then not seen.
 */
export function createDomWatcher({ document: page = document }: DomWatcherOptions = {}): DomWatcher {
  const watches: DomWatch[] = [];
  const Observer = typeof MutationObserver == 'function' ? MutationObserver : undefined;
  let head: MutationObserver | undefined;
  let body: MutationObserver | undefined;
  let parsed = false;

  const union = () => watches.map((watch) => watch.selector).join(',');

  /** Hands each watch the elements in `found` that match its selector, in document order. */
  const report = (found: Iterable<Element>, event: 'added' | 'removed') => {
    const list = inDocumentOrder(Array.from(new Set(found)));
    if (!list.length) return;
    for (const watch of watches.slice()) {
      const handler = watch[event];
      const mine = handler && list.filter((element) => element.matches(watch.selector));
      try {
        if (mine && mine.length) handler.call(watch, mine);
      } catch (error) {
        // One broken piece must not stop the others from seeing their elements.
        reportError(error);
      }
    }
  };

  /** Matching elements among `nodes` and inside them. */
  const within = (nodes: NodeList | HTMLCollection | Node[], selector: string) => {
    const found: Element[] = [];
    for (const node of Array.from(nodes)) {
      if (!(node instanceof Element)) continue;
      if (node.matches(selector)) found.push(node);
      if (node.firstElementChild) found.push(...Array.from(node.querySelectorAll(selector)));
    }
    return found;
  };

  const onMutations = (records: MutationRecord[]) => {
    const selector = union();
    const added: Node[] = [];
    const removed: Node[] = [];
    const wantsRemoved = watches.some((watch) => watch.removed);
    for (const record of records) {
      added.push(...Array.from(record.addedNodes));
      if (wantsRemoved) removed.push(...Array.from(record.removedNodes));
    }
    // A node added and removed again in one batch is gone; one moved is still here.
    report(within(added.filter((node) => node.isConnected), selector), 'added');
    if (removed.length) report(within(removed.filter((node) => !node.isConnected), selector), 'removed');
  };

  /** The one look at the parsed document, then only what changes. */
  const onParsed = () => {
    if (parsed || page.readyState == 'loading') return;
    parsed = true;
    page.removeEventListener('readystatechange', onParsed);
    head?.disconnect();
    head = undefined;
    report(Array.from(page.querySelectorAll(union())), 'added');
    if (Observer && watches.length) {
      body = new Observer(onMutations);
      body.observe(page.documentElement, { childList: true, subtree: true });
    }
  };

  const start = () => {
    if (page.readyState != 'loading') return onParsed();
    page.addEventListener('readystatechange', onParsed);
    const { head: element } = page;
    if (!element) return;
    // <head> is small and comes first: what is in it already, then each child the parser adds.
    report(within(element.children, union()), 'added');
    if (Observer) {
      head = new Observer((records) => report(within(records.flatMap((record) => Array.from(record.addedNodes)), union()), 'added'));
      head.observe(element, { childList: true });
    }
  };

  const stop = () => {
    page.removeEventListener('readystatechange', onParsed);
    head?.disconnect();
    body?.disconnect();
    head = body = undefined;
    parsed = false;
  };

  return {
    watch(watch) {
      watches.push(watch);
      if (watches.length == 1) start();
      else if (parsed) {
        // A piece that arrives after the look gets a look of its own.
        const found = Array.from(page.querySelectorAll(watch.selector));
        if (found.length) watch.added(found);
      } else if (page.head) {
        const found = within(page.head.children, watch.selector);
        if (found.length) watch.added(found);
      }
      return () => {
        const at = watches.indexOf(watch);
        if (at < 0) return;
        watches.splice(at, 1);
        if (!watches.length) stop();
      };
    },
  };
}
