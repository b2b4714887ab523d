// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { JSON_REPORT_VERSION, jsonReport } from '../../src/cli/json-report';
import { formatReport } from '../../src/cli/report';
import { suggest } from '../../src/cli/suggest';
import { judge } from '../../src/cli/verdict';
import { ORIGIN, sampleScan } from './sample-scan';

describe('formatReport', () => {
  it('puts the verdict and each violation first, then a table per phase', () => {
    const scan = sampleScan();
    expect(formatReport(scan, judge(scan, { strict: false }))).toBe(`biscuit-consent scan of https://www.anytown.gov.uk/
Site config: the #biscuit-config block; categories analytics, statistics; consent cookie "biscuit_consent"

FAIL: 4 violations

  1. Before any choice: cookie "_ga" on www.anytown.gov.uk was set before the visitor made a choice
     analytics, site config: Tells visitors apart, so Google Analytics can count them.
     first seen on https://www.anytown.gov.uk/
     set by script https://www.anytown.gov.uk/js/tag.js
  2. Before any choice: cookie "IDE" on .doubleclick.net was set before the visitor made a choice
     marketing, Google (DoubleClick): Recognises the browser across sites that show Google's ads, to choose and measure them.
     first seen on https://www.anytown.gov.uk/bins
     set by response https://ad.doubleclick.net/pixel
  3. After rejecting: cookie "_pk_id.1.abc" on www.anytown.gov.uk was set or kept after the visitor rejected
     statistics, site config, exempt: Keeps a visitor ID, so later visits count as the same visitor.
     first seen on https://www.anytown.gov.uk/
  4. After rejecting: localStorage key "theme" of https://www.anytown.gov.uk was set (then removed) after the visitor rejected
     not in the site config or the table of well-known cookies
     first seen on https://www.anytown.gov.uk/bins

1. A new visitor who does nothing: 2 pages
   Name          Type    Domain              Party  Expires     Category                         First seen on  Set by
 * _ga           cookie  www.anytown.gov.uk  first  2 years     analytics, site config           /              script /js/tag.js
   __cf_bm       cookie  .anytown.gov.uk     first  30 minutes  essential, Cloudflare            /              response /
   _pk_id.1.abc  cookie  www.anytown.gov.uk  first  13 months   statistics, site config, exempt  /
 * IDE           cookie  .doubleclick.net    third  13 months   marketing, Google (DoubleClick)  /bins          response https://ad.doubleclick.net/pixel

2. A visitor who rejects: clicked "Reject additional cookies"; 2 pages
   Name             Type          Domain                      Party  Expires                  Category                         First seen on  Set by
   biscuit_consent  cookie        www.anytown.gov.uk          first  1 year                   essential, consent cookie        /              script /assets/biscuit-writer.js
 * _pk_id.1.abc     cookie        www.anytown.gov.uk          first  13 months                statistics, site config, exempt  /
 * theme            localStorage  https://www.anytown.gov.uk  first  Until cleared (removed)  unknown                          /bins

3. A visitor who accepts all: called window.Biscuit.acceptAll(); 2 pages
   Name             Type    Domain              Party  Expires  Category                   First seen on  Set by
   biscuit_consent  cookie  www.anytown.gov.uk  first  1 year   essential, consent cookie  /
   _ga              cookie  www.anytown.gov.uk  first  2 years  analytics, site config     /
   _fbp             cookie  www.anytown.gov.uk  first  90 days  marketing, Meta            /
   mystery          cookie  www.anytown.gov.uk  first  Session  unknown                    /

* a violation
`);
  });

  it('says what it could not check, pages that did not load, and a clean result', () => {
    const scan = sampleScan({
      'new-visitor': {
        observations: [],
        pages: [
          { url: `${ORIGIN}/`, status: 200 },
          { url: `${ORIGIN}/slow`, error: 'Timeout 30000ms exceeded.' },
          { url: `${ORIGIN}/gone`, status: 404 },
        ],
      },
      rejected: {
        choice: { made: false, detail: 'no visible button named "Reject additional cookies" or the like, and no window.Biscuit' },
        pages: [],
        observations: [],
      },
    });
    const report = formatReport(scan, judge(scan, { strict: false }));
    expect(report).toContain(`PASS: no violations
  Not checked: a visitor who rejects (no visible button named "Reject additional cookies" or the like, and no window.Biscuit)

1. A new visitor who does nothing: 2 pages
   Not loaded: /slow (Timeout 30000ms exceeded.)
   HTTP 404: /gone
   Nothing stored.

2. A visitor who rejects: could not reject: no visible button named "Reject additional cookies" or the like, and no window.Biscuit; not run

3. A visitor who accepts all:`);
    expect(report).not.toContain('* a violation');
  });

  it('says when no config was found, and cuts long cells in tables', () => {
    const long = `${'x'.repeat(60)}`;
    const scan = {
      ...sampleScan({
        'new-visitor': {
          observations: [{ kind: 'cookie', name: long, domain: 'www.anytown.gov.uk', thirdParty: false, lifetime: 'session', page: `${ORIGIN}/` }],
        },
      }),
    };
    delete (scan as { config?: unknown }).config;
    const report = formatReport(scan, judge(scan, { strict: false }));
    expect(report).toContain('Site config: none found (no biscuit-consent on these pages): only the table of well-known cookies tells what is essential');
    expect(report).toContain(` * ${'x'.repeat(39)}…  cookie`);
  });
});

