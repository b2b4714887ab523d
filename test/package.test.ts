// @vitest-environment node
// Runs the built package (dist/, through package.json "exports"), not the
// sources, the way Node users load it. `npm test` builds first.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..');
const run = (args: string[], code: string) => execFileSync(process.execPath, [...args, code], { cwd: ROOT, encoding: 'utf8' }).trim();

const HEADER = 'biscuit_consent=1.0.1764144000.b.preferences=1&analytics=0.3f9c2a7e0b1d4c6f8a2e5b7d9c0f1a3e';
const READ = `readConsent(${JSON.stringify(HEADER)}, {}, { now: 1764144000000 })`;

describe('the built package under plain Node', () => {
  it('loads biscuit-consent/server with require', () => {
    const output = run(['-e'], `const { readConsent } = require('biscuit-consent/server'); console.log(JSON.stringify(${READ}.categories))`);
    expect(JSON.parse(output)).toEqual({ essential: true, preferences: true, analytics: false });
  });

  it('loads biscuit-consent/server with import', () => {
    const output = run(
      ['--input-type=module', '-e'],
      `import { readConsent, serializeConsent } from 'biscuit-consent/server'; console.log(${READ}.decided, serializeConsent({ analytics: true }).split('=')[0])`,
    );
    expect(output).toBe('true biscuit_consent');
  });

  it('loads the core and main entries without a DOM, for server rendering', () => {
    const output = run(
      ['--input-type=module', '-e'],
      `
      import { createConsent } from 'biscuit-consent';
      import { createConsent as headless } from 'biscuit-consent/core';
      const consent = createConsent({ categories: { analytics: {} } });
      const saved = await consent.acceptAll();
      const other = headless();
      const refused = await other.rejectAll();
      console.log(saved.ok, consent.allowed('analytics'), refused.ok, other.get().categories.analytics);`,
    );
    // Saved in memory, through the same writer chunk as in a browser.
    expect(output).toBe('true true true false');
  });

  it('loads the CommonJS builds', () => {
    const output = run(
      ['-e'],
      `const a = require('biscuit-consent'); const b = require('biscuit-consent/core'); console.log(typeof a.createConsent, typeof b.createConsent, typeof a.ConfigError)`,
    );
    expect(output).toBe('function function function');
  });
});
