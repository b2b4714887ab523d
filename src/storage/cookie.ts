import Cookies from 'js-cookie';
import type { CookiePattern, ResolvedConfig } from '../core/config';

/** Where the consent cookie lives: the `cookie` part of a resolved config. */
export type CookieOptions = ResolvedConfig['cookie'];

/**
 * Sets (or, with `days` -1, deletes) a cookie through js-cookie. js-cookie
 * copies attributes with for…in, so enumerable members a page added to
 * Object.prototype (as old libraries did) would become cookie attributes and
 * break the write; each is shadowed with an own, empty attribute, which it
 * skips. (Cookies.remove cannot be used: it adds one object of its own.)
 */
function put(name: string, value: string, days: number, path: string, domain: string | undefined, sameSite?: string, secure?: boolean) {
  const attributes: Record<string, unknown> = { path, domain, expires: days, sameSite, secure };
  for (const key in attributes) if (!Object.prototype.hasOwnProperty.call(attributes, key)) attributes[key] = undefined;
  Cookies.set(name, value, attributes);
}

// Writing and removing use the same attributes, since a cookie is only
// replaced or deleted by one that matches its name, domain and path.
const write = (options: CookieOptions, value: string, days: number) =>
  put(options.name, value, days, options.path, options.domain, options.sameSite, options.secure ?? location.protocol == 'https:');

/** Writes the consent cookie. */
export function writeCookie(options: CookieOptions, value: string): void {
  write(options, value, options.expiresDays);
}

/** Deletes the consent cookie. */
export function removeCookie(options: CookieOptions): void {
  write(options, '', -1);
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
  for (const name of names) for (const domain of domains) for (const path of paths) put(name, '', -1, path, domain);
}
