import type { ConsentRecord } from '../core/record';
import type { ConsentPlugin } from '../core/plugin';

/**
 * Deletes the cookies of every category that is not granted: on load (a
 * returning visitor, or one asked again after a revision change) and after
 * every change. The deleting code (`removeCookies`) is loaded only when some
 * cookie besides the consent cookie exists. With `reloadOnWithdraw`,
 * withdrawing a granted category then reloads the page, since scripts that
 * already ran cannot be unloaded.
 */
export function cookieCleanup(load: () => Promise<{ removeCookies(patterns: readonly (string | RegExp)[], keep: string): void }>): ConsentPlugin {
  return (consent) => {
    const { categories, cookie, reloadOnWithdraw } = consent.config;
    const clean = (record: ConsentRecord, previous?: ConsentRecord) => {
      const refused = categories.filter(({ name }) => !record.categories[name]);
      const patterns = refused.flatMap((category) => category.cookies);
      const withdrawn = reloadOnWithdraw && previous && refused.some(({ name }) => previous.categories[name]);
      // Reading document.cookie costs a round trip to the browser process, so only when there are patterns.
      const others = patterns.length > 0 && document.cookie.split(/; */).some((pair) => pair && pair.split('=')[0] != cookie.name);
      (others ? load().then((writer) => writer.removeCookies(patterns, cookie.name)) : Promise.resolve()).then(
        () => withdrawn && location.reload(),
      );
    };
    clean(consent.get());
    return consent.on('change', clean);
  };
}
