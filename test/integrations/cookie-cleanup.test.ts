import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveConfig, type ConsentConfig } from '../../src/core/config';
import { createStore } from '../../src/core/store';
import type { Consent } from '../../src/core/consent';
import { cookieCleanup } from '../../src/integrations/cookie-cleanup';
import { createMemoryStorage } from '../../src/storage/memory';
import { clearCookies, spyOnCookieWrites } from '../helpers/cookies';
import { writeChoice } from '../../src/storage/write-choice';

const load = vi.fn(() => import('../../src/writer'));
const instances: Consent[] = [];
const config: ConsentConfig = {
  categories: { analytics: { cookies: ['_ga*'] }, marketing: { cookies: [/^_fb/] } },
};

function setup(extra: ConsentConfig = {}, storage = createMemoryStorage()) {
  const consent = createStore({ config: resolveConfig({ ...config, ...extra }), storage, write: writeChoice, plugins: [cookieCleanup(load)] });
  instances.push(consent);
  return consent;
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

beforeEach(() => {
  clearCookies();
  localStorage.clear();
  sessionStorage.clear();
  load.mockClear();
});
afterEach(() => {
  instances.splice(0).forEach((consent) => consent.destroy());
  vi.restoreAllMocks();
});

describe('cookieCleanup', () => {
  it('deletes the cookies of refused categories on load', async () => {
    document.cookie = '_ga=1';
    document.cookie = '_fbp=1';
    document.cookie = 'session=1';
    setup();
    await vi.waitFor(() => expect(document.cookie).toBe('session=1'));
  });

  it('matches exact names, * wildcards and RegExps (even with the g flag), with regex characters in names taken literally', async () => {
    for (const name of ['_ga', '_ga_ABC123', '_gid', '_hjSession_1', 'a.b', 'aXb', 'session']) document.cookie = `${name}=1; path=/`;
    setup({ categories: { analytics: { cookies: ['_ga*', '_gid', /^_hj/g, 'a.b'] } } });
    await vi.waitFor(() => expect(document.cookie.split('; ').sort()).toEqual(['aXb=1', 'session=1']));
  });

  it('never deletes the consent cookie, even for a catch-all pattern', async () => {
    document.cookie = 'biscuit_consent=1; path=/';
    document.cookie = 'other=1; path=/';
    setup({ categories: { analytics: { cookies: ['*'] } } });
    await vi.waitFor(() => expect(document.cookie).toBe('biscuit_consent=1'));
    await settle();
    expect(document.cookie).toBe('biscuit_consent=1');
  });

  it('deletes the cookies of a withdrawn category and keeps granted ones', async () => {
    const consent = setup();
    await consent.acceptAll();
    document.cookie = '_ga=1';
    document.cookie = '_fbp=1';
    await consent.save({ analytics: false });
    await vi.waitFor(() => expect(document.cookie).toBe('_fbp=1'));
    await settle();
    expect(document.cookie).toBe('_fbp=1');
  });

  it('does not load the cookie writer when there is nothing to delete, even with other cookies about', async () => {
    document.cookie = 'session=1';
    document.cookie = 'theme=dark';
    setup();
    await settle();
    expect(load).not.toHaveBeenCalled();
    expect(document.cookie).toBe('session=1; theme=dark');
  });

  it('costs a handful of cookie writes on a URL with thousands of path segments', async () => {
    window.history.pushState({}, '', `/${'a/'.repeat(4000)}page`);
    try {
      document.cookie = '_ga=1; path=/';
      document.cookie = '_ga_x=1; path=/a/a';
      const written = spyOnCookieWrites();
      setup();
      await vi.waitFor(() => expect(document.cookie).toBe(''));
      await settle();
      expect(written.length).toBeLessThan(20);
    } finally {
      clearCookies();
      window.history.pushState({}, '', '/');
    }
  });

  it('reloads the page after a withdrawal when asked to, and not after a first refusal', async () => {
    const reload = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, reload, hostname: 'localhost', pathname: '/' } as Location);
    const consent = setup({ reloadOnWithdraw: true });
    await consent.rejectAll();
    await settle();
    expect(reload).not.toHaveBeenCalled();
    await consent.acceptAll();
    await settle();
    expect(reload).not.toHaveBeenCalled();
    await consent.save({ marketing: false });
    await settle();
    expect(reload).toHaveBeenCalledOnce();
  });

  it('deletes the cookies of an exempt category the visitor objects to, as for a withdrawal', async () => {
    const reload = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, reload, hostname: 'localhost', pathname: '/' } as Location);
    const consent = setup({ reloadOnWithdraw: true, categories: { analytics: { exemption: 'statistics', cookies: ['_ga*'] } } });
    consent.noticeShown();
    await consent.save({}, { source: 'banner' });
    document.cookie = '_ga=1';
    await settle();
    // On under its exemption: its cookies stay.
    expect(document.cookie).toBe('_ga=1');
    await consent.save({ analytics: false }, { source: 'panel' });
    await vi.waitFor(() => expect(document.cookie).toBe(''));
    expect(reload).toHaveBeenCalledOnce();
  });
});

