import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { removeLeftovers } from '../../src/storage/leftovers';
import { clearCookies } from '../helpers/cookies';

beforeEach(() => {
  clearCookies();
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(() => vi.restoreAllMocks());

describe('removeLeftovers', () => {
  it('deletes each cookie and storage key it is given, from the kind it names only', () => {
    for (const storage of [localStorage, sessionStorage]) for (const key of ['a', 'b', 'length']) storage.setItem(key, '1');
    document.cookie = 'a=1; path=/';
    document.cookie = 'c=1; path=/';
    removeLeftovers([
      ['localStorage', 'a'],
      ['localStorage', 'length'],
      ['cookie', 'c'],
    ]);
    expect([localStorage.getItem('a'), localStorage.getItem('length'), localStorage.getItem('b')]).toEqual([null, null, '1']);
    expect(sessionStorage.length).toBe(3);
    expect(document.cookie).toBe('a=1');
  });

  it('deletes the cookies, and throws nothing, where the browser blocks web storage', () => {
    document.cookie = 'c=1; path=/';
    vi.spyOn(window, 'sessionStorage', 'get').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    expect(() =>
      removeLeftovers([
        ['sessionStorage', 'a'],
        ['cookie', 'c'],
      ]),
    ).not.toThrow();
    expect(document.cookie).toBe('');
  });
});
