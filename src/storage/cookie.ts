import Cookies from 'js-cookie';
import type { CookiePattern, ResolvedConfig } from '../core/config';

/** Where the consent cookie lives: the `cookie` part of a resolved config. */
export type CookieOptions = ResolvedConfig['cookie'];

// Writing and removing use the same attributes, since a cookie is only
// replaced or deleted by one that matches its name, domain and path.
const attributes = (options: CookieOptions) => ({
  path: options.path,
  domain: options.domain,
  expires: options.expiresDays,
  sameSite: options.sameSite,
  secure: options.secure ?? location.protocol == 'https:',
});

/** Writes the consent cookie. */
export function writeCookie(options: CookieOptions, value: string): void {
  Cookies.set(options.name, value, attributes(options));
}

/** Deletes the consent cookie. */
export function removeCookie(options: CookieOptions): void {
  Cookies.remove(options.name, attributes(options));
}

/** `"_ga*"` matches `_ga` and `_ga_ABC123`; a RegExp matches by `test`. */
const matcher = (pattern: CookiePattern) =>
  typeof pattern == 'string'
    ? new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`)
    : new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));

/**
 * Deletes every cookie whose name matches one of `patterns`, except `keep`.
 * A cookie is deleted only by the domain and path it was set with, and scripts
 * set them on the host or a parent domain and on the page's path or one above
 * it, so this deletes with every such combination.
 */
export function removeCookies(patterns: readonly CookiePattern[], keep: string): void {
  const tests = patterns.map(matcher);
  const names = Object.keys(Cookies.get()).filter((name) => name != keep && tests.some((test) => test.test(name)));
  const host = location.hostname;
  const parts = host.split('.');
  // Host-only first, then the host and each parent domain (not for an IP address).
  const domains: (string | undefined)[] = [undefined];
  if (!/^[\d.]+$|:/.test(host)) for (let i = 0; i < parts.length - 1; i++) domains.push(parts.slice(i).join('.'));
  const paths = ['/'];
  let path = '';
  for (const segment of location.pathname.split('/')) if (segment) paths.push((path += `/${segment}`), `${path}/`);
  for (const name of names) for (const domain of domains) for (const path of paths) Cookies.remove(name, { domain, path });
}
