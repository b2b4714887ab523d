import type { ResolvedCookie } from '../core/config';
import { cookiePairs } from '../core/cookie-header';
import { namePattern } from '../core/name-pattern';
import type { ConsentRecord } from '../core/record';
import type { ConsentPlugin } from '../core/plugin';

/** The deleting code, in the writer chunk. */
export interface Cleaner {
  removeCookies(names: readonly string[]): void;
  removeStorageItems(kind: 'localStorage' | 'sessionStorage', keys: readonly string[]): void;
}

/**
 * Deletes the cookies and web-storage keys of every category that is not
 * granted: on load (a returning visitor, or one asked again after a revision
 * change) and after every change (a refusal, a withdrawal, an objection). Only
 * what exists is deleted, and the deleting code is loaded only when something
 * does; the deleting waits for a task of its own, so the page answers the
 * visitor's click first. With `reloadOnWithdraw`, withdrawing a granted
 * category then reloads the page, since scripts that already ran cannot be
 * unloaded.
 */
export function cookieCleanup(load: () => Promise<Cleaner>): ConsentPlugin {
  return (consent) => {
    const { categories, cookie, reloadOnWithdraw } = consent.config;
    const clean = (record: ConsentRecord, previous?: ConsentRecord) => {
      const refused = categories.filter(({ name }) => !record.categories[name]);
      const entries = refused.flatMap((category) => category.cookies);
      const withdrawn = reloadOnWithdraw && previous && refused.some(({ name }) => previous.categories[name]);
      // What `kind` holds that a refused entry declares. Reading it costs (document.cookie
      // is a round trip to the browser process), so only when an entry names that kind.
      // Where site data is blocked (a sandboxed frame, say), reading throws: nothing to delete.
      const declared = (kind: ResolvedCookie['storage'], present: () => (string | null)[]) => {
        const tests = entries.filter(({ storage }) => storage == kind).map(({ name }) => namePattern(name));
        try {
          return tests.length ? (present().filter((name) => name && tests.some((test) => test.test(name))) as string[]) : [];
        } catch {
          return [];
        }
      };
      const cookies = declared('cookie', () => cookiePairs(document.cookie).map(([name]) => (name == cookie.name ? '' : name)));
      const stored = (['localStorage', 'sessionStorage'] as const).map(
        (kind) =>
          [
            kind,
            declared(kind, () => {
              const storage = window[kind];
              return Array.from({ length: storage.length }, (_, i) => storage.key(i));
            }),
          ] as const,
      );
      (cookies.length || stored.some(([, keys]) => keys.length)
        ? load().then(
            (writer) =>
              new Promise((done) =>
                setTimeout(() => {
                  writer.removeCookies(cookies);
                  for (const [kind, keys] of stored) writer.removeStorageItems(kind, keys);
                  done(undefined);
                }),
              ),
          )
        : Promise.resolve()
      ).then(() => withdrawn && location.reload());
    };
    clean(consent.get());
    return consent.on('change', clean);
  };
}
