import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveConfig } from '../../src/core/config';
import { createRecord } from '../../src/core/record';
import { sendToConsentLog } from '../../src/integrations/consent-log';

const record = createRecord(resolveConfig({}), ({ name }) => name == 'analytics', {
  decided: true,
  updatedAt: '2026-11-26T09:30:00.000Z',
  id: '3f9c2a7e0b1d4c6f8a2e5b7d9c0f1a3e',
  source: 'banner',
});

afterEach(() => vi.unstubAllGlobals());

describe('sendToConsentLog', () => {
  it('POSTs the record as JSON with keepalive, and nothing personal', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetch);
    await sendToConsentLog('/consent-log', record);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/consent-log');
    expect(init).toMatchObject({ method: 'POST', keepalive: true, credentials: 'same-origin', headers: { 'Content-Type': 'application/json' } });
    expect(JSON.parse(init.body as string)).toEqual({
      id: '3f9c2a7e0b1d4c6f8a2e5b7d9c0f1a3e',
      updatedAt: '2026-11-26T09:30:00.000Z',
      revision: 0,
      categories: { essential: true, preferences: false, analytics: true },
      exempt: [],
      source: 'banner',
    });
  });

  it('tells categories on under an exemption from those granted by consent', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetch);
    const config = resolveConfig({ categories: { preferences: { exemption: 'appearance' }, analytics: { exemption: 'statistics' }, marketing: {} } });
    // Preferences granted by consent, analytics left on under its exemption, marketing refused.
    const mixed = createRecord(config, ({ name }) => (name == 'preferences' ? true : name == 'analytics' ? null : false), {
      decided: true,
      updatedAt: '2026-11-26T09:30:00.000Z',
      id: '3f9c2a7e0b1d4c6f8a2e5b7d9c0f1a3e',
      source: 'banner',
    });
    await sendToConsentLog('/consent-log', mixed);
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(JSON.parse(init.body as string)).toMatchObject({
      categories: { essential: true, preferences: true, analytics: true, marketing: false },
      exempt: ['analytics'],
    });
  });

  it('fails on a non-2xx answer', async () => {
    vi.stubGlobal('fetch', async () => new Response('nope', { status: 503 }));
    await expect(sendToConsentLog('/log', record)).rejects.toThrow('the consent log answered 503');
  });

  it('fails when the log cannot be reached', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = await sendToConsentLog('/log', record).catch((error: unknown) => error);
    expect((error as Error).message).toBe('the consent log could not be reached');
    expect((error as Error).cause).toEqual(new TypeError('Failed to fetch'));
  });

  it('waits for a slow log up to ten seconds, and gives up then', async () => {
    vi.useFakeTimers();
    let signal: AbortSignal | undefined;
    vi.stubGlobal('fetch', (_: string, init: RequestInit) => {
      signal = init.signal!;
      return new Promise((_, reject) => signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    });
    let outcome: unknown = 'pending';
    const sending = sendToConsentLog('/log', record).catch((error: unknown) => error);
    void sending.then((result) => (outcome = result));
    try {
      await vi.advanceTimersByTimeAsync(9_999);
      expect(signal!.aborted).toBe(false);
      expect(outcome).toBe('pending');
      await vi.advanceTimersByTimeAsync(1);
      expect(signal!.aborted).toBe(true);
      expect(await sending).toEqual(new Error('the consent log could not be reached'));
    } finally {
      vi.useRealTimers();
    }
  });
});
