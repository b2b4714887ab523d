import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveConfig } from '../../src/core/config';
import { createCookieStorage } from '../../src/storage/cookie-storage';
import { clearCookies } from '../helpers/cookies';

const load = vi.fn(() => import('../../src/storage/cookie'));
const storage = () => createCookieStorage(resolveConfig().cookie, load);

beforeEach(() => {
  clearCookies();
  load.mockClear();
});
afterEach(() => vi.restoreAllMocks());

describe('createCookieStorage', () => {
  it('reads the consent cookie among others without loading the writer', () => {
    document.cookie = 'a=1';
    document.cookie = 'biscuit_consent=1.0.x';
    document.cookie = 'biscuit_consent_old=2';
    expect(storage().read()).toBe('1.0.x');
    expect(load).not.toHaveBeenCalled();
  });

  it('reads nothing when the cookie is absent', () => {
    document.cookie = 'biscuit=1';
    expect(storage().read()).toBeUndefined();
  });

  it('reads nothing when two consent cookies (another path or domain) disagree, and the value when they agree', () => {
    window.history.pushState({}, '', '/a/page');
    try {
      document.cookie = 'biscuit_consent=mine; path=/';
      document.cookie = 'biscuit_consent=planted; path=/a';
      expect(storage().read()).toBeUndefined();
      document.cookie = 'biscuit_consent=mine; path=/a';
      expect(storage().read()).toBe('mine');
    } finally {
      clearCookies();
      window.history.pushState({}, '', '/');
    }
  });

  it('reads the value exactly as stored, without percent-decoding it', () => {
    document.cookie = 'biscuit_consent=a%26b';
    expect(storage().read()).toBe('a%26b');
  });

  it('writes and removes through the lazily loaded writer', async () => {
    const cookies = storage();
    await cookies.write('value');
    expect(load).toHaveBeenCalled();
    expect(cookies.read()).toBe('value');
    await cookies.remove();
    expect(cookies.read()).toBeUndefined();
  });

  it('writes synchronously once the writer is loaded', async () => {
    const writer = await import('../../src/storage/cookie');
    const cookies = createCookieStorage(resolveConfig().cookie, () => writer);
    expect(cookies.write('now')).toBeUndefined();
    expect(cookies.read()).toBe('now');
  });

  it('lets a throwing document.cookie surface to the store', () => {
    vi.spyOn(document, 'cookie', 'get').mockImplementation(() => {
      throw new DOMException('insecure', 'SecurityError');
    });
    expect(() => storage().read()).toThrow('insecure');
  });
});
