/**
 * The one reading of a `Cookie` header (or `document.cookie`, which has the
 * same form), shared by the browser, the server and the clean-up, so they
 * never disagree about a cookie. Values are taken exactly as sent: browsers
 * neither percent-decode, unquote nor trim them, so neither does this.
 */

/** Every cookie in `header`, in order, duplicates included: `[name, value]`. A cookie without `=` has an empty name. */
export const cookiePairs = (header: string): [name: string, value: string][] =>
  header.split(/; */).map((pair) => {
    const at = pair.indexOf('=');
    return at < 0 ? ['', pair] : [pair.slice(0, at), pair.slice(at + 1)];
  });

/**
 * The value of cookie `name`, or `undefined` when there is none, or when
 * several cookies of that name (set for another domain or path, e.g. by a
 * sibling subdomain) disagree: no one value can be trusted then.
 */
export function readCookie(header: string, name: string): string | undefined {
  const values = cookiePairs(header)
    .filter(([key]) => key == name)
    .map(([, value]) => value);
  return values.every((value) => value == values[0]) ? values[0] : undefined;
}
