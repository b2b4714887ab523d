// useConsent and useConsentInstance in Preact: the shared suite (test/bindings),
// and what only the Preact binding does itself.
import { act, render } from '@testing-library/preact';
import { memo } from 'preact/compat';
import { expect, it } from 'vitest';
import type { Consent } from '../../src/core/consent';
import { ConsentProvider } from '../../src/preact';
import { testConsent } from '../bindings/consent';
import { describeUseConsent } from '../bindings/use-consent.suite';
import { preact } from './framework';

describeUseConsent({ ...preact, memo }, ({ AnalyticsSwitch, toggle }) => {
  it('compares with what it rendered last, even when that came from an unrelated render', async () => {
    // A minimal instance whose record can go back to an earlier object.
    const refused = testConsent().get();
    const granted = testConsent();
    await granted.acceptAll();
    let current = refused;
    const listeners = new Set<() => void>();
    const consent = {
      ...testConsent(),
      get: () => current,
      on: (_: string, listener: () => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    } as unknown as Consent;
    const app = (title: string) => (
      <ConsentProvider consent={consent}>
        <h1>{title}</h1>
        <AnalyticsSwitch />
      </ConsentProvider>
    );
    const { rerender } = render(app('One'));
    current = granted.get();
    rerender(app('Two'));
    expect(toggle().getAttribute('aria-pressed')).toBe('true');
    current = refused;
    act(() => listeners.forEach((listener) => listener()));
    expect(toggle().getAttribute('aria-pressed')).toBe('false');
  });
});
