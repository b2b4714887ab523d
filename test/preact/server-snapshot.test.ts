// @vitest-environment node
// Preact's server renderer is not a dependency, so this proves the parts a
// server render runs never touch the DOM: here `document` does not exist, and
// the binding sources never name a browser global.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bindConsent } from '../../src/bindings/consent-binding';
import { isGranted } from '../../src/bindings/is-granted';
import { createConsent } from '../../src/entries/headless';
import { readConsent } from '../../src/server';

const SRC = resolve(__dirname, '../../src');

describe('the snapshot path on a server (Preact)', () => {
  it('runs without a document', async () => {
    expect(typeof document).toBe('undefined');
    const consent = createConsent({ categories: { analytics: {} } });
    const binding = bindConsent(consent);
    expect(binding.get()).toBe(consent.get());
    expect(binding.server()).toBe(binding.server());
    expect(binding.server().categories).toEqual({ essential: true, analytics: false });
    const off = binding.subscribe(() => {});
    await consent.acceptAll();
    off();
    expect(isGranted(binding.get(), 'analytics')).toBe(true);
  });

  it('accepts the server reader’s record as serverRecord', () => {
    const header = 'biscuit_consent=1.0.1764144000.b.analytics=1.3f9c2a7e0b1d4c6f8a2e5b7d9c0f1a3e';
    const record = readConsent(header, { categories: { analytics: {} } }, { now: 1764144000000 });
    const binding = bindConsent(createConsent({ categories: { analytics: {} } }), record);
    expect(binding.server()).toBe(record);
    expect(isGranted(binding.server(), 'analytics')).toBe(true);
  });

  it('keeps browser globals out of the render path of the bindings', () => {
    for (const folder of ['bindings', 'preact']) {
      for (const file of readdirSync(join(SRC, folder))) {
        const code = readFileSync(join(SRC, folder, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
        expect(code, `${folder}/${file}`).not.toMatch(/\b(document|window|navigator|location|localStorage)\b/);
      }
    }
  });
});
