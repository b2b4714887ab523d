import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { removeStorageItems } from '../../src/storage/web-storage';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(() => vi.restoreAllMocks());

describe('removeStorageItems', () => {
  it('removes the given keys from the given storage only', () => {
    for (const storage of [localStorage, sessionStorage]) for (const key of ['a', 'b', 'length']) storage.setItem(key, '1');
    removeStorageItems('localStorage', ['a', 'length']);
    expect([localStorage.getItem('a'), localStorage.getItem('length'), localStorage.getItem('b')]).toEqual([null, null, '1']);
    expect(sessionStorage.length).toBe(3);
  });

  it('does nothing, and throws nothing, where the browser blocks web storage', () => {
    vi.spyOn(window, 'sessionStorage', 'get').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    expect(() => removeStorageItems('sessionStorage', ['a'])).not.toThrow();
  });
});
