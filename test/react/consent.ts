// A consent instance for binding tests: the real store on a memory storage,
// with no DOM plugins, so each test controls every change itself.
import { act } from '@testing-library/react';
import { resolveConfig, type ConsentConfig } from '../../src/core/config';
import type { ConsentStorage } from '../../src/core/storage';
import { createStore } from '../../src/core/store';
import { createMemoryStorage } from '../../src/storage/memory';

/** The store, on `storage` (shared between calls, it plays two tabs of one site). */
export function testConsent(config: ConsentConfig = {}, storage: ConsentStorage = createMemoryStorage()) {
  return createStore({ config: resolveConfig(config), storage });
}

/** Runs `work` (a choice, a reset …) inside `act`, so React has re-rendered when it settles. */
export async function settle(work: () => Promise<unknown>): Promise<void> {
  await act(async () => {
    await work();
  });
}
