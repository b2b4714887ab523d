/** @jsxImportSource react */
import { act, cleanup, render, screen } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Consent } from '../../src/core/store';
import { createMemoryStorage } from '../../src/storage/memory';
import { ConsentGate, ConsentProvider } from '../../src/react';
import { settle, testConsent } from './consent';

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
  return <figure aria-label="Visitors this week" />;
}

const chart = () => screen.queryByRole('figure', { name: 'Visitors this week' });
const placeholder = () => screen.queryByRole('button', { name: 'Allow analytics cookies to see the chart' });

function Page({ consent }: { consent: Consent }) {
  return (
    <ConsentProvider consent={consent}>
      <ConsentGate category="analytics" fallback={<button type="button">Allow analytics cookies to see the chart</button>}>
        <Chart />
      </ConsentGate>
    </ConsentProvider>
  );
}

describe('ConsentGate (React)', () => {
  it('shows the fallback until the category is granted, then the children', async () => {
    const consent = testConsent();
    render(<Page consent={consent} />);
    expect(chart()).toBeNull();
    expect(placeholder()).not.toBeNull();

    await settle(() => consent.save({ analytics: true }));
    expect(chart()).not.toBeNull();
    expect(placeholder()).toBeNull();
  });

  it('unmounts the children when the category is withdrawn', async () => {
    const consent = testConsent();
    await consent.acceptAll();
    render(<Page consent={consent} />);
    expect(chart()).not.toBeNull();

    await settle(() => consent.save({ analytics: false }));
    expect(chart()).toBeNull();
    expect(placeholder()).not.toBeNull();
    expect(mounted).toEqual(['mount', 'unmount']);
  });

  it("follows a choice made in another tab once this tab's instance refreshes", async () => {
    const storage = createMemoryStorage();
    const here = testConsent({}, storage);
    render(<Page consent={here} />);
    await testConsent({}, storage).acceptAll();
    expect(chart()).toBeNull();
    act(() => here.refresh());
    expect(chart()).not.toBeNull();

    await testConsent({}, storage).rejectAll();
    act(() => here.refresh());
    expect(chart()).toBeNull();
  });

  it('renders nothing by default while not granted', () => {
    render(
      <ConsentProvider consent={testConsent()}>
        <ConsentGate category="analytics">
          <Chart />
        </ConsentGate>
      </ConsentProvider>,
    );
    expect(document.body.textContent).toBe('');
    expect(chart()).toBeNull();
  });

  it('always renders essential content, and never for unknown names or Object.prototype members', async () => {
    const consent = testConsent();
    await consent.acceptAll();
    render(
      <ConsentProvider consent={consent}>
        {['essential', 'marketing', 'constructor', '__proto__', 'toString'].map((category) => (
          <ConsentGate key={category} category={category}>
            <p>{category}</p>
          </ConsentGate>
        ))}
      </ConsentProvider>,
    );
    expect(document.body.textContent).toBe('essential');
  });

  it('throws outside a provider, naming it', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<ConsentGate category="analytics" />)).toThrow(
      'biscuit-consent: <ConsentGate> must be used inside <ConsentProvider consent={…}> from "biscuit-consent/react"; none was found above it',
    );
  });
});
