/** @jsxImportSource react */
import { act, screen } from '@testing-library/react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConsentRecord } from '../../src/core/record';
import type { Consent } from '../../src/core/consent';
import { ConsentGate, ConsentProvider, useConsent } from '../../src/react';
import { testConsent } from '../bindings/consent';

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

function AnalyticsState() {
  const on = useConsent().categories.analytics === true;
  return (
    <button type="button" aria-pressed={on}>
      Analytics cookies
    </button>
  );
}

const page = (consent: Consent, serverRecord?: ConsentRecord): ReactNode => (
  <ConsentProvider consent={consent} serverRecord={serverRecord}>
    <AnalyticsState />
    <ConsentGate category="analytics" fallback={<p>Analytics off</p>}>
      <p>Analytics on</p>
    </ConsentGate>
  </ConsentProvider>
);

/** Hydrates the server's HTML for `server` with `client`; returns the hydration errors React reported. */
async function hydrate(server: ReactNode, client: ReactNode) {
  const container = document.body.appendChild(document.createElement('div'));
  container.innerHTML = renderToString(server);
  const serverButton = screen.getByRole('button', { name: 'Analytics cookies' });
  const errors: unknown[] = [];
  vi.spyOn(console, 'error').mockImplementation((...args) => errors.push(args));
  await act(async () => {
    root = hydrateRoot(container, client, { onRecoverableError: (error) => errors.push(error) });
  });
  return { container, errors, serverButton };
}

describe('hydration (React)', () => {
  it("matches the server's default HTML, then shows the visitor's choice", async () => {
    const consent = testConsent();
    await consent.acceptAll();
    const { container, errors, serverButton } = await hydrate(page(testConsent()), page(consent));
    expect(errors).toEqual([]);
    expect(screen.getByRole('button', { name: 'Analytics cookies', pressed: true })).toBe(serverButton);
    expect(container.textContent).toBe('Analytics cookiesAnalytics on');
  });

  it('matches a server that rendered the visitor’s choice from serverRecord', async () => {
    const consent = testConsent();
    await consent.acceptAll();
    const record = consent.get();
    const { container, errors } = await hydrate(page(testConsent(), record), page(consent, record));
    expect(errors).toEqual([]);
    expect(container.textContent).toBe('Analytics cookiesAnalytics on');
  });
});
