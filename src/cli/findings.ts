/**
 * What a scan finds and how each finding is classified: against the site's
 * own config first, then the table of well-known cookies. The consent cookie
 * is always essential; anything neither declares is unknown, and unknown is
 * never essential.
 */
import { KNOWN_COOKIES, type KnownCookie, type StorageKind } from './known-cookies';
import { namePattern, type SiteConfig } from './site-config';
import { withinDomain } from './sites';

/** The three visitors of a scan. */
export type PhaseName = 'new-visitor' | 'rejected' | 'accepted';

/** What the response or script that set something was. */
export interface SetBy {
  readonly type: 'response' | 'script';
  readonly url: string;
}

/** A cookie or web-storage key seen during one phase. */
export interface Observation {
  readonly kind: StorageKind;
  readonly name: string;
  /** Cookies: the domain as the browser keeps it (`.example.com` for a domain cookie); web storage: the origin's host. */
  readonly domain: string;
  /** Web storage: the origin that owns the key. */
  readonly origin?: string;
  readonly thirdParty: boolean;
  /** Seconds it was set to last; `session` for session cookies and sessionStorage; `persistent` for localStorage. */
  readonly lifetime: number | 'session' | 'persistent';
  /** The page being visited when it first appeared. */
  readonly page: string;
  /** The response (`Set-Cookie`) or script that set it, when Chromium could tell. */
  readonly setBy?: SetBy;
  /** It was written, then removed before the page settled. */
  readonly removed?: boolean;
}

/** Why a finding has its category. */
export type Basis = 'consent-cookie' | 'config' | 'known' | 'unknown';

/** How a finding was classified. */
export interface Classification {
  readonly category: string | undefined;
  /** The site's config names it (the consent cookie counts as declared). */
  readonly declared: boolean;
  readonly essential: boolean;
  /** In a category that is on unless the visitor objects. */
  readonly exempt: boolean;
  readonly basis: Basis;
  /** The config entry or table name that matched. */
  readonly pattern?: string;
  readonly provider?: string;
  readonly purpose?: string;
  /** The lifetime the vendor documents. */
  readonly typicalExpiry?: string;
}

/** An observation with its classification. */
export type Finding = Observation & Classification;

const hostOf = (observation: Pick<Observation, 'domain'>) => observation.domain.replace(/^\./, '');

/** The first table entry for this name, kind and domain. */
export function findKnownCookie(
  observation: Pick<Observation, 'kind' | 'name' | 'domain'>,
  table: readonly KnownCookie[] = KNOWN_COOKIES,
): KnownCookie | undefined {
  return table.find(
    (entry) =>
      (entry.kinds ?? ['cookie']).includes(observation.kind) &&
      namePattern(entry.name).test(observation.name) &&
      (!entry.domains || entry.domains.some((domain) => withinDomain(hostOf(observation), domain))),
  );
}

/** Classifies one observation; `site` is undefined on a site without biscuit-consent. */
export function classify(observation: Observation, site: SiteConfig | undefined, table: readonly KnownCookie[] = KNOWN_COOKIES): Finding {
  const known = findKnownCookie(observation, table);
  const facts = known && { provider: known.provider, purpose: known.purpose, typicalExpiry: known.expires };
  const consentCookie = site ? site.consentCookie : 'biscuit_consent';
  if (observation.kind == 'cookie' && observation.name == consentCookie && !observation.thirdParty) {
    return {
      ...observation,
      category: 'essential',
      declared: true,
      essential: true,
      exempt: false,
      basis: 'consent-cookie',
      pattern: consentCookie,
      provider: 'biscuit-consent',
      purpose: "Remembers the visitor's cookie choices.",
    };
  }
  for (const category of site?.categories ?? []) {
    const match = category.names.find((declared) => declared.kind == observation.kind && declared.test.test(observation.name));
    if (match) {
      return {
        ...observation,
        ...facts,
        category: category.name,
        declared: true,
        essential: category.essential,
        exempt: category.exempt,
        basis: 'config',
        pattern: match.label,
      };
    }
  }
  if (known) {
    return {
      ...observation,
      ...facts,
      category: known.category,
      declared: false,
      essential: known.category == 'essential',
      exempt: false,
      basis: 'known',
      pattern: known.name,
    };
  }
  return { ...observation, category: undefined, declared: false, essential: false, exempt: false, basis: 'unknown' };
}
