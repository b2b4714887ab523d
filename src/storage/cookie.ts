import Cookies from 'js-cookie';
import { grantsSome } from '../core/codec';
import type { ResolvedConfig } from '../core/config';
import { cookiePairs } from '../core/cookie-header';

/** Where the consent cookie lives: the `cookie` part of a resolved config. */
export type CookieOptions = ResolvedConfig['cookie'];

/**
 * Sets (or, with `days` -1, deletes) a cookie through js-cookie. js-cookie
 * copies attributes with for…in, so enumerable members a page added to
 * Object.prototype (as old libraries did) would become cookie attributes and
 * break the write; each is shadowed with an own, empty attribute, which it
 * skips. (Cookies.remove cannot be used: it adds one object of its own.)
 * Browsers take a `__Host-` or `__Secure-` cookie, even a deletion, only with
 * `Secure`.
 */
function put(name: string, value: string, days: number, path: string, domain: string | undefined, sameSite?: string, secure?: boolean) {
  const attributes: Record<string, unknown> = { path, domain, expires: days, sameSite, secure: secure || /^__(host|secure)-/i.test(name) };
  for (const key in attributes) if (!Object.prototype.hasOwnProperty.call(attributes, key)) attributes[key] = undefined;
  Cookies.set(name, value, attributes);
}

/** How many cookies called `name` the page sees (several, when another domain or path set one too). */
const copies = (name: string) => cookiePairs(document.cookie).filter(([key]) => key == name).length;

// Writing and removing use the same attributes, since a cookie is only
// replaced or deleted by one that matches its name, domain and path.
const write = (options: CookieOptions, value: string, days: number) =>
  put(options.name, value, days, options.path, options.domain, options.sameSite, options.secure ?? location.protocol == 'https:');

/**
 * Writes the consent cookie, kept as long as `cookie.expiresDays` says for
 * what it grants. A copy of it set for another domain or path (by a sibling
 * subdomain, say) would make the choice unreadable, so every copy this page
 * can reach is deleted and the cookie written again.
 */
export function writeCookie(options: CookieOptions, value: string): void {
  const days = options.expiresDays[grantsSome(value) ? 'granted' : 'refused'];
  write(options, value, days);
  if (copies(options.name) > 1) {
    removeCookies([options.name]);
    write(options, value, days);
  }
}

/** Deletes the consent cookie, and every copy of it the page can reach, so none answers in its place. */
export function removeCookie(options: CookieOptions): void {
  write(options, '', -1);
  removeCookies([options.name]);
}

/**
 * Path prefixes tried beyond `/`. A cookie is only deleted with the path it
 * was set with; this bounds the work on a URL with thousands of segments.
 */
const MAX_SEGMENTS = 32;

/**
 * Deletes the cookies called `names`. A cookie is deleted only with the domain
 * and path it was set with, which the page cannot read: scripts set them on
 * the host or a parent domain, on `/` (nearly always) or a path above the
 * page. So this deletes on every such domain, path by path from `/` down, and
 * stops as soon as none of `names` is left: usually after `/`.
 */
export function removeCookies(names: readonly string[]): void {
  const host = location.hostname;
  const parts = host.split('.');
  // Host-only first, then the host and each parent domain (not for an IP address).
  const domains: (string | undefined)[] = [undefined];
  if (!/^[\d.]+$|:/.test(host)) for (let i = 0; i < parts.length - 1; i++) domains.push(parts.slice(i).join('.'));
  const paths = ['/'];
  let path = '';
  for (const segment of location.pathname.split('/').filter(Boolean).slice(0, MAX_SEGMENTS)) paths.push((path += `/${segment}`), `${path}/`);
  for (const path of paths) {
    const left = new Set(
      cookiePairs(document.cookie)
        .map(([name]) => name)
        .filter((name) => names.includes(name)),
    );
    if (!left.size) return;
    for (const name of left) for (const domain of domains) put(name, '', -1, path, domain);
  }
}
