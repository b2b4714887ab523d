import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { ConfigError, StorageError, createConsent, createMemoryStorage, type ConsentRecord } from '../../src/entries/headless';

const instances: { destroy(): void }[] = [];
const track = <T extends { destroy(): void }>(consent: T) => {
  instances.push(consent);
  return consent;
};

afterEach(() => {
  instances.splice(0).forEach((consent) => consent.destroy());
  document.cookie = 'biscuit_consent=; path=/; max-age=0';
  vi.restoreAllMocks();
});

describe('createConsent (headless)', () => {
  it('keeps the choice in the consent cookie', async () => {
    const consent = track(createConsent());
    await consent.acceptAll();
    expect(document.cookie).toMatch(/^biscuit_consent=2\.0\.\d+\.a\.preferences=1&analytics=1\.[\da-f]{32}$/);
    expect(track(createConsent()).get()).toEqual(consent.get());
  });

  it('dispatches biscuit:change and biscuit:error on document', async () => {
    const consent = track(createConsent());
    const changes: ConsentRecord[] = [];
    const listener = (event: Event) => changes.push((event as CustomEvent<ConsentRecord>).detail);
    document.addEventListener('biscuit:change', listener);
    await consent.acceptAll();
    document.removeEventListener('biscuit:change', listener);
    expect(changes).toEqual([consent.get()]);

    const errors: unknown[] = [];
    document.addEventListener('biscuit:error', (event) => errors.push((event as CustomEvent).detail), { once: true });
    vi.spyOn(document, 'cookie', 'set').mockImplementation(() => {});
    const result = await consent.rejectAll();
    expect(result.ok).toBe(false);
    expect(errors).toEqual([expect.any(StorageError)]);
  });

  it('survives a page whose document.cookie throws', async () => {
    vi.spyOn(document, 'cookie', 'get').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    const consent = track(createConsent());
    expect(consent.decided).toBe(false);
    const result = await consent.acceptAll();
    expect(result.ok).toBe(false);
    expect(consent.allowed('analytics')).toBe(true);
  });

  it('reads Global Privacy Control from the browser', async () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    const consent = track(createConsent({ categories: { analytics: {}, marketing: {} } }));
    delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
    await consent.acceptAll();
    expect(consent.get().categories).toEqual({ essential: true, analytics: true, marketing: false });
  });

  it('accepts another storage', async () => {
    const storage = createMemoryStorage();
    const consent = track(createConsent({ storage }));
    await consent.acceptAll();
    expect(storage.read()).toMatch(/^2\./);
    expect(document.cookie).toBe('');
  });

  it('fails fast on a bad config', () => {
    expect(() => createConsent({ cookie: { expiresDays: 0 } })).toThrow(ConfigError);
  });

  it('warns about unknown keys on the console', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    track(createConsent({ cookiesPage: '/cookies' } as never));
    expect(warn).toHaveBeenCalledWith('biscuit-consent: ignoring unknown config keys: cookiesPage');
  });

  it('infers category names from the config', () => {
    const typed = track(createConsent({ categories: { analytics: {}, marketing: {} } }));
    expectTypeOf(typed.allowed).parameter(0).toEqualTypeOf<'analytics' | 'marketing' | 'essential'>();
    // @ts-expect-error: a typo in a category name is a compile error
    typed.allowed('analytcs');
    // @ts-expect-error: so is saving one
    expect(() => typed.save({ analytcs: true })).toThrow();
    expectTypeOf(typed.get().categories).toEqualTypeOf<Readonly<Record<'analytics' | 'marketing' | 'essential', boolean>>>();

    const defaults = track(createConsent());
    expectTypeOf(defaults.allowed).parameter(0).toEqualTypeOf<'essential' | 'preferences' | 'analytics'>();
    // @ts-expect-error: marketing is not a default category
    defaults.allowed('marketing');

    const fromJson = track(createConsent(JSON.parse('{}') as import('../../src/entries/headless').ConsentConfig));
    expectTypeOf(fromJson.allowed).parameter(0).toEqualTypeOf<string>();
  });
});
