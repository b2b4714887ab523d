import { readCookie } from '../core/cookie-header';
import type { ConsentStorage } from '../core/consent-storage';
import type { CookieOptions } from './cookie';

type Writer = Pick<typeof import('./cookie'), 'writeCookie' | 'removeCookie'>;

/**
 * Keeps the consent record in a first-party cookie. Reading is a few bytes of
 * code every visitor runs; writing goes through js-cookie in `./cookie`, which
 * `writer` loads only when a choice is made. Once it is loaded, `writer`
 * returns it directly, so a choice reaches the cookie (and the blocked scripts)
 * in the same task as the click.
 */
export function createCookieStorage(options: CookieOptions, writer: () => Writer | Promise<Writer>): ConsentStorage {
  const withWriter = (use: (loaded: Writer) => void) => {
    const loaded = writer();
    return loaded instanceof Promise ? loaded.then(use) : use(loaded);
  };
  return {
    // Duplicates that disagree (one planted by a sibling subdomain or for a
    // deeper path) read as no decision; a save removes them (./cookie).
    read: () => readCookie(document.cookie, options.name),
    write: (value) => withWriter((loaded) => loaded.writeCookie(options, value)),
    remove: () => withWriter((loaded) => loaded.removeCookie(options)),
  };
}
