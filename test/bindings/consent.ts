// A consent instance for binding tests: the real store on a memory storage,
// with no DOM plugins, so each test controls every change itself.
import { resolveConfig, type ConsentConfig } from '../../src/core/config';
import type { ConsentStorage } from '../../src/core/consent-storage';
import { createStore } from '../../src/core/store';
import { createMemoryStorage } from '../../src/storage/memory';
import { writeChoice } from '../../src/storage/write-choice';

/** The store, on `storage` (shared between calls, it plays two tabs of one site). */
export function testConsent(config: ConsentConfig = {}, storage: ConsentStorage = createMemoryStorage()) {
  return createStore({ config: resolveConfig(config), storage, write: writeChoice });
}

/** The `act` of a Testing Library (React's or Preact's): it flushes a synchronous callback at once. */
export interface Act {
  (callback: () => Promise<void>): Promise<unknown>;
  (callback: () => void): unknown;
}

/** Runs `work` (a choice, a reset …) inside `act`, so the framework has re-rendered when it settles. */
export async function settle(act: Act, work: () => Promise<unknown>): Promise<void> {
  await act(async () => {
    await work();
  });
}