describe('jsonReport', () => {
  it('has a version, every field of every finding (null when it does not apply), the violations, suggestions and exit code', () => {
    const scan = sampleScan();
    const verdict = judge(scan, { strict: true });
    const report = jsonReport(scan, verdict, suggest(verdict.phases), { toolVersion: '9.9.9', strict: true });
    expect(JSON_REPORT_VERSION).toBe(1);
    expect(report).toMatchObject({
      version: 1,
      tool: { name: 'biscuit-consent', version: '9.9.9' },
      url: `${ORIGIN}/`,
      startUrl: `${ORIGIN}/`,
      startedAt: '2026-01-01T00:00:00.000Z',
      strict: true,
      exitCode: 1,
      config: {
        source: 'block',
        consentCookie: 'biscuit_consent',
        categories: [
          {
            name: 'analytics',
            essential: false,
            exempt: false,
            names: [
              { name: '_ga', storage: 'cookie' },
              { name: '_ga_*', storage: 'cookie' },
            ],
          },
          { name: 'statistics', essential: false, exempt: true, names: [{ name: '_pk_*', storage: 'cookie' }] },
        ],
        problems: [],
      },
    });
    expect(report.phases.map((phase) => [phase.name, phase.checked, phase.choice])).toEqual([
      ['new-visitor', true, null],
      ['rejected', true, { made: true, how: 'banner', detail: 'clicked "Reject additional cookies"' }],
      ['accepted', true, { made: true, how: 'api', detail: 'called window.Biscuit.acceptAll()' }],
    ]);
    expect(report.phases[0]!.pages).toEqual([
      { url: `${ORIGIN}/`, status: 200, error: null },
      { url: `${ORIGIN}/bins`, status: 200, error: null },
    ]);
    expect(report.phases[0]!.findings[0]).toEqual({
      kind: 'cookie',
      name: '_ga',
      domain: 'www.anytown.gov.uk',
      origin: null,
      thirdParty: false,
      expires: '2 years',
      lifetimeSeconds: 63072000,
      page: `${ORIGIN}/`,
      setBy: { type: 'script', url: `${ORIGIN}/js/tag.js` },
      removed: false,
      category: 'analytics',
      declared: true,
      essential: false,
      exempt: false,
      basis: 'config',
      pattern: '_ga',
      provider: 'Google Analytics',
      purpose: 'Tells visitors apart, so Google Analytics can count them.',
      typicalExpiry: '2 years',
    });
    expect(report.phases[1]!.findings[2]).toMatchObject({
      kind: 'localStorage',
      origin: ORIGIN,
      lifetimeSeconds: null,
      expires: 'Until cleared',
      removed: true,
      category: null,
      pattern: null,
      provider: null,
    });
    expect(report.violations[0]).toEqual({
      rule: 'before-choice',
      phase: 'new-visitor',
      message: 'cookie "_ga" on www.anytown.gov.uk was set before the visitor made a choice',
      finding: report.phases[0]!.findings[0],
    });
    expect(report.violations.map((violation) => violation.rule)).toContain('undeclared');
    expect(Object.keys(report.suggestions)).toEqual(['categories', 'unknown']);
    // A stable shape: the same data gives the same text.
    expect(JSON.stringify(jsonReport(scan, verdict, suggest(verdict.phases), { toolVersion: '9.9.9', strict: true }))).toBe(JSON.stringify(report));
  });
});
