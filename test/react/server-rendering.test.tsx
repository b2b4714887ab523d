// @vitest-environment node
/** @jsxImportSource react */
// Runs where `document` does not exist, so any DOM access while rendering throws.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createConsent } from '../../src/entries/headless';
import { ConsentGate, ConsentProvider, useConsent } from '../../src/react';
import { readConsent } from '../../src/server';

const CONFIG = { categories: { analytics: {} } };

function Page() {
  const record = useConsent();
  return (
    <main>
      <p>{record.decided ? 'Decided' : 'Not decided'}</p>
      <ConsentGate category="analytics" fallback={<p>Analytics off</p>}>
        <p>Analytics on</p>
      </ConsentGate>
    </main>
  );
}

describe('server rendering (React)', () => {
  it('renders without a DOM, granting nothing optional by default', async () => {
    expect(typeof document).toBe('undefined');
    const consent = createConsent(CONFIG);
    // Even an instance that knows a choice renders the safe default: the
    // browser hydrates with that same default, whatever its cookie says.
    await consent.acceptAll();
    const html = renderToString(
      <ConsentProvider consent={consent}>
        <Page />
      </ConsentProvider>,
    );
    expect(html).toBe('<main><p>Not decided</p><p>Analytics off</p></main>');
  });

  it("renders the visitor's choice when given it as serverRecord", () => {
    const header = 'biscuit_consent=1.0.1764144000.b.analytics=1.3f9c2a7e0b1d4c6f8a2e5b7d9c0f1a3e';
    const html = renderToString(
      <ConsentProvider consent={createConsent(CONFIG)} serverRecord={readConsent(header, CONFIG, { now: 1764144000000 })}>
        <Page />
      </ConsentProvider>,
    );
    expect(html).toBe('<main><p>Decided</p><p>Analytics on</p></main>');
  });

  it('reads a serverRecord parsed from JSON by own keys only', () => {
    const record = JSON.parse(JSON.stringify(createConsent(CONFIG).get()));
    const proto = Object.prototype as Record<string, unknown>;
    proto.marketing = true;
    try {
      const html = renderToString(
        <ConsentProvider consent={createConsent(CONFIG)} serverRecord={record}>
          {['essential', 'marketing', 'constructor'].map((category) => (
            <ConsentGate key={category} category={category}>
              <p>{category}</p>
            </ConsentGate>
          ))}
        </ConsentProvider>,
      );
      expect(html).toBe('<p>essential</p>');
    } finally {
      delete proto.marketing;
    }
  });

  it('keeps browser globals out of the React bindings', () => {
    const folder = resolve(__dirname, '../../src/react');
    for (const file of readdirSync(folder)) {
      const code = readFileSync(join(folder, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(code, file).not.toMatch(/\b(document|window|navigator|location|localStorage)\b/);
    }
  });
});
