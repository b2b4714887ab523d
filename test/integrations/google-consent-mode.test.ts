import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveConfig, type ConsentConfig } from '../../src/core/config';
import { createStore } from '../../src/core/store';
import { googleConsentMode } from '../../src/integrations/google-consent-mode';
import { createMemoryStorage } from '../../src/storage/memory';
import { writeChoice } from '../../src/storage/write-choice';

type Command = [string, string, Record<string, unknown>];
const dataLayer = () => (window as unknown as { dataLayer: IArguments[] }).dataLayer;
const commands = () => dataLayer().map((entry) => Array.from(entry) as Command);

function setup(options: ConsentConfig['googleConsentMode'] = true, config: ConsentConfig = {}, storage = createMemoryStorage()) {
  const resolved = resolveConfig({ ...config, googleConsentMode: options });
  return createStore({ config: resolved, storage, write: writeChoice, plugins: [googleConsentMode(resolved.googleConsentMode!)] });
}

const DENIED = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
  security_storage: 'granted',
};

beforeEach(() => {
  delete (window as { dataLayer?: unknown }).dataLayer;
});
afterEach(() => {
  delete (window as { dataLayer?: unknown }).dataLayer;
});

describe('googleConsentMode', () => {
  it('pushes the default the way gtag.js does: an arguments object, everything denied but security', () => {
    setup();
    expect(Object.prototype.toString.call(dataLayer()[0])).toBe('[object Arguments]');
    expect(commands()).toEqual([['consent', 'default', { ...DENIED, wait_for_update: 500 }]]);
  });

  it('keeps what the page already queued and adds region and wait_for_update', () => {
    (window as unknown as { dataLayer: unknown[] }).dataLayer = [{ event: 'page' }];
    setup({ region: ['GB', 'FR'], waitForUpdate: 800 });
    expect(dataLayer()[0]).toEqual({ event: 'page' });
    expect(Array.from(dataLayer()[1]!)).toEqual(['consent', 'default', { ...DENIED, wait_for_update: 800, region: ['GB', 'FR'] }]);
  });

  it('sends an update the moment each choice applies, with the default mapping', async () => {
    const consent = setup(true, { categories: { preferences: {}, analytics: {}, marketing: {} } });
    const saving = consent.save({ analytics: true });
    // Tags waiting on wait_for_update need not wait for the cookie write as well.
    expect(commands()[1]).toEqual(['consent', 'update', { ...DENIED, analytics_storage: 'granted' }]);
    await saving;
    await consent.save({ preferences: true, marketing: true });
    expect(commands()[2]).toEqual([
      'consent',
      'update',
      {
        ...DENIED,
        analytics_storage: 'granted',
        functionality_storage: 'granted',
        personalization_storage: 'granted',
        ad_storage: 'granted',
        ad_user_data: 'granted',
        ad_personalization: 'granted',
      },
    ]);
    await consent.rejectAll();
    expect(commands()[3]).toEqual(['consent', 'update', DENIED]);
  });

  it('updates on load for a returning visitor', async () => {
    const storage = createMemoryStorage();
    await createStore({ config: resolveConfig({}), storage, write: writeChoice }).acceptAll();
    setup(true, {}, storage);
    expect(commands().map(([, type]) => type)).toEqual(['default', 'update']);
    expect(commands()[1]![2]).toMatchObject({ analytics_storage: 'granted', functionality_storage: 'granted', ad_storage: 'denied' });
  });

  it('lets a mapping replace the default for the categories it names', async () => {
    const consent = setup(
      { mapping: { analytics: ['analytics_storage', 'ad_user_data'], social: ['ad_personalization'] } },
      {
        categories: { analytics: {}, social: {} },
      },
    );
    await consent.save({ analytics: true });
    expect(commands()[1]![2]).toEqual({ ...DENIED, analytics_storage: 'granted', ad_user_data: 'granted' });
    await consent.save({ social: true });
    expect(commands()[2]![2]).toMatchObject({ ad_personalization: 'granted', ad_storage: 'denied' });
  });

  describe('with UK exemptions', () => {
    const uk: ConsentConfig = { categories: { preferences: { exemption: 'appearance' }, analytics: { exemption: 'statistics' }, marketing: {} } };

    it('keeps the default denied until the visitor is told, then grants what runs under an exemption', () => {
      const consent = setup(true, uk);
      expect(commands()).toHaveLength(1);
      consent.noticeShown();
      expect(commands()[1]).toEqual([
        'consent',
        'update',
        { ...DENIED, analytics_storage: 'granted', functionality_storage: 'granted', personalization_storage: 'granted' },
      ]);
    });

    it('denies an exempt category the visitor objected to', async () => {
      const consent = setup(true, uk);
      consent.noticeShown();
      await consent.save({ analytics: false });
      expect(commands().at(-1)![2]).toMatchObject({ analytics_storage: 'denied', functionality_storage: 'granted' });
    });

    it('grants exempt categories on load for a returning visitor who hid the message', async () => {
      const storage = createMemoryStorage();
      await createStore({ config: resolveConfig(uk), storage, write: writeChoice }).save({}, { source: 'banner' });
      setup(true, uk, storage);
      expect(commands()[1]).toEqual([
        'consent',
        'update',
        { ...DENIED, analytics_storage: 'granted', functionality_storage: 'granted', personalization_storage: 'granted' },
      ]);
    });
  });
});
