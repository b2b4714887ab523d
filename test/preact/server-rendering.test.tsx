import { act, cleanup, screen } from '@testing-library/preact';
import { hydrate, render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsentGate, ConsentProvider, useConsent } from '../../src/preact';
import { testConsent } from '../bindings/consent';

afterEach(() => {
  cleanup();
  document.body.replaceChildren();
});

let renders: string[] = [];
afterEach(() => {
  renders = [];
});

function AnalyticsState() {
  const on = useConsent().categories.analytics === true;
  renders.push(String(on));
  return (
    <button type="button" aria-pressed={on}>
      Analytics cookies
    </button>
  );
}

describe('server-rendered pages (Preact)', () => {
  it('hydrates with serverRecord, then shows the live record, reusing and correcting the server HTML', async () => {
    const server = testConsent();
    const consent = testConsent();
    await consent.acceptAll();
    // What the server rendered for a visitor it could not see the cookie of.
    const root = document.createElement('div');
    root.innerHTML = '<button type="button" aria-pressed="false">Analytics cookies</button><p>Analytics off</p>';
    document.body.append(root);
    const serverButton = screen.getByRole('button', { name: 'Analytics cookies' });

    act(() =>
      hydrate(
        <ConsentProvider consent={consent} serverRecord={server.get()}>
          <AnalyticsState />
          <ConsentGate category="analytics" fallback={<p>Analytics off</p>}>
            <p>Analytics on</p>
          </ConsentGate>
        </ConsentProvider>,
        root,
      ),
    );
    // First the server's answer (so hydration matches), then the visitor's.
    expect(renders).toEqual(['false', 'true']);
    expect(screen.getByRole('button', { name: 'Analytics cookies' })).toBe(serverButton);
    expect(serverButton.getAttribute('aria-pressed')).toBe('true');
    expect(root.textContent).toBe('Analytics cookiesAnalytics on');
  });

  it('shows serverRecord only on the first render: readers mounted later read the live record at once', async () => {
    const consent = testConsent();
    await consent.acceptAll();
    const root = document.body.appendChild(document.createElement('div'));
    const page = (more: boolean) => (
      <ConsentProvider consent={consent} serverRecord={serverRecord}>
        {more && <AnalyticsState />}
      </ConsentProvider>
    );
    const serverRecord = testConsent().get();
    act(() => render(page(false), root));
    act(() => render(page(true), root));
    expect(renders).toEqual(['true']);
  });

  it('without serverRecord, renders the live record from the start', async () => {
    const consent = testConsent();
    await consent.acceptAll();
    const root = document.body.appendChild(document.createElement('div'));
    act(() =>
      render(
        <ConsentProvider consent={consent}>
          <AnalyticsState />
        </ConsentProvider>,
        root,
      ),
    );
    expect(renders).toEqual(['true']);
  });
});
