import type { CookiePattern } from '../core/config';
import { cookiePairs } from '../core/cookie-header';
import type { ConsentRecord } from '../core/record';
import type { ConsentPlugin } from '../core/plugin';

/** `"_ga*"` matches `_ga` and `_ga_ABC123`; a RegExp matches by `test` (without `g` or `y`, which would make it stateful). */
const matcher = (pattern: CookiePattern) =>
  typeof pattern == 'string'
    ? new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`)
    : new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));

/**
 * Deletes the cookies of every category that is not granted: on load (a
 * returning visitor, or one asked again after a revision change) and after
 * every change. Only cookies that exist are deleted, and the deleting code
 * (`removeCookies`) is loaded only when there is one; the deleting waits for a
 * task of its own, so the page answers the visitor's click first. With
 * `reloadOnWithdraw`, withdrawing a granted category then reloads the page,
 * since scripts that already ran cannot be unloaded.
 */
export function cookieCleanup(load: () => Promise<{ removeCookies(names: readonly string[]): void }>): ConsentPlugin {
  return (consent) => {
    const { categories, cookie, reloadOnWithdraw } = consent.config;
    const clean = (record: ConsentRecord, previous?: ConsentRecord) => {
      const refused = categories.filter(({ name }) => !record.categories[name]);
      const tests = refused.flatMap((category) => category.cookies.map(matcher));
      const withdrawn = reloadOnWithdraw && previous && refused.some(({ name }) => previous.categories[name]);
      // Reading document.cookie costs a round trip to the browser process, so only when there are patterns.
      const names = tests.length
        ? cookiePairs(document.cookie)
            .map(([name]) => name)
            .filter((name) => name && name != cookie.name && tests.some((test) => test.test(name)))
        : [];
      (names.length
        ? load().then((writer) => new Promise((done) => setTimeout(() => done(writer.removeCookies(names)))))
        : Promise.resolve()
      ).then(() => withdrawn && location.reload());
    };
    clean(consent.get());
    return consent.on('change', clean);
  };
}
