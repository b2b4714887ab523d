// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseCookieWrite } from '../../src/cli/cookie-write';

const NOW = Date.UTC(2026, 0, 1);

describe('parseCookieWrite', () => {
  it('reads the name, a Max-Age and a Domain', () => {
    expect(parseCookieWrite('_ga=GA1.1.123; Path=/; Max-Age=63072000; Domain=.Example.CO.UK; Secure', NOW)).toEqual({
      name: '_ga',
      domain: 'example.co.uk',
      deletion: false,
      lifetime: 63072000,
    });
  });

  it('reads Expires as seconds from now, and Max-Age over Expires', () => {
    expect(parseCookieWrite('a=1; expires=Fri, 02 Jan 2026 00:00:00 GMT', NOW)).toEqual({ name: 'a', deletion: false, lifetime: 86400 });
    expect(parseCookieWrite('a=1; expires=Fri, 02 Jan 2026 00:00:00 GMT; max-age=60', NOW)).toMatchObject({ lifetime: 60 });
  });

  it('is a session cookie without either', () => {
    expect(parseCookieWrite(' PHPSESSID = abc ; HttpOnly', NOW)).toEqual({ name: 'PHPSESSID', deletion: false, lifetime: 'session' });
  });

  it('tells a deletion: an expiry in the past, or a Max-Age of zero or less', () => {
    expect(parseCookieWrite('_ga=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/', NOW)).toMatchObject({ deletion: true });
    expect(parseCookieWrite('_ga=; max-age=0', NOW)).toMatchObject({ deletion: true });
    expect(parseCookieWrite('_ga=; max-age=-1', NOW)).toMatchObject({ deletion: true });
    // A malformed Max-Age is ignored, as browsers do.
    expect(parseCookieWrite('_ga=1; max-age=soon', NOW)).toMatchObject({ deletion: false, lifetime: 'session' });
  });

  it('ignores a write without a name', () => {
    expect(parseCookieWrite('justavalue', NOW)).toBeUndefined();
    expect(parseCookieWrite('=value', NOW)).toBeUndefined();
    expect(parseCookieWrite('', NOW)).toBeUndefined();
  });
});
