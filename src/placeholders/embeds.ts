/**
 * Blocked embeds, once a page has one that is not allowed: which of them wait
 * for consent and which are loaded, what a visitor's "load this one" and
 * "accept" do, and taking an embed's address away again when its category is
 * withdrawn. Each change is told to the page as a `biscuit:embed` event on the
 * element, so a site can draw its own placeholder; the UI's placeholders
 * (placeholder.ts) are drawn unless the site cancels that event.
 *
 * A lazily loaded chunk: finder.ts, which every visitor runs, loads it only
 * when a page has a blocked embed that is not allowed.
 */
import type { Consent, SaveResult } from '../core/consent';
import type { OnApply } from '../core/plugin';
import { categoriesOf, type Embeds, type StartEmbeds } from './finder';

/**
 * `detail` of the `biscuit:embed` event, dispatched (bubbling, cancelable) on
 * a blocked element when it starts waiting for consent, when what it waits
 * for changes, and when it loads. Cancel the event (`preventDefault()`) to
 * draw a placeholder of your own instead of the built-in one.
 */
export interface EmbedEventDetail {
  /** `true` while the element waits for consent; `false` once it is loaded. */
  readonly blocked: boolean;
  /** The categories it waits for (those of its `data-consent` that are not granted). */
  readonly categories: readonly string[];
  /** Loads this one element now. Nothing is saved: on the next page it waits again. */
  load(): void;
  /**
   * Grants the categories it waits for, saved with `source: 'placeholder'`,
   * which loads every element waiting for them, in this tab and the others.
   */
  accept(): Promise<SaveResult>;
}

/** Draws and removes placeholders: the UI's part (placeholder.ts). */
export interface PlaceholderDrawer {
  /** Puts a placeholder in the place of each element, or brings an existing one up to date. */
  show(items: readonly { element: Element; detail: EmbedEventDetail }[]): void;
  /** Takes `element`'s placeholder away and shows the element; `focus` moves focus to it. */
  hide(element: Element, focus: boolean): void;
  /** Removes every placeholder. */
  destroy(): void;
}

/** Options of `createEmbeds`. */
export interface EmbedsOptions {
  /** Loads one blocked element now, whatever its categories say (the blocker's `activate`). */
  activate(element: Element): void;
  /** Draws the placeholders; without one, only the events tell the page. */
  drawer?: PlaceholderDrawer | undefined;
}

/** Attributes the blocker turns into `src`, `srcset` and `srcdoc`. */
const SOURCES = ['src', 'srcset', 'srcdoc'];

/** Still blocked: an address not yet given back, or a script not yet run. */
const isBlocked = (element: Element) =>
  SOURCES.some((name) => element.hasAttribute(`data-${name}`)) || (element instanceof HTMLScriptElement && element.type == 'text/plain');

/** The element and the blocked elements inside it (a widget's script, say), in document order. */
const withInner = (element: Element) => [element, ...Array.from(element.querySelectorAll('[data-consent]'))];

/**
 * Takes the element's address (and those of the blocked elements inside it)
 * away, back to `data-src`: a frame navigates to about:blank and a video
 * stops loading, so the third party receives nothing more from this page.
 * Scripts that already ran cannot be taken back.
 */
function unload(element: Element): boolean {
  let took = false;
  for (const inner of withInner(element)) {
    if (inner instanceof HTMLScriptElement) continue;
    for (const name of SOURCES) {
      const value = inner.getAttribute(name);
      if (value == null) continue;
      // A site that kept both (src="about:blank" data-src="…") keeps its data-src.
      if (!inner.hasAttribute(`data-${name}`)) inner.setAttribute(`data-${name}`, value);
      inner.removeAttribute(name);
      took = true;
    }
    if (took && inner instanceof HTMLMediaElement) inner.load();
  }
  return took;
}

/**
 * Creates the embeds' state for `consent`. Each element shows its content
 * while every category it needs is granted, or after the visitor loaded it
 * with `load()` until a choice refuses one of them (a rejection in the
 * banner, a No in the panel, a withdrawal, here or in another tab); otherwise
 * it waits, its address taken away.
 */
