// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { classify, findKnownCookie, type Observation } from '../../src/cli/findings';
import { KNOWN_COOKIES } from '../../src/cli/known-cookies';
import { readSiteConfig } from '../../src/cli/site-config';

const cookie = (name: string, domain = 'www.anytown.gov.uk', extra: Partial<Observation> = {}): Observation => ({
  kind: 'cookie',
  name,
  domain,
  thirdParty: false,
  lifetime: 'session',
  page: 'https://www.anytown.gov.uk/',
  ...extra,
});

const site = readSiteConfig({
  source: 'block',
  config: {
    categories: {
      analytics: { cookies: ['_ga', '_ga_*', { name: 'visits', storage: 'localStorage' }] },
      support: { essential: true, cookies: ['_ga_EXACT'] },
      statistics: { exemption: 'statistics', cookies: ['_pk_*'] },
    },
  },
});

describe('classify', () => {
  it('takes the category from the site config first, with the table adding who and why', () => {
    expect(classify(cookie('_ga_ABC123'), site)).toMatchObject({
      category: 'analytics',
      declared: true,
      essential: false,
      basis: 'config',
      pattern: '_ga_*',
      provider: 'Google Analytics',
      purpose: 'Keeps the state of the current visit for one Google Analytics property.',
      typicalExpiry: '2 years',
    });
  });

  it('uses the first category that declares a name, and the essential flag of that category', () => {
    // "_ga_*" in analytics comes before "_ga_EXACT" in support.
    expect(classify(cookie('_ga_EXACT'), site)).toMatchObject({ category: 'analytics', essential: false });
    const supportFirst = readSiteConfig({ source: 'block', config: { categories: { support: { essential: true, cookies: ['chat'] } } } });
    expect(classify(cookie('chat'), supportFirst)).toMatchObject({ category: 'support', essential: true, declared: true });
  });

  it('the consent cookie is essential and declared, under its configured name', () => {
    expect(classify(cookie('biscuit_consent'), site)).toMatchObject({ category: 'essential', essential: true, declared: true, basis: 'consent-cookie' });
    expect(classify(cookie('biscuit_consent'), undefined)).toMatchObject({ basis: 'consent-cookie' });
    const renamed = readSiteConfig({ source: 'block', config: { cookie: { name: 'council_consent' } } });
    expect(classify(cookie('council_consent'), renamed)).toMatchObject({ basis: 'consent-cookie' });
    expect(classify(cookie('biscuit_consent'), renamed)).toMatchObject({ basis: 'unknown', essential: false });
    // Another site's cookie of that name, in a frame, is not this site's choice.
    expect(classify(cookie('biscuit_consent', 'other.example', { thirdParty: true }), site).basis).toBe('unknown');
  });

  it('matches web storage only to entries for that storage', () => {
    const key: Observation = { ...cookie('visits'), kind: 'localStorage', origin: 'https://www.anytown.gov.uk', lifetime: 'persistent' };
    expect(classify(key, site)).toMatchObject({ category: 'analytics', declared: true });
    expect(classify({ ...key, kind: 'sessionStorage' }, site)).toMatchObject({ basis: 'unknown' });
    expect(classify(cookie('visits'), site)).toMatchObject({ basis: 'unknown' });
  });

  it('marks exempt categories', () => {
    expect(classify(cookie('_pk_id.1.abcd'), site)).toMatchObject({ category: 'statistics', exempt: true, essential: false, provider: 'Matomo' });
  });

  it('falls back to the table of well-known cookies, undeclared', () => {
    expect(classify(cookie('_fbp'), site)).toMatchObject({ category: 'marketing', declared: false, essential: false, basis: 'known', provider: 'Meta' });
    expect(classify(cookie('__cf_bm', '.anytown.gov.uk'), undefined)).toMatchObject({
      category: 'essential',
      essential: true,
      declared: false,
      basis: 'known',
    });
  });

  it('calls the rest unknown, and unknown is not essential', () => {
    expect(classify(cookie('mystery'), site)).toEqual({
      ...cookie('mystery'),
      category: undefined,
      declared: false,
      essential: false,
      exempt: false,
      basis: 'unknown',
    });
  });
});

describe('findKnownCookie', () => {
  it('keeps names common elsewhere to their own domains', () => {
    expect(findKnownCookie(cookie('IDE', '.doubleclick.net'))?.provider).toBe('Google (DoubleClick)');
    expect(findKnownCookie(cookie('IDE', 'www.anytown.gov.uk'))).toBeUndefined();
    expect(findKnownCookie(cookie('player', 'player.vimeo.com'))?.provider).toBe('Vimeo');
    expect(findKnownCookie(cookie('player'))).toBeUndefined();
  });

  it('knows Hotjar in web storage too, and Google Analytics only as cookies', () => {
    expect(findKnownCookie({ kind: 'sessionStorage', name: '_hjRecordingLastActivity', domain: 'www.anytown.gov.uk' })?.provider).toBe('Hotjar');
    expect(findKnownCookie({ kind: 'localStorage', name: '_ga', domain: 'www.anytown.gov.uk' })).toBeUndefined();
  });
});

describe('the table of well-known cookies', () => {
  it('has a provider, a category, a one-sentence purpose and a lifetime for every entry', () => {
    for (const entry of KNOWN_COOKIES) {
      expect(entry.provider, entry.name).not.toBe('');
      expect(['essential', 'preferences', 'analytics', 'marketing'], entry.name).toContain(entry.category);
      expect(entry.purpose, entry.name).toMatch(/^[A-Z"].*[.]$/);
      expect(entry.purpose.split('. ').length, entry.name).toBe(1);
      expect(entry.expires, entry.name).toMatch(/^(Session|Up to |\d)/);
    }
  });

  it('has no entry hidden behind an earlier one', () => {
    for (const entry of KNOWN_COOKIES) {
      // A pattern is tried with a name it must match: the pattern itself with each * as "x".
      const example = entry.name.replace(/\*/g, 'x');
      const domain = entry.domains ? `www.${entry.domains[0]}` : 'www.anytown.gov.uk';
      for (const kind of entry.kinds ?? ['cookie' as const]) expect(findKnownCookie({ kind, name: example, domain }), `${kind} ${entry.name}`).toBe(entry);
    }
  });

  it('covers the services site owners meet most', () => {
    const providers = new Set(KNOWN_COOKIES.map((entry) => entry.provider));
    for (const provider of [
      'Google Analytics',
      'Google Ads',
      'Meta',
      'Microsoft Clarity',
      'Microsoft Advertising',
      'Hotjar',
      'YouTube',
      'Vimeo',
      'LinkedIn',
      'TikTok',
      'HubSpot',
      'Cloudflare',
      'WordPress',
      'PHP',
    ]) {
      expect(providers, provider).toContain(provider);
    }
  });
});
