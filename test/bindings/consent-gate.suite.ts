// The tests of ConsentGate, the same for React and Preact:
// test/react/consent-gate.test.tsx and test/preact/consent-gate.test.tsx run
// them, each with its framework.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Consent } from '../../src/core/consent';
import { createMemoryStorage } from '../../src/storage/memory';
import { settle, testConsent } from './consent';
import type { BindingFramework } from './framework';

/** Describes "ConsentGate (React)" (or Preact). */
export function describeConsentGate<E>(framework: BindingFramework<E>): void {
  const { name, entry, createElement: el, useEffect } = framework;
  const { ConsentGate, ConsentProvider } = framework.bindings;
  const { render, screen, cleanup, act } = framework.library;

  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  const mounted: string[] = [];
  beforeEach(() => {
    mounted.length = 0;
  });

  /** Stands in for an analytics widget; records its mounts and unmounts. */
  function Chart() {
    useEffect(() => {
      mounted.push('mount');
      return () => void mounted.push('unmount');
    }, []);
    return el('figure', { 'aria-label': 'Visitors this week' });
  }

  const chart = () => screen.queryByRole('figure', { name: 'Visitors this week' });
  const placeholder = () => screen.queryByRole('button', { name: 'Allow analytics cookies to see the chart' });

  const page = (consent: Consent) =>
    el(
      ConsentProvider,
      { consent },
      el(ConsentGate, { category: 'analytics', fallback: el('button', { type: 'button' }, 'Allow analytics cookies to see the chart') }, el(Chart)),
    );

  describe(`ConsentGate (${name})`, () => {
    it('shows the fallback until the category is granted, then the children', async () => {
      const consent = testConsent();
      render(page(consent));
      expect(chart()).toBeNull();
      expect(placeholder()).not.toBeNull();

      await settle(act, () => consent.save({ analytics: true }));
      expect(chart()).not.toBeNull();
      expect(placeholder()).toBeNull();
    });

    it('unmounts the children when the category is withdrawn', async () => {
      const consent = testConsent();
      await consent.acceptAll();
      render(page(consent));
      expect(chart()).not.toBeNull();

      await settle(act, () => consent.save({ analytics: false }));
      expect(chart()).toBeNull();
      expect(placeholder()).not.toBeNull();
      expect(mounted).toEqual(['mount', 'unmount']);
    });

    it("follows a choice made in another tab once this tab's instance refreshes", async () => {
      const storage = createMemoryStorage();
      const here = testConsent({}, storage);
      render(page(here));
      await testConsent({}, storage).acceptAll();
      expect(chart()).toBeNull();
      act(() => here.refresh());
      expect(chart()).not.toBeNull();

      await testConsent({}, storage).rejectAll();
      act(() => here.refresh());
      expect(chart()).toBeNull();
    });

    it('renders nothing by default while not granted', () => {
      render(el(ConsentProvider, { consent: testConsent() }, el(ConsentGate, { category: 'analytics' }, el(Chart))));
      expect(document.body.textContent).toBe('');
      expect(chart()).toBeNull();
    });

    it('always renders essential content, and never for unknown names or Object.prototype members', async () => {
      const consent = testConsent();
      await consent.acceptAll();
      render(
        el(
          ConsentProvider,
          { consent },
          ['essential', 'marketing', 'constructor', '__proto__', 'toString'].map((category) =>
            el(ConsentGate, { key: category, category }, el('p', null, category)),
          ),
        ),
      );
      expect(document.body.textContent).toBe('essential');
    });

    it('throws outside a provider, naming it', () => {
      // React reports the error to the console as well as throwing it.
      vi.spyOn(console, 'error').mockImplementation(() => {});
      expect(() => render(el(ConsentGate, { category: 'analytics' }))).toThrow(
        `biscuit-consent: <ConsentGate> must be used inside <ConsentProvider consent={…}> from "${entry}"; none was found above it`,
      );
    });
  });
}