describe('cookieCleanup of web storage', () => {
  const video: ConsentConfig = {
    categories: {
      analytics: { cookies: ['_ga'] },
      marketing: {
        cookies: [
          { name: 'yt-remote-*', provider: 'YouTube', storage: 'localStorage' },
          { name: /^yt-player-/, provider: 'YouTube', storage: 'sessionStorage' },
        ],
      },
    },
  };
  const keys = (storage: Storage) => Array.from({ length: storage.length }, (_, i) => storage.key(i)).sort();
  /** What a browser that blocks site data (or a sandboxed frame) does on touching storage or cookies. */
  const blocked = () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  };

  it('clears the declared keys of a refused category on load, and leaves the rest', async () => {
    localStorage.setItem('yt-remote-device-id', '1');
    localStorage.setItem('basket', '1');
    sessionStorage.setItem('yt-player-volume', '1');
    setup(video);
    await vi.waitFor(() => expect(keys(localStorage)).toEqual(['basket']));
    expect(keys(sessionStorage)).toEqual([]);
  });

  it('clears them after a withdrawal, and keeps them while the category is granted', async () => {
    const consent = setup(video);
    await consent.acceptAll();
    localStorage.setItem('yt-remote-device-id', '1');
    await settle();
    expect(localStorage.getItem('yt-remote-device-id')).toBe('1');
    await consent.save({ analytics: true, marketing: false });
    await vi.waitFor(() => expect(localStorage.getItem('yt-remote-device-id')).toBeNull());
  });

  it('matches keys by exact name, * pattern and RegExp, however many, even keys named like Storage members', async () => {
    for (let i = 0; i < 50; i++) localStorage.setItem(`cache-${i}`, '1');
    for (const key of ['length', 'ytidb::LAST_RESULT_ENTRY_KEY', 'kept']) localStorage.setItem(key, '1');
    setup({
      categories: {
        marketing: {
          cookies: [
            { name: 'cache-*', storage: 'localStorage' },
            { name: 'length', storage: 'localStorage' },
            { name: /^ytidb::/g, storage: 'localStorage' },
          ],
        },
      },
    });
    await vi.waitFor(() => expect(keys(localStorage)).toEqual(['kept']));
  });

  it('keeps each kind apart: a cookie entry never deletes a storage key of that name, nor the reverse', async () => {
    localStorage.setItem('_ga', '1');
    document.cookie = 'prefs=1; path=/';
    document.cookie = '_ga=1; path=/';
    setup({ categories: { analytics: { cookies: ['_ga', { name: 'prefs', storage: 'sessionStorage' }] } } });
    await vi.waitFor(() => expect(document.cookie).toBe('prefs=1'));
    expect(localStorage.getItem('_ga')).toBe('1');
  });

  it('does not load the deleting code when nothing declared is stored, even with other keys about', async () => {
    localStorage.setItem('basket', '1');
    document.cookie = 'session=1';
    setup({ categories: { marketing: { cookies: [{ name: 'yt-remote-*', storage: 'localStorage' }] } } });
    await settle();
    expect(load).not.toHaveBeenCalled();
  });

  it('does not load the deleting code when the declared storages are empty', async () => {
    document.cookie = 'session=1';
    setup({ categories: { marketing: { cookies: [{ name: 'yt-remote-*', storage: 'localStorage' }] } } });
    await settle();
    expect(load).not.toHaveBeenCalled();
  });

  it('still clears cookies where web storage is blocked, and throws nothing', async () => {
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(blocked);
    vi.spyOn(window, 'sessionStorage', 'get').mockImplementation(blocked);
    document.cookie = '_ga=1';
    const reported = vi.spyOn(console, 'error').mockImplementation(() => {});
    // Storage entries first, so the look for something to delete touches the storages before the cookies.
    setup({ categories: { marketing: video.categories!.marketing!, analytics: { cookies: ['_ga'] } } });
    await vi.waitFor(() => expect(document.cookie).toBe(''));
    expect(reported).not.toHaveBeenCalled();
  });

  it('does nothing, and throws nothing, in a frame where cookies and storage both throw', async () => {
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(blocked);
    vi.spyOn(document, 'cookie', 'get').mockImplementation(blocked);
    // A plugin that throws is reported (on the console here) and dropped, so check both.
    const reported = vi.spyOn(console, 'error').mockImplementation(() => {});
    const consent = setup(video);
    await consent.rejectAll();
    await settle();
    expect(reported).not.toHaveBeenCalled();
    expect(load).not.toHaveBeenCalled();
  });
});
