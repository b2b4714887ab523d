// The tests of useConsent and useConsentInstance, the same for React and
// Preact: test/react/use-consent.test.tsx and test/preact/use-consent.test.tsx
// run them, each with its framework.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BiscuitError } from '../../src/core/errors';
import type { Consent } from '../../src/core/consent';
import { createMemoryStorage } from '../../src/storage/memory';
import { settle, testConsent } from './consent';
import type { AnyComponent, BindingFramework, Component } from './framework';

/** What the tests render, for the tests only one framework has. */
export interface UseConsentFixture<E> {
  /** Shows the record and toggles analytics through the instance; counts its renders in `renders`. */
  AnalyticsSwitch(): E;
  renders: number;
  toggle(): HTMLElement;
  choice(): HTMLElement;
}

/** The framework's `memo`: only these tests use it (Preact's is in preact/compat). */
export type Memo<E> = <P>(component: Component<P, E>) => AnyComponent;

/**
 * Describes "useConsent (React)" and "outside a ConsentProvider (React)" (or
 * Preact). `more` adds the tests of one framework to the first.
 */
export function describeUseConsent<E>(framework: BindingFramework<E> & { memo: Memo<E> }, more?: (fixture: UseConsentFixture<E>) => void): void {
  const { name, entry, createElement: el, memo, useLayoutEffect } = framework;
  const { ConsentProvider, useConsent, useConsentInstance } = framework.bindings;
  const { render, screen, fireEvent, cleanup, act } = framework.library;

  const fixture: UseConsentFixture<E> = {
    AnalyticsSwitch() {
      fixture.renders++;
      const record = useConsent();
      const consent = useConsentInstance();
      const on = record.categories.analytics === true;
      return el(
        'section',
        { 'aria-label': 'Cookie choice' },
        el('p', null, record.decided ? `Decided by ${record.source}` : 'Not decided'),
        el('button', { type: 'button', 'aria-pressed': on, onClick: () => void consent.save({ analytics: !on }) }, 'Analytics cookies'),
      );
    },
    renders: 0,
    toggle: () => screen.getByRole('button', { name: 'Analytics cookies' }),
    choice: () => screen.getByRole('region', { name: 'Cookie choice' }),
  };
  const { AnalyticsSwitch, toggle, choice } = fixture;

  afterEach(() => {
    cleanup();
    fixture.renders = 0;
    vi.restoreAllMocks();
  });

  describe(`useConsent (${name})`, () => {
    it('renders the current record and follows every change', async () => {
      const consent = testConsent();
      render(el(ConsentProvider, { consent }, el(AnalyticsSwitch)));
      expect(choice().textContent).toContain('Not decided');
      expect(toggle().getAttribute('aria-pressed')).toBe('false');

      fireEvent.click(toggle());
      // The record changes at once; the change event follows the cookie write.
      expect(consent.allowed('analytics')).toBe(true);
      await screen.findByRole('button', { name: 'Analytics cookies', pressed: true });
      expect(choice().textContent).toContain('Decided by api');

      await settle(act, () => consent.rejectAll());
      expect(toggle().getAttribute('aria-pressed')).toBe('false');
    });

    it('renders once per change, and not for events or saves that change nothing', async () => {
      const consent = testConsent();
      render(el(ConsentProvider, { consent }, el(AnalyticsSwitch)));
      expect(fixture.renders).toBe(1);
      await settle(act, () => consent.acceptAll());
      expect(fixture.renders).toBe(2);
      await settle(act, async () => {
        consent.showBanner();
        consent.hide();
        consent.refresh();
        await consent.acceptAll();
      });
      expect(fixture.renders).toBe(2);
    });

    it('does not re-render a memoised reader when the provider re-renders', () => {
      const consent = testConsent();
      const Reader = memo(AnalyticsSwitch);
      const app = (title: string) => el(ConsentProvider, { consent }, el('h1', null, title), el(Reader));
      const { rerender } = render(app('One'));
      fixture.renders = 0;
      rerender(app('Two'));
      expect(screen.getByRole('heading').textContent).toBe('Two');
      expect(fixture.renders).toBe(0);
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
      render(el(ConsentProvider, { consent }, el(SyncsEarly), el(AnalyticsSwitch)));
      expect(toggle().getAttribute('aria-pressed')).toBe('true');
    });

    it('follows a change of instance and stops listening to the old one', async () => {
      const first = testConsent();
      const second = testConsent();
      const app = (consent: Consent) => el(ConsentProvider, { consent }, el(AnalyticsSwitch));
      const { rerender } = render(app(first));
      await settle(act, () => second.acceptAll());
      rerender(app(second));
      expect(toggle().getAttribute('aria-pressed')).toBe('true');
      fixture.renders = 0;
      await settle(act, () => first.acceptAll());
      expect(fixture.renders).toBe(0);
      expect(toggle().getAttribute('aria-pressed')).toBe('true');
    });

    it('unsubscribes when unmounted', async () => {
      const consent = testConsent();
      const { unmount } = render(el(ConsentProvider, { consent }, el(AnalyticsSwitch)));
      unmount();
      fixture.renders = 0;
      await settle(act, () => consent.acceptAll());
      expect(fixture.renders).toBe(0);
    });

    more?.(fixture);
  });

  describe(`outside a ConsentProvider (${name})`, () => {
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
        expect(() => render(el(Reader))).toThrow(BiscuitError);
        expect(() => render(el(Reader))).toThrow(
          `biscuit-consent: useConsent() must be used inside <ConsentProvider consent={…}> from "${entry}"; none was found above it`,
        );
      });
    });

    it('useConsentInstance throws an error naming the provider', () => {
      function Actor() {
        useConsentInstance();
        return null;
      }
      quietly(() => expect(() => render(el(Actor))).toThrow(/useConsentInstance\(\) must be used inside <ConsentProvider/));
    });
  });
}
