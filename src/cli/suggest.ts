/**
 * `--suggest`: config entries for everything a scan found that the site's
 * config does not declare, grouped by category, in the declaration form
 * `{ name, provider, purpose, expires, storage? }`. A name the table of
 * well-known cookies knows is suggested as the table's pattern (`_ga_*`), so
 * one entry covers every property's cookie. What the table does not know has
 * no category to go in: it is listed apart, for the site owner to place.
 */
import type { Finding } from './findings';
import type { StorageKind } from './known-cookies';
import type { JudgedPhase } from './verdict';

/** A suggested `categories.<name>.cookies` entry. */
export interface SuggestedEntry {
  readonly name: string;
  readonly provider: string;
  readonly purpose: string;
  readonly expires: string;
  readonly storage?: Exclude<StorageKind, 'cookie'>;
}

/** Something undeclared that no table entry classifies. */
export interface UnknownFinding {
  readonly kind: StorageKind;
  readonly name: string;
  readonly domain: string;
  readonly thirdParty: boolean;
  readonly page: string;
  readonly expires: string;
}

/** The suggestions of a scan. */
export interface Suggestions {
  /** Ready to merge into the config's `categories`. */
  readonly categories: Readonly<Record<string, { readonly cookies: readonly SuggestedEntry[] }>>;
  readonly unknown: readonly UnknownFinding[];
}

const CATEGORY_ORDER = ['essential', 'preferences', 'analytics', 'marketing'];

const plural = (count: number, unit: string) => `${count} ${unit}${count == 1 ? '' : 's'}`;

/**
 * A lifetime in words, as a visitor would read it in a cookie table:
 * `Session`, `Until cleared` (localStorage), `30 minutes`, `24 hours`,
 * `90 days`, `13 months`, `2 years`.
 */
export function formatLifetime(lifetime: number | 'session' | 'persistent'): string {
  if (lifetime == 'session') return 'Session';
  if (lifetime == 'persistent') return 'Until cleared';
  const seconds = Math.max(0, lifetime);
  if (seconds < 60) return plural(Math.round(seconds), 'second');
  if (seconds < 3600) return plural(Math.round(seconds / 60), 'minute');
  if (seconds < 48 * 3600) return plural(Math.round(seconds / 3600), 'hour');
  const days = seconds / 86400;
  if (days < 100) return plural(Math.round(days), 'day');
  const years = days / 365;
  if (Math.round(years) >= 1 && Math.abs(years - Math.round(years)) < 0.05) return plural(Math.round(years), 'year');
  const months = days / 30.44;
  return months < 24 ? plural(Math.round(months), 'month') : plural(Math.round(years), 'year');
}

/** Suggestions for every undeclared finding of the judged phases, first seen first. */
export function suggest(phases: readonly JudgedPhase[]): Suggestions {
  const categories: Record<string, SuggestedEntry[]> = {};
  const unknown: UnknownFinding[] = [];
  const seen = new Set<string>();
  const findings: Finding[] = phases.flatMap((phase) => phase.findings.filter((finding) => !finding.declared && finding.basis != 'consent-cookie'));
  for (const finding of findings) {
    const expires = formatLifetime(finding.lifetime);
    if (finding.basis == 'known' && finding.category) {
      const key = `${finding.category}|${finding.kind}|${finding.pattern}`;
      if (seen.has(key)) continue;
      seen.add(key);
      (categories[finding.category] ??= []).push({
        name: finding.pattern!,
        provider: finding.provider!,
        purpose: finding.purpose!,
        expires,
        ...(finding.kind != 'cookie' && { storage: finding.kind }),
      });
    } else {
      const key = `unknown|${finding.kind}|${finding.name}|${finding.domain}`;
      if (seen.has(key)) continue;
      seen.add(key);
      unknown.push({ kind: finding.kind, name: finding.name, domain: finding.domain, thirdParty: finding.thirdParty, page: finding.page, expires });
    }
  }
  const order = (name: string) => (CATEGORY_ORDER.includes(name) ? CATEGORY_ORDER.indexOf(name) : CATEGORY_ORDER.length);
  const sorted = Object.keys(categories).sort((a, b) => order(a) - order(b));
  return { categories: Object.fromEntries(sorted.map((name) => [name, { cookies: categories[name]! }])), unknown };
}
