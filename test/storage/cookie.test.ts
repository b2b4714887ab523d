import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveConfig, type CookieConfig } from '../../src/core/config';
import { createCookieStorage } from '../../src/storage/cookie';

const storageFor = (cookie: CookieConfig = {}) => createCookieStorage(resolveConfig({ cookie }).cookie);

/** Records the raw strings written to document.cookie, still passing them to jsdom. */
function spyOnCookieWrites() {
  const written: string[] = [];
  const descriptor = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
  vi.spyOn(document, 'cookie', 'set').mockImplementation((value: string) => {
    written.push(value);
    descriptor.set!.call(document, value);
  });
  return written;
}

beforeEach(() => {
  for (const name of document.cookie.split('; ').map((pair) => pair.split('=')[0])) {
    document.cookie = `${name}=; path=/; max-age=0`;
  }
});
afterEach(() => vi.restoreAllMocks());

describe('createCookieStorage', () => {
  it('writes, reads and removes the consent cookie', () => {
    const storage = storageFor();
    expect(storage.read()).toBeUndefined();
    storage.write('1.0.1.b.analytics=1.abc');
    expect(document.cookie).toBe('biscuit_consent=1.0.1.b.analytics=1.abc');
    expect(storage.read()).toBe('1.0.1.b.analytics=1.abc');
    storage.remove();
    expect(storage.read()).toBeUndefined();
  });

  it('writes path=/, SameSite=Lax and the configured expiry, without Secure on http', () => {
    const written = spyOnCookieWrites();
    storageFor().write('v');
    expect(written).toHaveLength(1);
    const attributes = written[0]!.toLowerCase().split('; ');
    expect(attributes[0]).toBe('biscuit_consent=v');
    expect(attributes).toContain('path=/');
    expect(attributes).toContain('samesite=lax');
    expect(attributes).not.toContain('secure');
    const expires = Date.parse(attributes.find((attribute) => attribute.startsWith('expires='))!.slice(8));
    expect(Math.round((expires - Date.now()) / 86_400_000)).toBe(365);
  });

  it('honours name, domain, path, expiresDays, sameSite and secure', () => {
    const written = spyOnCookieWrites();
    storageFor({ name: 'consent', domain: 'localhost', path: '/app', expiresDays: 30, sameSite: 'strict', secure: true }).write('v');
    const attributes = written[0]!.toLowerCase().split('; ');
    expect(attributes).toEqual(
      expect.arrayContaining(['consent=v', 'path=/app', 'domain=localhost', 'samesite=strict', 'secure']),
    );
    const expires = Date.parse(attributes.find((attribute) => attribute.startsWith('expires='))!.slice(8));
    expect(Math.round((expires - Date.now()) / 86_400_000)).toBe(30);
  });

  it('removes with the same path and domain it wrote with', () => {
    const written = spyOnCookieWrites();
    storageFor({ domain: 'localhost', path: '/app' }).remove();
    const attributes = written[0]!.toLowerCase().split('; ');
    expect(attributes).toEqual(expect.arrayContaining(['path=/app', 'domain=localhost']));
    const expires = Date.parse(attributes.find((attribute) => attribute.startsWith('expires='))!.slice(8));
    expect(expires).toBeLessThan(Date.now());
  });

  it('adds Secure by itself on https pages', () => {
    const written = spyOnCookieWrites();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ protocol: 'https:' } as Location);
    storageFor().write('v');
    expect(written[0]!.toLowerCase().split('; ')).toContain('secure');
  });
});
