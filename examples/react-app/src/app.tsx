/** @jsxImportSource react */
import { ConsentGate, useConsentInstance } from './consent';
import { ConsentSummary } from './consent-summary';
import { VisitCounter } from './visit-counter';

/** Shown in place of the counter while analytics cookies are not allowed. */
function CounterOff() {
  const consent = useConsentInstance();
  return (
    <div className="embed-placeholder">
      <p>This page counts your visits only if you allow analytics cookies.</p>
      <button type="button" onClick={() => void consent.save({ analytics: true })}>
        Allow analytics cookies
      </button>
    </div>
  );
}

export function App() {
  const consent = useConsentInstance();
  return (
    <main id="content">
      <h1>A React app that asks first</h1>
      <p>
        The visit counter below sets a cookie, so it is wrapped in <code>&lt;ConsentGate category="analytics"&gt;</code>: it mounts when analytics cookies are
        allowed and unmounts when they are withdrawn.
      </p>
      <section aria-labelledby="visits">
        <h2 id="visits">Visits</h2>
        <ConsentGate category="analytics" fallback={<CounterOff />}>
          <VisitCounter />
        </ConsentGate>
      </section>
      <section aria-labelledby="record">
        <h2 id="record">Your cookie choice</h2>
        <ConsentSummary />
        <p>
          <button type="button" onClick={() => consent.showPreferences()}>
            Cookie settings
          </button>{' '}
          <button type="button" onClick={() => void consent.reset()}>
            Forget my choice
          </button>
        </p>
      </section>
    </main>
  );
}
