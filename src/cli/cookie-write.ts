/**
 * Reads one cookie write, as a `Set-Cookie` header or a `document.cookie`
 * assignment: the name, the Domain attribute, whether it deletes the cookie
 * and how long it was asked to last. Chromium caps a stored cookie at 400
 * days, so the lifetime a site asked for is only visible here.
 */

/** One cookie write. */
export interface CookieWrite {
  readonly name: string;
  /** The Domain attribute, lower case, without its leading dot. */
  readonly domain?: string;
  /** An expiry in the past or a Max-Age of zero or less: the write deletes the cookie. */
  readonly deletion: boolean;
  /** Seconds from `now`, or `session` without Max-Age or Expires. */
  readonly lifetime: number | 'session';
}

/** Parses `text`; undefined for a write without a name (which browsers store, but nothing can declare). */
export function parseCookieWrite(text: string, now: number): CookieWrite | undefined {
  const [pair = '', ...attributes] = text.split(';');
  const equals = pair.indexOf('=');
  const name = (equals < 0 ? '' : pair.slice(0, equals)).trim();
  if (!name) return undefined;
  let domain: string | undefined;
  let maxAge: number | undefined;
  let expires: number | undefined;
  for (const attribute of attributes) {
    const at = attribute.indexOf('=');
    const key = (at < 0 ? attribute : attribute.slice(0, at)).trim().toLowerCase();
    const value = at < 0 ? '' : attribute.slice(at + 1).trim();
    if (key == 'domain' && value) domain = value.toLowerCase().replace(/^\./, '');
    // RFC 6265: Max-Age is an optional minus sign and digits; anything else is ignored.
    else if (key == 'max-age' && /^-?\d+$/.test(value)) maxAge = Number(value);
    else if (key == 'expires' && !Number.isNaN(Date.parse(value))) expires = Date.parse(value);
  }
  // Max-Age wins over Expires.
  const lifetime = maxAge !== undefined ? maxAge : expires !== undefined ? Math.round((expires - now) / 1000) : 'session';
  return { name, ...(domain && { domain }), deletion: lifetime != 'session' && lifetime <= 0, lifetime };
}
