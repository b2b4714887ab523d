import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveConfig } from '../../src/core/config';
import { createStore } from '../../src/core/store';
import { type Consent } from '../../src/core/consent';
import { tabSync } from '../../src/integrations/tab-sync';
import { createMemoryStorage } from '../../src/storage/memory';

const instances: Consent[] = [];
/** Two "tabs": consent instances sharing one storage, as tabs share the cookie jar. */
function tabs(plugin = tabSync) {
  const storage = createMemoryStorage();
  const make = () => {
    const consent = createStore({ config: resolveConfig({}), storage, plugins: [plugin] });
    instances.push(consent);
    return consent;
  };
  return [make(), make()] as const;
}
/** The channel opens shortly after load. */
const opened = () => new Promise((resolve) => setTimeout(resolve, 80));

afterEach(() => {
  instances.splice(0).forEach((consent) => consent.destroy());
  vi.unstubAllGlobals();
});

describe('tabSync', () => {
  it('brings another tab up to date through BroadcastChannel, without a reload', async () => {
    const [first, second] = tabs();
    const change = vi.fn();
    second.on('change', change);
    await opened();
    await first.acceptAll();
    await vi.waitFor(() => expect(second.allowed('analytics')).toBe(true));
    expect(change).toHaveBeenCalledOnce();
    await first.rejectAll();
    await vi.waitFor(() => expect(second.allowed('analytics')).toBe(false));
  });

  it('follows a reset in another tab', async () => {
    const [first, second] = tabs();
    await opened();
    await first.acceptAll();
    await vi.waitFor(() => expect(second.decided).toBe(true));
    await first.reset();
    await vi.waitFor(() => expect(second.decided).toBe(false));
  });

  it('re-reads the cookie when the tab is focused, where BroadcastChannel is missing', async () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const [first, second] = tabs();
    await first.acceptAll();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(second.allowed('analytics')).toBe(false);
    window.dispatchEvent(new Event('focus'));
    expect(second.allowed('analytics')).toBe(true);
  });

  it('stops listening after destroy', async () => {
    const [first, second] = tabs();
    second.destroy();
    await first.acceptAll();
    await new Promise((resolve) => setTimeout(resolve, 20));
    window.dispatchEvent(new Event('focus'));
    expect(second.allowed('analytics')).toBe(false);
  });
});

describe('tabSync, before the channel opens', () => {
  it('catches a change another tab announced while this one was not listening yet', async () => {
    const [first, second] = tabs();
    // Saved before either tab's channel was open: the announcement reaches no one.
    await first.acceptAll();
    expect(second.allowed('analytics')).toBe(false);
    await opened();
    expect(second.allowed('analytics')).toBe(true);
  });
});
