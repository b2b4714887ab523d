/** @jsxImportSource react */
// Type tests, checked by `tsc --noEmit -p .`: the typed bindings reject
// category names the config does not have; the plain ones take any string.
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { createConsent, createMemoryStorage, type Consent, type ConsentRecord } from '../../src/entries/headless';
import * as plain from '../../src/react';
import { createConsentHooks } from '../../src/react';
import { settle } from '../bindings/consent';

afterEach(cleanup);

const consent = createConsent({ categories: { analytics: {}, marketing: {} }, storage: createMemoryStorage() });
type Names = 'essential' | 'analytics' | 'marketing';
const { ConsentProvider, ConsentGate, useConsent, useConsentInstance } = createConsentHooks(consent);

describe('typed bindings (React)', () => {
  it('carry the category names of the config', () => {
    expectTypeOf(useConsent).returns.toEqualTypeOf<ConsentRecord<Names>>();
    expectTypeOf(useConsentInstance).returns.toEqualTypeOf<Consent<Names>>();
    expectTypeOf(ConsentGate).parameter(0).toHaveProperty('category').toEqualTypeOf<Names>();
    expectTypeOf(createConsentHooks<'essential' | 'ads'>().useConsent).returns.toEqualTypeOf<ConsentRecord<'essential' | 'ads'>>();
  });

  it('reject a misspelt category, and work as the plain ones do', async () => {
    function Page() {
      const record = useConsent();
      // @ts-expect-error: not a category of this config
      void record.categories.analytcs;
      const instance = useConsentInstance();
      // @ts-expect-error: nor here
      void (() => instance.save({ analytcs: true }));
      return (
        <>
          <ConsentGate category="analytics">
            <p>Analytics on</p>
          </ConsentGate>
          {/* @ts-expect-error: a typo in a gate is a compile error */}
          <ConsentGate category="analytcs">
            <p>Never</p>
          </ConsentGate>
        </>
      );
    }
    render(
      <ConsentProvider consent={consent}>
        <Page />
      </ConsentProvider>,
    );
    expect(screen.queryByText('Analytics on')).toBeNull();
    await settle(act, () => consent.acceptAll());
    expect(screen.getByText('Analytics on')).toBeTruthy();
    expect(screen.queryByText('Never')).toBeNull();
    consent.destroy();
  });

  it('plain bindings take any string, and a typed instance', () => {
    const untyped: Consent = createConsent({ storage: createMemoryStorage() }) as Consent;
    expectTypeOf(plain.useConsent).returns.toEqualTypeOf<ConsentRecord>();
    expectTypeOf(plain.ConsentGate<string>)
      .parameter(0)
      .toHaveProperty('category')
      .toEqualTypeOf<string>();
    render(
      <plain.ConsentProvider consent={consent}>
        <plain.ConsentGate category={'any' + 'thing'}>
          <p>Never</p>
        </plain.ConsentGate>
        <plain.ConsentProvider consent={untyped}>
          <plain.ConsentGate category="essential">
            <p>Always</p>
          </plain.ConsentGate>
        </plain.ConsentProvider>
      </plain.ConsentProvider>,
    );
    expect(document.body.textContent).toBe('Always');
    untyped.destroy();
  });
});
