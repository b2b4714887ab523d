import Cookies from 'js-cookie';
import type { ResolvedConfig } from '../core/config';
import type { ConsentStorage } from '../core/storage';

/** Where the consent cookie lives: the `cookie` part of a resolved config. */
export type CookieStorageOptions = ResolvedConfig['cookie'];

/**
 * Keeps the consent record in a first-party cookie. Writing and removing use
 * the same attributes, since a cookie is only replaced or deleted by one that
 * matches its name, domain and path.
 */
export function createCookieStorage(options: CookieStorageOptions): ConsentStorage {
  const attributes = () => ({
    path: options.path,
    domain: options.domain,
    expires: options.expiresDays,
    sameSite: options.sameSite,
    secure: options.secure ?? location.protocol == 'https:',
  });
  return {
    read: () => Cookies.get(options.name),
    write: (value) => {
      Cookies.set(options.name, value, attributes());
    },
    remove: () => Cookies.remove(options.name, attributes()),
  };
}
