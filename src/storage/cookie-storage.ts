import type { ConsentStorage } from '../core/storage';
import type { CookieOptions } from './cookie';

/**
 * Keeps the consent record in a first-party cookie. Reading is a few bytes of
 * code every visitor runs; writing goes through js-cookie in `./cookie`,
 * loaded (by `load`) only when a choice is made.
 */
export function createCookieStorage(options: CookieOptions, load: () => Promise<typeof import('./cookie')>): ConsentStorage {
  return {
    read() {
      for (const pair of document.cookie.split(/; */)) {
        const at = pair.indexOf('=');
        if (pair.slice(0, at) == options.name) return pair.slice(at + 1);
      }
      return undefined;
    },
    write: async (value) => (await load()).writeCookie(options, value),
    remove: async () => (await load()).removeCookie(options),
  };
}