export function createEmbeds(consent: Consent, onApply: OnApply, { activate, drawer }: EmbedsOptions): Embeds {
  const known = new Set(consent.config.categories.map((category) => category.name));
  const managed = new Set<Element>();
  /** Waiting elements, and what each waits for (the categories, joined). */
  const waiting = new Map<Element, string>();
  /** Loaded with `load()`, and no choice has refused it since. */
  const once = new WeakSet<Element>();
  /** Their address was taken away here: the blocker has already activated them once, so they are given back here too. */
  const taken = new WeakSet<Element>();
  /** The site cancelled the event: it draws its own placeholder. */
  const drawnBySite = new WeakSet<Element>();
  let focusAfter: Element | undefined;

  const needs = (element: Element) => categoriesOf(element).filter((name) => !consent.allowed(name));

  /** Gives the element (and what is blocked inside it) its address now, through the blocker. */
  const give = (element: Element) =>
    withInner(element)
      .filter(isBlocked)
      .forEach((inner) => activate(inner));

  const detailOf = (element: Element, blocked: boolean): EmbedEventDetail => ({
    blocked,
    categories: blocked ? needs(element) : [],
    load: () => {
      if (!waiting.has(element)) return;
      give(element);
      // Refused by the blocker (a javascript: address, say): it stays blocked, and the blocker said why.
      if (isBlocked(element)) return;
      once.add(element);
      focusAfter = element;
      update([element]);
    },
    accept: () => {
      focusAfter = element;
      const granted: Record<string, boolean> = {};
      for (const name of needs(element)) if (known.has(name)) granted[name] = true;
      // The choice applies at once (onApply below loads what it allows); the promise follows the cookie write.
      const saved = consent.save(granted, { source: 'placeholder' });
      focusAfter = undefined;
      return saved;
    },
  });

  /** Tells the page; says whether the built-in placeholder should draw (the site did not cancel). */
  const tell = (element: Element, detail: EmbedEventDetail) =>
    element.dispatchEvent(new CustomEvent('biscuit:embed', { bubbles: true, cancelable: true, detail }));

  function update(elements: Iterable<Element>) {
    const draw: { element: Element; detail: EmbedEventDetail }[] = [];
    for (const element of elements) {
      if (!element.isConnected) continue;
      const missing = needs(element);
      if (!missing.length || once.has(element)) {
        if (taken.has(element) || once.has(element)) give(element);
        if (waiting.delete(element)) {
          tell(element, detailOf(element, false));
          if (!drawnBySite.has(element)) drawer?.hide(element, element == focusAfter);
        }
        continue;
      }
      const key = missing.join(' ');
      if (waiting.get(element) == key) {
        // Moved by the page: the placeholder follows.
        if (drawer && !drawnBySite.has(element)) draw.push({ element, detail: detailOf(element, true) });
        continue;
      }
      waiting.set(element, key);
      if (unload(element)) taken.add(element);
      const detail = detailOf(element, true);
      if (tell(element, detail)) {
        drawnBySite.delete(element);
        draw.push({ element, detail });
      } else if (!drawnBySite.has(element)) {
        drawnBySite.add(element);
        drawer?.hide(element, false);
      }
    }
    if (draw.length) drawer?.show(draw);
    focusAfter = undefined;
  }

  const offApply = onApply((record) => {
    // A choice that refuses what an element needs ends its one-off load; a placeholder's "accept" refuses nothing.
    if (record.decided && record.source != 'placeholder') managed.forEach((element) => needs(element).length && once.delete(element));
    update(managed);
  });

  return {
    add(elements) {
      elements.forEach((element) => managed.add(element));
      update(elements);
    },
    remove(elements) {
      for (const element of elements) {
        managed.delete(element);
        if (waiting.delete(element)) drawer?.hide(element, false);
      }
    },
    destroy() {
      offApply();
      drawer?.destroy();
      managed.clear();
      waiting.clear();
    },
  };
}

/** The chunk's entry in the headless build: events only, no placeholders drawn. */
export const startEmbeds: StartEmbeds = (consent, onApply, activate) => createEmbeds(consent, onApply, { activate });
