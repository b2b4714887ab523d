import type { StorageKind } from '../core/config';
import { cookiePairs } from '../core/cookie-header';
import { namePattern } from '../core/name-pattern';
import type { ConsentRecord } from '../core/record';
import type { ConsentPlugin } from '../core/plugin';

/** Something a refused category declared that is there to delete: where it is kept, and its name. */
type Leftover = readonly [kind: StorageKind, name: string];

/**
 * Deletes the cookies and web-storage keys of every category that is not
 * granted: on load (a returning visitor, or one asked again after a revision
 * change) and after every change (a refusal, a withdrawal, an objection). Only
 * what exists is deleted, and the deleting code (`removeLeftovers`, in the
 * writer chunk) is loaded only when something does; the deleting waits for a
 * task of its own, so the page answers the visitor's click first. With
 * `reloadOnWithdraw`, withdrawing a granted category then reloads the page,
 * since scripts that already ran cannot be unloaded.
 */
export function cookieCleanup(load: () => Promise<{ removeLeftovers(leftovers: readonly Leftover[]): void }>): ConsentPlugin {
  return (consent) => {
    const { categories, cookie, reloadOnWithdraw } = consent.config;
    const clean = (record: ConsentRecord, previous?: ConsentRecord) => {
      const refused = categories.filter(({ name }) => !record.categories[name]);
      const entries = refused.flatMap((category) => category.cookies);
      const withdrawn = reloadOnWithdraw && previous && refused.some(({ name }) => previous.categories[name]);
      const leftovers: Leftover[] = [];
      for (const kind of ['cookie', 'localStorage', 'sessionStorage'] as const) {
        const tests = entries.filter(({ storage }) => storage == kind).map(({ name }) => namePattern(name));
        // Reading what is there costs (document.cookie is a round trip to the browser
        // process), so only for a kind some entry names. Where site data is blocked (a
        // sandboxed frame, say), reading throws: then there is nothing to delete.
        if (tests.length) {
          try {
            const storage = kind == 'cookie' ? undefined : window[kind];
            const names = storage
              ? Array.from({ length: storage.length }, (_, i) => storage.key(i)!)
              : cookiePairs(document.cookie).map(([name]) => (name == cookie.name ? '' : name));
            for (const name of names) if (name && tests.some((test) => test.test(name))) leftovers.push([kind, name]);
          } catch {
            // Blocked: see above.
          }
        }
      }
      (leftovers.length ? load().then((writer) => new Promise((done) => setTimeout(() => done(writer.removeLeftovers(leftovers))))) : Promise.resolve()).then(
        () => withdrawn && location.reload(),
      );
    };
    clean(consent.get());
    return consent.on('change', clean);
  };
}
