import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveConfig, type ConsentConfig } from '../../src/core/config';
import { createStore } from '../../src/core/store';
import { type Consent } from '../../src/core/consent';
import { cookieCleanup } from '../../src/integrations/cookie-cleanup';
import { createMemoryStorage } from '../../src/storage/memory';
import { clearCookies } from '../helpers/cookies';

const load = vi.fn(() => import('../../src/writer'));
const instances: Consent[] = [];
const config: ConsentConfig = {
  categories: { analytics: { cookies: ['_ga*'] }, marketing: { cookies: [/^_fb/] } },
};

function setup(extra: ConsentConfig = {}, storage = createMemoryStorage()) {
  const consent = createStore({ config: resolveConfig({ ...config, ...extra }), storage, plugins: [cookieCleanup(load)] });
  instances.push(consent);
  return consent;
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

beforeEach(() => {
  clearCookies();
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

  it('does not load the cookie writer when there is nothing to delete', async () => {
    setup();
    await settle();
    expect(load).not.toHaveBeenCalled();
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
});
