/**
 * The part of the embed placeholders every visitor runs, so it stays tiny:
 * it finds the blocked elements that get a placeholder and loads the rest
 * (embeds.ts, with placeholder.ts in the builds with a UI) only when one of
 * them is not allowed. A returning visitor who allowed everything, and a page
 * without embeds, download nothing more.
 */
import type { Consent } from '../core/consent';
import type { ConsentPlugin, OnApply } from '../core/plugin';
import { report } from '../core/report';
import type { DomWatcher } from '../dom/watcher';

/** The categories an element's `data-consent` lists. */
export const categoriesOf = (element: Element): string[] => (element.getAttribute('data-consent') || '').split(/[\s,]+/).filter(Boolean);

/**
 * Whether a blocked element gets a placeholder: an `<iframe>` or `<video>`
 * unless `data-consent-placeholder="off"`; any other element (an `<img>`, a
 * `<div>` a widget fills) when it has `data-consent-placeholder`.
 */
export const wantsPlaceholder = (element: Element): boolean => {
  const wanted = element.getAttribute('data-consent-placeholder');
  return wanted == null ? /^(IFRAME|VIDEO)$/.test(element.tagName) : wanted != 'off';
};

/** The loaded part, as the finder drives it. */
export interface Embeds {
  /** Elements found (again): each is drawn, updated or left as its state says. */
  add(elements: Element[]): void;
  /** Elements that left the page. */
  remove(elements: readonly Element[]): void;
  destroy(): void;
}

/** How the loaded part starts: `activate` loads one element now (the blocker's capability). */
export type StartEmbeds = (consent: Consent, onApply: OnApply, activate: (element: Element) => void) => Embeds | Promise<Embeds>;

/** Options of `placeholderFinder`. */
export interface PlaceholderFinderOptions {
  /** The instance's one DOM watcher. */
  watcher: DomWatcher;
  /** Loads the rest: the `placeholders` chunk (the `./core` entry: embeds.ts, events only). */
  load(): Promise<{ startEmbeds: StartEmbeds }>;
}

/**
 * Finds the elements that get a placeholder, through the instance's DOM
 * watcher (late ones included), and loads the rest with `load` the first
 * time one of them is not allowed: when it is found, or when a choice
 * withdraws what it needs. A chunk that cannot be loaded leaves the embeds
 * blocked; the failure is reported once and the next occasion tries again.
 */
export function placeholderFinder({ watcher, load }: PlaceholderFinderOptions): ConsentPlugin {
  return (consent, onApply, _provide, use) => {
    // Found and not yet handed to the loaded part.
    let found: Element[] = [];
    let embeds: Promise<Embeds> | undefined;
    let reported = false;
    // Loads the rest once something is blocked, then hands it what was found.
    const check = () =>
      (embeds || found.some((element) => categoriesOf(element).some((name) => !consent.allowed(name)))) &&
      // The blocker loads "this one" for a placeholder: its rules (URL schemes, nonces) hold for it too.
      (embeds ||= load().then((module) => module.startEmbeds(consent, onApply, use('activate')!))).then(
        (started) => started.add(found.splice(0)),
        (error) => {
          embeds = undefined;
          if (!reported) report(error);
          reported = true;
        },
      );

    const offWatch = watcher.watch({
      selector: '[data-consent]',
      added(elements) {
        // Those that left the page before anything was loaded are forgotten here.
        found = found.filter((element) => element.isConnected).concat(elements.filter(wantsPlaceholder));
        check();
      },
      removed: (elements) =>
        void embeds?.then(
          (started) => started.remove(elements),
          () => {},
        ),
    });
    const offApply = onApply(check);
    return () => {
      offWatch();
      offApply();
      embeds?.then(
        (started) => started.destroy(),
        () => {},
      );
    };
  };
}
