import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveConfig, type CookieConfig } from '../../src/core/config';
import { removeCookie, removeCookies, writeCookie } from '../../src/storage/cookie';
import { clearCookies, spyOnCookieWrites } from '../helpers/cookies';

const optionsFor = (cookie: CookieConfig = {}) => resolveConfig({ cookie }).cookie;

const attributesOf = (written: string) => written.toLowerCase().split('; ');
const daysUntil = (attributes: string[]) =>
  Math.round((Date.parse(attributes.find((attribute) => attribute.startsWith('expires='))!.slice(8)) - Date.now()) / 86_400_000);

beforeEach(clearCookies);
afterEach(() => vi.restoreAllMocks());

describe('writeCookie and removeCookie', () => {
  it('write path=/, SameSite=Lax and the configured expiry, without Secure on http', () => {
    const written = spyOnCookieWrites();
    writeCookie(optionsFor(), 'v');
    const attributes = attributesOf(written[0]!);
    expect(attributes[0]).toBe('biscuit_consent=v');
    expect(attributes).toEqual(expect.arrayContaining(['path=/', 'samesite=lax']));
    expect(attributes).not.toContain('secure');
    expect(daysUntil(attributes)).toBe(365);
    expect(document.cookie).toBe('biscuit_consent=v');
  });

  it('honour name, domain, path, expiresDays, sameSite and secure', () => {
    const written = spyOnCookieWrites();
    writeCookie(optionsFor({ name: 'consent', domain: 'localhost', path: '/app', expiresDays: 30, sameSite: 'strict', secure: true }), 'v');
    const attributes = attributesOf(written[0]!);
    expect(attributes).toEqual(expect.arrayContaining(['consent=v', 'path=/app', 'domain=localhost', 'samesite=strict', 'secure']));
    expect(daysUntil(attributes)).toBe(30);
  });

  it('add Secure only to names that start with __Secure- or __Host-, as browsers require', () => {
    const written = spyOnCookieWrites();
    writeCookie(optionsFor({ name: '__Secure-consent' }), 'v');
    writeCookie(optionsFor({ name: 'app__secure-consent' }), 'v');
    expect(written.map((value) => attributesOf(value).includes('secure'))).toEqual([true, false]);
    removeCookie(optionsFor({ name: '__Secure-consent' }));
    removeCookie(optionsFor({ name: 'app__secure-consent' }));
    expect(document.cookie).toBe('');
  });

  it('write once when there is no copy to clear, so another tab never finds the cookie missing', () => {
    document.cookie = 'session=1; path=/';
    document.cookie = 'theme=dark; path=/';
    const written = spyOnCookieWrites();
    writeCookie(optionsFor(), 'v');
    expect(written).toHaveLength(1);
  });

  it('keep a choice that grants something for expiresDays.granted days, any other for refused', () => {
    const written = spyOnCookieWrites();
    const options = optionsFor({ expiresDays: { granted: 200, refused: 30 } });
    writeCookie(options, '2.0.1.b.analytics=1&marketing=0.x');
    writeCookie(options, '2.0.1.b.analytics=e&marketing=0.x');
    expect(written.map((cookie) => daysUntil(attributesOf(cookie)))).toEqual([200, 30]);
  });

  it('add Secure by themselves on https pages', () => {
    const written = spyOnCookieWrites();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ protocol: 'https:' } as Location);
    writeCookie(optionsFor(), 'v');
    expect(attributesOf(written[0]!)).toContain('secure');
  });

  it('remove with the same path and domain they wrote with', () => {
    writeCookie(optionsFor(), 'v');
    const written = spyOnCookieWrites();
    removeCookie(optionsFor({ domain: 'localhost', path: '/app' }));
    const attributes = attributesOf(written[0]!);
    expect(attributes).toEqual(expect.arrayContaining(['path=/app', 'domain=localhost']));
    expect(daysUntil(attributes)).toBeLessThan(0);
    removeCookie(optionsFor());
    expect(document.cookie).toBe('');
  });
});

