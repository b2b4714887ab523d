// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatLifetime, suggest } from '../../src/cli/suggest';
import { judge } from '../../src/cli/verdict';
import { ORIGIN, observation, sampleScan } from './sample-scan';

describe('formatLifetime', () => {
  it('says a lifetime the way cookie tables do', () => {
    const cases: [Parameters<typeof formatLifetime>[0], string][] = [
      ['session', 'Session'],
      ['persistent', 'Until cleared'],
      [1, '1 second'],
      [59, '59 seconds'],
      [60, '1 minute'],
      [1800, '30 minutes'],
      [3600, '1 hour'],
      [86400, '24 hours'],
      [2 * 86400, '2 days'],
      [90 * 86400, '90 days'],
      [180 * 86400, '6 months'],
      [34214400, '13 months'],
      // Chromium's cap on stored cookies.
      [400 * 86400, '13 months'],
      [365 * 86400, '1 year'],
      [63072000, '2 years'],
      [30 * 365 * 86400, '30 years'],
    ];
    for (const [lifetime, words] of cases) expect(formatLifetime(lifetime), String(lifetime)).toBe(words);
  });
});

describe('suggest', () => {
  it('suggests the undeclared known names by category, as the table names them, with the lifetime seen', () => {
    const { categories, unknown } = suggest(judge(sampleScan(), { strict: false }).phases);
    expect(categories).toEqual({
      essential: {
        cookies: [
          { name: '__cf_bm', provider: 'Cloudflare', purpose: 'Tells people from bots, to protect the site from automated attacks.', expires: '30 minutes' },
        ],
      },
      marketing: {
        cookies: [
          {
            name: 'IDE',
            provider: 'Google (DoubleClick)',
            purpose: "Recognises the browser across sites that show Google's ads, to choose and measure them.",
            expires: '13 months',
          },
          { name: '_fbp', provider: 'Meta', purpose: 'Identifies the browser so visits can be linked to Facebook and Instagram ads.', expires: '90 days' },
        ],
      },
    });
    expect(unknown).toEqual([
      { kind: 'localStorage', name: 'theme', domain: 'www.anytown.gov.uk', thirdParty: false, page: `${ORIGIN}/bins`, expires: 'Until cleared' },
      { kind: 'cookie', name: 'mystery', domain: 'www.anytown.gov.uk', thirdParty: false, page: `${ORIGIN}/`, expires: 'Session' },
    ]);
  });

  it('suggests one entry per pattern, with the storage of web-storage keys', () => {
    const scan = sampleScan({
      'new-visitor': {
        observations: [
          observation('_hjSessionUser_1', { kind: 'localStorage', origin: ORIGIN, lifetime: 'persistent' }),
          observation('_hjSessionUser_2', { kind: 'localStorage', origin: ORIGIN, lifetime: 'persistent' }),
          observation('_hjSessionUser_1', { lifetime: 31536000 }),
        ],
      },
      rejected: { observations: [] },
      accepted: { observations: [] },
    });
    expect(suggest(judge(scan, { strict: false }).phases).categories).toEqual({
      analytics: {
        cookies: [
          {
            name: '_hjSessionUser_*',
            provider: 'Hotjar',
            purpose: "Keeps the visitor's Hotjar ID, so later visits count as the same visitor.",
            expires: 'Until cleared',
            storage: 'localStorage',
          },
          {
            name: '_hjSessionUser_*',
            provider: 'Hotjar',
            purpose: "Keeps the visitor's Hotjar ID, so later visits count as the same visitor.",
            expires: '1 year',
          },
        ],
      },
    });
  });

  it('suggests nothing for what is declared', () => {
    const scan = sampleScan({
      'new-visitor': { observations: [observation('_ga')] },
      rejected: { observations: [observation('biscuit_consent')] },
      accepted: { observations: [] },
    });
    expect(suggest(judge(scan, { strict: false }).phases)).toEqual({ categories: {}, unknown: [] });
  });
});
