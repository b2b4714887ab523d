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

  it('deletes cookies set on the current path and the paths above it', () => {
    window.history.pushState({}, '', '/a/b/page');
    document.cookie = '_ga=root; path=/';
    document.cookie = '_ga=a; path=/a';
    document.cookie = '_ga=b; path=/a/b';
    removeCookies(['_ga']);
    expect(document.cookie).toBe('');
    window.history.pushState({}, '', '/');
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
