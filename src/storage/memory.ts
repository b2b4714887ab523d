import type { ConsentStorage } from '../core/consent-storage';

/** Keeps the consent record in a variable: for tests, previews and server rendering. */
export function createMemoryStorage(initial?: string): ConsentStorage {
  let value = initial;
  return {
    read: () => value,
    write: (next) => {
      value = next;
    },
    remove: () => {
      value = undefined;
    },
  };
}
