// Starts a consent instance with the blocker and the placeholder finder on a jsdom page, and cleans up after each test.
import { afterEach, vi } from 'vitest';
import { blocker } from '../../src/blocker';
import { resolveConfig, type ConsentConfig } from '../../src/core/config';
import type { Consent } from '../../src/core/consent';
import type { ConsentStorage } from '../../src/core/consent-storage';
import type { ConsentRecord } from '../../src/core/record';
import { createStore } from '../../src/core/store';
import { createDomWatcher } from '../../src/dom/watcher';
import { placeholderFinder, type StartEmbeds } from '../../src/placeholders/finder';
import { createMemoryStorage } from '../../src/storage/memory';
import { writeChoice } from '../../src/storage/write-choice';
// Also registers its hooks: the real stylesheet in the page, and a clean page after each test.
import '../ui/start-consent';

const started: Consent[] = [];

export const CONFIG: ConsentConfig = { categories: { analytics: {}, marketing: {} } };

/** Options of `startPage`. */
export interface PageOptions {
  config?: ConsentConfig;
  storage?: ConsentStorage;
  /** Sends each saved record to the consent log, as the composition does for a `consentLog` config. */
  log?: (record: ConsentRecord) => Promise<void>;
  /** Loads the chunk; the UI's (with placeholders) by default. */
  load?: () => Promise<{ startEmbeds: StartEmbeds }>;
}

/** `html` in the page's body, then a consent instance; `load` is the spy that loads the chunk. */
export function startPage(
  html: string,
  { config = CONFIG, storage = createMemoryStorage(), log, load: loadChunk = () => import('../../src/placeholders/placeholder') }: PageOptions = {},
) {
  document.body.innerHTML = html;
  const load = vi.fn(loadChunk);
  const watcher = createDomWatcher();
  const consent = createStore({
    config: resolveConfig(config),
    storage,
    write: writeChoice,
    log,
    plugins: [blocker({ watcher }), placeholderFinder({ watcher, load })],
  });
  started.push(consent);
  return { consent, load, storage };
}

/** Lets the chunk load and the watcher's mutation records arrive. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

afterEach(() => {
  started.splice(0).forEach((consent) => consent.destroy());
});
