// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isThirdParty, siteOf, withinDomain } from '../../src/cli/sites';

describe('siteOf', () => {
  it('is the last two labels, or three under a two-part country suffix', () => {
    expect(siteOf('www.example.com')).toBe('example.com');
    expect(siteOf('.Example.com')).toBe('example.com');
    expect(siteOf('bins.anytown.gov.uk')).toBe('anytown.gov.uk');
    expect(siteOf('www.shop.co.uk')).toBe('shop.co.uk');
    expect(siteOf('ads.doubleclick.net')).toBe('doubleclick.net');
    // "uk" alone is a two-letter suffix but "example" is not a second-level one.
    expect(siteOf('www.example.uk')).toBe('example.uk');
  });

  it('leaves IP addresses and single-label hosts as they are', () => {
    expect(siteOf('127.0.0.1')).toBe('127.0.0.1');
    expect(siteOf('localhost')).toBe('localhost');
    expect(siteOf('::1')).toBe('::1');
  });
});

describe('isThirdParty and withinDomain', () => {
  it('counts the site and its subdomains as first party', () => {
    expect(isThirdParty('.anytown.gov.uk', 'www.anytown.gov.uk')).toBe(false);
    expect(isThirdParty('maps.anytown.gov.uk', 'www.anytown.gov.uk')).toBe(false);
    expect(isThirdParty('othertown.gov.uk', 'www.anytown.gov.uk')).toBe(true);
    expect(isThirdParty('youtube.com', '127.0.0.1')).toBe(true);
    expect(isThirdParty('127.0.0.1', '127.0.0.1')).toBe(false);
  });

  it('matches a domain and its subdomains only', () => {
    expect(withinDomain('www.youtube.com', '.youtube.com')).toBe(true);
    expect(withinDomain('youtube.com', 'youtube.com')).toBe(true);
    expect(withinDomain('notyoutube.com', 'youtube.com')).toBe(false);
  });
});
