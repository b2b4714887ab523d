// Starts a consent instance with the real UI loader in jsdom, and cleans up after each test.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';
import { resolveConfig, type ConsentConfig } from '../../src/core/config';
import type { ConsentStorage } from '../../src/core/consent-storage';
import { createStore } from '../../src/core/store';
import type { Consent } from '../../src/core/consent';
import { createDomWatcher } from '../../src/dom/watcher';
import { createMemoryStorage } from '../../src/storage/memory';
import { uiLoader, type LoadUiChunk, type UiChunks } from '../../src/ui/loader';
import { writeChoice } from '../../src/storage/write-choice';

// What styles.css imports (jsdom does not follow @import).
const STYLES = ['banner.css', 'dialog.css', 'placeholder.css'].map((file) => readFileSync(resolve(__dirname, '../../src/ui', file), 'utf8')).join('\n');
const started: Consent[] = [];

/** Options of `startConsent`. */
export interface StartOptions {
  storage?: ConsentStorage;
  gpc?: boolean;
  /** Loads a piece of the UI (`banner` or `dialog`); the real chunks by default. */
  load?: LoadUiChunk;
}

const CHUNKS: { readonly [K in keyof UiChunks]: () => Promise<UiChunks[K]> } = {
  banner: () => import('../../src/ui/view'),
  dialog: () => import('../../src/ui/dialog'),
};

/** The real chunks, as the npm build loads them. */
export const loadChunk: LoadUiChunk = (name) => CHUNKS[name]();

/** A consent instance with the UI; `load` is the spy that loads its chunks. */
export function startConsent(config: ConsentConfig = {}, { storage = createMemoryStorage(), gpc = false, load: loadPiece = loadChunk }: StartOptions = {}) {
  const load = vi.fn(loadPiece);
  const ui = uiLoader(load as LoadUiChunk)({ watcher: createDomWatcher(), prepareSave: () => {} });
  const consent = createStore({ config: resolveConfig(config), storage, write: writeChoice, gpc, plugins: [ui] });
  started.push(consent);
  return { consent, load, storage };
}

/** A storage whose writes throw (cookies disabled) until `state.fixed` is set. */
export function brokenStorage(initial?: string) {
  const inner = createMemoryStorage(initial);
  const state = { fixed: false };
  const storage: ConsentStorage = {
    read: () => inner.read(),
    write: (value) => {
      if (!state.fixed) throw new Error('SecurityError: cookies are disabled');
      inner.write(value);
    },
    remove: () => inner.remove(),
  };
  return { storage, state };
}

/** The stored value of a visitor who accepted everything at revision 0 (written by the real store). */
export async function decidedStorage(config: ConsentConfig = {}, choose: (consent: Consent) => Promise<unknown> = (consent) => consent.acceptAll()) {
  const storage = createMemoryStorage();
  await choose(createStore({ config: resolveConfig(config), storage, write: writeChoice }));
  return storage;
}

/** Puts the real stylesheet in the page, as a site that imports style.css would. */
export function addStyles() {
  const style = document.createElement('style');
  style.textContent = STYLES;
  document.head.append(style);
}

beforeEach(() => {
  addStyles();
});

afterEach(() => {
  started.splice(0).forEach((consent) => consent.destroy());
  document.head.replaceChildren();
  document.body.replaceChildren();
  for (const name of Array.from(document.documentElement.attributes, (attribute) => attribute.name)) {
    document.documentElement.removeAttribute(name);
  }
  vi.restoreAllMocks();
});
