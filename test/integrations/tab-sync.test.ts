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
/** The channel opens 50 ms after load; timers fire in order of their due time, so this one comes later. */
const opened = () => new Promise((resolve) => setTimeout(resolve, 80));

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
  return { deliver: () => held.splice(0).forEach((send) => send()) };
}

afterEach(() => {
  instances.splice(0).forEach((consent) => consent.destroy());
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
