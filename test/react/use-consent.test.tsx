/** @jsxImportSource react */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { memo, useLayoutEffect } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BiscuitError } from '../../src/core/errors';
import type { Consent } from '../../src/core/store';
import { createMemoryStorage } from '../../src/storage/memory';
import { ConsentProvider, useConsent, useConsentInstance } from '../../src/react';
import { settle, testConsent } from './consent';

afterEach(() => {
  cleanup();
  renders = 0;
  vi.restoreAllMocks();
});

let renders = 0;

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

describe('useConsent (React)', () => {
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
    await settle(async () => {
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

describe('outside a ConsentProvider (React)', () => {
  // React reports the error to the console as well as throwing it.
  const quietly = (fn: () => void) => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    fn();
  };

  it('useConsent throws an error naming the provider', () => {
    function Reader() {
      useConsent();
      return null;
    }
    quietly(() => {
      expect(() => render(<Reader />)).toThrow(BiscuitError);
      expect(() => render(<Reader />)).toThrow(
        'biscuit-consent: useConsent() must be used inside <ConsentProvider consent={…}> from "biscuit-consent/react"; none was found above it',
      );
    });
  });

  it('useConsentInstance throws an error naming the provider', () => {
    function Actor() {
      useConsentInstance();
      return null;
    }
    quietly(() => expect(() => render(<Actor />)).toThrow(/useConsentInstance\(\) must be used inside <ConsentProvider/));
  });
});

