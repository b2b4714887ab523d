// A scan result as scanSite returns it, for the tests of what is made of one.
import type { Observation } from '../../src/cli/findings';
import type { PhaseResult, ScanResult } from '../../src/cli/scan';
import { readSiteConfig } from '../../src/cli/site-config';

export const ORIGIN = 'https://www.anytown.gov.uk';

export const observation = (name: string, extra: Partial<Observation> = {}): Observation => ({
  kind: 'cookie',
  name,
  domain: 'www.anytown.gov.uk',
  thirdParty: false,
  lifetime: 63072000,
  page: `${ORIGIN}/`,
  ...extra,
});

const pages = [
  { url: `${ORIGIN}/`, status: 200 },
  { url: `${ORIGIN}/bins`, status: 200 },
];

/** A biscuit-consent site whose config declares `_ga`, with a tag that ignores consent. */
export function sampleScan(phases: Partial<Record<PhaseResult['name'], Partial<PhaseResult>>> = {}): ScanResult {
  const phase = (name: PhaseResult['name'], defaults: Omit<PhaseResult, 'name'>): PhaseResult => ({ name, ...defaults, ...phases[name] });
  return {
    url: `${ORIGIN}/`,
    startUrl: `${ORIGIN}/`,
    origin: ORIGIN,
    startedAt: '2026-01-01T00:00:00.000Z',
    config: readSiteConfig({
      source: 'block',
      config: { categories: { analytics: { cookies: ['_ga', '_ga_*'] }, statistics: { exemption: 'statistics', cookies: ['_pk_*'] } } },
    }),
    phases: [
      phase('new-visitor', {
        pages,
        observations: [
          observation('_ga', { setBy: { type: 'script', url: `${ORIGIN}/js/tag.js` } }),
          observation('__cf_bm', { domain: '.anytown.gov.uk', lifetime: 1800, setBy: { type: 'response', url: `${ORIGIN}/` } }),
          observation('_pk_id.1.abc', { lifetime: 34214400 }),
          observation('IDE', {
            domain: '.doubleclick.net',
            thirdParty: true,
            page: `${ORIGIN}/bins`,
            lifetime: 34214400,
            setBy: { type: 'response', url: 'https://ad.doubleclick.net/pixel' },
          }),
        ],
      }),
      phase('rejected', {
        choice: { made: true, how: 'banner', detail: 'clicked "Reject additional cookies"' },
        pages,
        observations: [
          observation('biscuit_consent', { lifetime: 31536000, setBy: { type: 'script', url: `${ORIGIN}/assets/biscuit-writer.js` } }),
          observation('_pk_id.1.abc', { lifetime: 34214400 }),
          observation('theme', { kind: 'localStorage', origin: ORIGIN, lifetime: 'persistent', page: `${ORIGIN}/bins`, removed: true }),
        ],
      }),
      phase('accepted', {
        choice: { made: true, how: 'api', detail: 'called window.Biscuit.acceptAll()' },
        pages,
        observations: [
          observation('biscuit_consent', { lifetime: 31536000 }),
          observation('_ga'),
          observation('_fbp', { lifetime: 7776000 }),
          observation('mystery', { lifetime: 'session' }),
        ],
      }),
    ],
  };
}