describe('duplicate consent cookies (planted for another path or a parent domain)', () => {
  afterEach(() => {
    clearCookies();
    window.history.pushState({}, '', '/');
  });

  it('writeCookie removes every copy it can reach, so the choice reads back', () => {
    window.history.pushState({}, '', '/a/b/page');
    document.cookie = 'biscuit_consent=planted; path=/a';
    document.cookie = 'biscuit_consent=old; path=/a/b';
    writeCookie(optionsFor(), 'mine');
    expect(document.cookie).toBe('biscuit_consent=mine');
  });

  it('removeCookie removes every copy, so none can answer in its place', () => {
    window.history.pushState({}, '', '/a/page');
    writeCookie(optionsFor(), 'mine');
    document.cookie = 'biscuit_consent=planted; path=/a';
    removeCookie(optionsFor());
    expect(document.cookie).toBe('');
  });
});

describe('removeCookies', () => {
  it('deletes the named cookies and nothing else', () => {
    for (const name of ['_ga', '_gid', 'session']) document.cookie = `${name}=1; path=/`;
    removeCookies(['_ga', '_gid', 'absent']);
    expect(document.cookie).toBe('session=1');
  });

  it('deletes cookies set on the current path and the paths above it, with or without a trailing slash', () => {
    window.history.pushState({}, '', '/a/b/page');
    document.cookie = '_ga=root; path=/';
    document.cookie = '_ga=a; path=/a';
    document.cookie = '_ga=b; path=/a/b';
    document.cookie = '_ga=b-slash; path=/a/b/';
    removeCookies(['_ga']);
    expect(document.cookie).toBe('');
    window.history.pushState({}, '', '/');
  });

  it.each([
    ['www.example.gov.uk', [undefined, 'www.example.gov.uk', 'example.gov.uk', 'gov.uk']],
    ['9gag.example.org', [undefined, '9gag.example.org', 'example.org']],
    ['127.0.0.1', [undefined]],
    ['[::1]', [undefined]],
  ])('on %s, deletes host-only and on each parent domain (never on parts of an IP address)', (hostname, domains) => {
    document.cookie = '_ga=1; path=/';
    vi.spyOn(window, 'location', 'get').mockReturnValue({ hostname, pathname: '/' } as Location);
    const written = spyOnCookieWrites();
    removeCookies(['_ga']);
    expect(
      written.map((value) =>
        attributesOf(value)
          .find((attribute) => attribute.startsWith('domain='))
          ?.slice(7),
      ),
    ).toEqual(domains);
  });

  it('stops as soon as nothing is left: one write for a cookie on /, the usual case', () => {
    window.history.pushState({}, '', '/a/b/page');
    document.cookie = '_ga=root; path=/';
    const written = spyOnCookieWrites();
    removeCookies(['_ga']);
    expect(document.cookie).toBe('');
    expect(written).toHaveLength(1);
    window.history.pushState({}, '', '/');
  });

  it('tries the first 32 path segments and no more, however deep the page', () => {
    const deep = Array.from({ length: 1000 }, (_, i) => `s${i}`);
    window.history.pushState({}, '', `/${deep.join('/')}`);
    // Only a deletion 40 segments down would reach it.
    const path = `/${deep.slice(0, 40).join('/')}`;
    document.cookie = `_ga=deep; path=${path}`;
    try {
      const written = spyOnCookieWrites();
      removeCookies(['_ga']);
      // "/", then each of 32 prefixes with and without a trailing slash.
      expect(written).toHaveLength(1 + 32 * 2);
      expect(document.cookie).toBe('_ga=deep');
    } finally {
      document.cookie = `_ga=; path=${path}; max-age=0`;
      window.history.pushState({}, '', '/');
    }
  });
});

describe('on a page that extended Object.prototype', () => {
  it('still writes and removes the cookie, with only its own attributes', () => {
    Object.defineProperty(Object.prototype, 'extend', { value: () => {}, enumerable: true, writable: true, configurable: true });
    try {
      const written = spyOnCookieWrites();
      writeCookie(optionsFor(), 'v');
      expect(written[0]).not.toMatch(/extend/);
      expect(document.cookie).toBe('biscuit_consent=v');
      removeCookie(optionsFor());
      expect(document.cookie).toBe('');
    } finally {
      delete (Object.prototype as Record<string, unknown>).extend;
    }
  });
});

describe('removeCookies on a page that extended Object.prototype', () => {
  it('still deletes', () => {
    document.cookie = '_ga=1; path=/';
    Object.defineProperty(Object.prototype, 'extend', { value: () => {}, enumerable: true, writable: true, configurable: true });
    try {
      removeCookies(['_ga']);
      expect(document.cookie).toBe('');
    } finally {
      delete (Object.prototype as Record<string, unknown>).extend;
    }
  });
});
