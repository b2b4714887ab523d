import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useLayoutEffect } from 'preact/hooks';
import { memo } from 'preact/compat';
import { afterEach, describe, expect, it } from 'vitest';
import { BiscuitError } from '../../src/core/errors';
import type { Consent } from '../../src/core/store';
import { createMemoryStorage } from '../../src/storage/memory';
import { ConsentProvider, useConsent, useConsentInstance } from '../../src/preact';
import { settle, testConsent } from './consent';

afterEach(cleanup);

let renders = 0;
afterEach(() => {
  renders = 0;
});

/** Shows the record and toggles analytics through the instance. */
function AnalyticsSwitch() {
  renders++;
  const record = useConsent();
  const consent = useConsentInstance();
  const on = record.categories.analytics === true;
  return (
    <section aria-label="Cookie choice">
      <p>{record.decided ? `Decided by ${record.source}` : 'Not decided'}</p>
      <button type="button" aria-pressed={on} onClick={() => void consent.save({ analytics: !on })}>
        Analytics cookies
      </button>
    </section>
  );
}

const toggle = () => screen.getByRole('button', { name: 'Analytics cookies' });
const choice = () => screen.getByRole('region', { name: 'Cookie choice' });

describe('useConsent (Preact)', () => {
  it('renders the current record and follows every change', async () => {
    const consent = testConsent();
    render(
      <ConsentProvider consent={consent}>
        <AnalyticsSwitch />
      </ConsentProvider>,
    );
    expect(choice().textContent).toContain('Not decided');
    expect(toggle().getAttribute('aria-pressed')).toBe('false');

    fireEvent.click(toggle());
    // The record changes at once; the change event follows the cookie write.
    expect(consent.allowed('analytics')).toBe(true);
    await screen.findByRole('button', { name: 'Analytics cookies', pressed: true });
    expect(choice().textContent).toContain('Decided by api');

    await settle(() => consent.rejectAll());
    expect(toggle().getAttribute('aria-pressed')).toBe('false');
  });

  it('renders once per change, and not for events or saves that change nothing', async () => {
    const consent = testConsent();
    render(
      <ConsentProvider consent={consent}>
        <AnalyticsSwitch />
      </ConsentProvider>,
    );
    expect(renders).toBe(1);
    await settle(() => consent.acceptAll());
    expect(renders).toBe(2);
    await act(async () => {
      consent.showBanner();
      consent.hide();
      consent.refresh();
      await consent.acceptAll();
    });
    expect(renders).toBe(2);
  });

  it('does not re-render a memoised reader when the provider re-renders', () => {
    const consent = testConsent();
    const Reader = memo(AnalyticsSwitch);
    const app = (title: string) => (
      <ConsentProvider consent={consent}>
        <h1>{title}</h1>
        <Reader />
      </ConsentProvider>
    );
    const { rerender } = render(app('One'));
    renders = 0;
    rerender(app('Two'));
    expect(screen.getByRole('heading').textContent).toBe('Two');
    expect(renders).toBe(0);
  });

  it('catches a change made between its render and its subscription', async () => {
    const storage = createMemoryStorage();
    const consent = testConsent({}, storage);
    await testConsent({}, storage).acceptAll();
    // Rendered before the switch, so its layout effect runs before the switch subscribes.
    function SyncsEarly() {
      useLayoutEffect(() => consent.refresh(), []);
      return null;
    }
    render(
      <ConsentProvider consent={consent}>
        <SyncsEarly />
        <AnalyticsSwitch />
      </ConsentProvider>,
    );
    expect(toggle().getAttribute('aria-pressed')).toBe('true');
  });

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
      on: (_: string, listener: () => void) => (listeners.add(listener), () => listeners.delete(listener)),
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

  it('follows a change of instance and stops listening to the old one', async () => {
    const first = testConsent();
    const second = testConsent();
    const app = (consent: Consent) => (
      <ConsentProvider consent={consent}>
        <AnalyticsSwitch />
      </ConsentProvider>
    );
    const { rerender } = render(app(first));
    await settle(() => second.acceptAll());
    rerender(app(second));
    expect(toggle().getAttribute('aria-pressed')).toBe('true');
    renders = 0;
    await settle(() => first.acceptAll());
    expect(renders).toBe(0);
    expect(toggle().getAttribute('aria-pressed')).toBe('true');
  });

  it('unsubscribes when unmounted', async () => {
    const consent = testConsent();
    const { unmount } = render(
      <ConsentProvider consent={consent}>
        <AnalyticsSwitch />
      </ConsentProvider>,
    );
    unmount();
    renders = 0;
    await settle(() => consent.acceptAll());
    expect(renders).toBe(0);
  });
});

describe('outside a ConsentProvider (Preact)', () => {
  it('useConsent throws an error naming the provider', () => {
    function Reader() {
      useConsent();
      return null;
    }
    expect(() => render(<Reader />)).toThrow(BiscuitError);
    expect(() => render(<Reader />)).toThrow(
      'biscuit-consent: useConsent() must be used inside <ConsentProvider consent={…}> from "biscuit-consent/preact"; none was found above it',
    );
  });

  it('useConsentInstance throws an error naming the provider', () => {
    function Actor() {
      useConsentInstance();
      return null;
    }
    expect(() => render(<Actor />)).toThrow(/useConsentInstance\(\) must be used inside <ConsentProvider/);
  });
});
