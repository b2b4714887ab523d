/**
 * First party or third party: whether a cookie's domain or a storage origin
 * belongs to the scanned site. Without a copy of the Public Suffix List, the
 * site is the host's last two labels, or three under the usual two-part
 * country suffixes (`example.co.uk`, `council.gov.uk`), which covers UK and
 * EU sites; IP addresses and single-label hosts stand for themselves.
 */

// Second-level labels that, under a two-letter country code, are public suffixes.
const SECOND_LEVEL = /^(ac|co|com|edu|gov|govt|ltd|me|mod|net|nhs|nic|org|plc|police|sch|gob|gv|or|ne|go)$/;

/** The registrable part of a host: `www.example.co.uk` → `example.co.uk`. */
export function siteOf(host: string): string {
  const name = host.toLowerCase().replace(/^\./, '').replace(/\.$/, '');
  if (/^[\d.]+$/.test(name) || name.includes(':') || !name.includes('.')) return name;
  const labels = name.split('.');
  const keep = labels.length > 2 && labels.at(-1)!.length == 2 && SECOND_LEVEL.test(labels.at(-2)!) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** Whether `host` is `domain` or one of its subdomains (a leading dot on `domain` is ignored). */
export function withinDomain(host: string, domain: string): boolean {
  const bare = domain.toLowerCase().replace(/^\./, '');
  const name = host.toLowerCase();
  return name == bare || name.endsWith(`.${bare}`);
}

/** Whether a cookie domain or storage host belongs to a different site from `siteHost`. */
export function isThirdParty(host: string, siteHost: string): boolean {
  return siteOf(host) != siteOf(siteHost);
}
