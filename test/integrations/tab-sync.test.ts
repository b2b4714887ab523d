import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveConfig } from '../../src/core/config';
import { createStore } from '../../src/core/store';
import type { Consent } from '../../src/core/consent';
import { tabSync } from '../../src/integrations/tab-sync';
import { createMemoryStorage } from '../../src/storage/memory';
import { writeChoice } from '../../src/storage/write-choice';

const instances: Consent[] = [];
/** "Tabs": consent instances sharing one storage, as tabs share the cookie jar. Two unless told. */
function tabs(count = 2) {
  const storage = createMemoryStorage();
  return Array.from({ length: count }, () => {
    const consent = createStore({ config: resolveConfig({}), storage, write: writeChoice, plugins: [tabSync] });
    instances.push(consent);
    return consent;
  }) as [Consent, Consent, ...Consent[]];
}
/**
 * In a tab loaded out of sight (jsdom's document has no focus), the channel
 * opens 50 ms after load and the cookie is read again 50 ms after that;
 * timers fire in order of their due time, so this one comes later.
 */
const opened = () => new Promise((resolve) => setTimeout(resolve, 130));

/**
 * A BroadcastChannel whose messages wait for the test to deliver them: after
 * `deliver()`, every message sent so far has reached every open channel, so
 * "nothing happened" is checked at a known point rather than after a pause.
 */
function heldChannels() {
  const open = new Set<{ name: string; onmessage: ((event: MessageEvent) => void) | null }>();
  const held: (() => void)[] = [];
  vi.stubGlobal(
    'BroadcastChannel',
    class {
      onmessage: ((event: MessageEvent) => void) | null = null;
      constructor(readonly name: string) {
        open.add(this);
      }
      postMessage(data: unknown) {
        for (const other of open) {
          if (other != this && other.name == this.name) held.push(() => open.has(other) && other.onmessage?.(new MessageEvent('message', { data })));
        }
      }
      close() {
        open.delete(this);
      }
    },
  );
  return { deliver: () => held.splice(0).forEach((send) => send()), count: () => open.size };
}

afterEach(() => {
  instances.splice(0).forEach((consent) => consent.destroy());
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  vi.useRealTimers();
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
    // With timers held, the focus event is the only thing that can make the second tab re-read.
    vi.useFakeTimers();
    vi.stubGlobal('BroadcastChannel', undefined);
    const [first, second] = tabs();
    const saving = first.acceptAll();
    // The write waits one task after the choice; the channel's 50 ms timer stays held.
    await vi.advanceTimersByTimeAsync(0);
    expect(await saving).toEqual({ ok: true });
    expect(second.allowed('analytics')).toBe(false);
    window.dispatchEvent(new Event('focus'));
    expect(second.allowed('analytics')).toBe(true);
  });

  it('stops listening after destroy', async () => {
    const channels = heldChannels();
    const [first, second, third] = tabs(3);
    await opened();
    second.destroy();
    await first.acceptAll();
    channels.deliver();
    // The message was sent and reached the tab still open, not the destroyed one.
    expect(third!.allowed('analytics')).toBe(true);
    expect(second.allowed('analytics')).toBe(false);
    window.dispatchEvent(new Event('focus'));
    document.dispatchEvent(new Event('visibilitychange'));
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

describe('tabSync, in the tab the visitor is looking at', () => {
  // jsdom's tabs share one window: a `blur` here is every tab's.
  const leave = () => window.dispatchEvent(new Event('blur'));

  it('opens no channel while the visitor stays, and listens once they leave for another tab', async () => {
    vi.spyOn(document, 'hasFocus').mockReturnValue(true);
    const channels = heldChannels();
    const [first, second] = tabs();
    await opened();
    expect(channels.count()).toBe(0);
    leave();
    expect(channels.count()).toBe(2);
    await first.acceptAll();
    channels.deliver();
    expect(second.allowed('analytics')).toBe(true);
  });

  it('listens once hidden (a phone switching apps)', async () => {
    vi.spyOn(document, 'hasFocus').mockReturnValue(true);
    const channels = heldChannels();
    const [first, second] = tabs();
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(channels.count()).toBe(2);
    await first.rejectAll();
    channels.deliver();
    expect(second.decided).toBe(true);
  });

  it('announces a choice made in it to the tabs in the background', async () => {
    // The first tab has the visitor's attention, the second was opened behind it.
    vi.spyOn(document, 'hasFocus').mockReturnValueOnce(true).mockReturnValueOnce(false);
    const channels = heldChannels();
    const [first, second] = tabs();
    await opened();
    expect(channels.count()).toBe(1);
    await first.acceptAll();
    channels.deliver();
    expect(second.allowed('analytics')).toBe(true);
  });

  it('catches up, once left, with a change it could not hear (the site’s own code in another tab)', async () => {
    vi.spyOn(document, 'hasFocus').mockReturnValue(true);
    heldChannels();
    const [first, second] = tabs();
    await second.acceptAll();
    expect(first.allowed('analytics')).toBe(false);
    leave();
    await opened();
    expect(first.allowed('analytics')).toBe(true);
  });
});
