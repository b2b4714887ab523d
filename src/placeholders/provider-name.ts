/**
 * Well-known embed hosts, by host name without `www.`, and the name visitors
 * know them by. Google Maps shares google.com with everything else Google
 * serves, so it also needs its path.
 */
const KNOWN: readonly [RegExp, string][] = [
  [/^((m\.)?youtube(-nocookie)?\.com|youtu\.be)$/, 'YouTube'],
  [/^(player\.)?vimeo\.com$/, 'Vimeo'],
  [/^(maps\.google\.(com?\.)?[a-z]{2,3}|google\.(com?\.)?[a-z]{2,3}\/maps(\/.*)?)$/, 'Google Maps'],
];

/**
 * Who serves an embed, in words for the visitor: `data-consent-provider` when
 * the site gave one, else a known name for its address (YouTube, Vimeo,
 * Google Maps), else the host name of its `data-src` without `www.`
 * (`www.example.org` → `example.org`). Internationalised host names stay in
 * their `xn--` form, so a look-alike cannot pass for another site. Relative
 * addresses count from `base`; anything but http(s) has no provider (an
 * empty string).
 */
export function providerName(element: Element, base: string): string {
  const given = (element.getAttribute('data-consent-provider') || '').trim();
  if (given) return given;
  const address = element.getAttribute('data-src') || element.getAttribute('src');
  if (!address) return '';
  let url: URL;
  try {
    url = new URL(address, base);
  } catch {
    return '';
  }
  if (!/^https?:$/.test(url.protocol)) return '';
  const host = url.hostname.replace(/^www\./, '');
  const known = KNOWN.find(([pattern]) => pattern.test(host) || pattern.test(host + url.pathname));
  return known ? known[1] : host;
}
