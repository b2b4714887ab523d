// @vitest-environment node
// The one list of the script tag's lazy chunks (src/lazy-chunks.json), which
// the build, the script-tag loader and the size checks read: the build makes
// exactly these files, and nothing else (a module two chunks share would
// otherwise come out as an extra chunk, loaded one request later). `npm test`
// builds first.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import LAZY_CHUNKS from '../src/lazy-chunks.json';

const BROWSER = resolve(__dirname, '../dist/browser');

describe('the lazy chunks of the script tag', () => {
  it('are built as listed: biscuit-<name>.js (and biscuit-<name>.css for a chunk with a style) beside the script and its stylesheet, and nothing else', () => {
    expect(existsSync(BROWSER)).toBe(true);
    const files = readdirSync(BROWSER)
      .filter((file) => !file.endsWith('.map'))
      .sort();
    const listed = Object.entries(LAZY_CHUNKS).flatMap(([name, chunk]) => [`biscuit-${name}.js`, ...('style' in chunk ? [`biscuit-${name}.css`] : [])]);
    expect(files).toEqual(['biscuit.css', 'biscuit.global.js', ...listed].sort());
  });

  it('each say where they come from, what they hold and when they are fetched', () => {
    for (const [name, chunk] of Object.entries(LAZY_CHUNKS)) {
      expect(existsSync(resolve(__dirname, '..', chunk.source)), name).toBe(true);
      if ('style' in chunk) expect(existsSync(resolve(__dirname, '..', chunk.style)), name).toBe(true);
      expect(chunk.what, name).toBeTruthy();
      expect(chunk.fetched, name).toBeTruthy();
      expect([null, 'first visit', 'accept'], name).toContain(chunk.budget);
    }
  });
});

describe('the script-tag files', () => {
  // V8 compiles a file with this hint on a background thread as it streams in,
  // rather than each function on the main thread when it first runs
  // (bench/README.md has the figures). It must be the first line to count.
  it('start with V8’s compile hint, so their functions compile off the main thread', () => {
    for (const file of readdirSync(BROWSER).filter((name) => name.endsWith('.js'))) {
      expect(readFileSync(resolve(BROWSER, file), 'utf8').split('\n')[0], file).toBe('//# allFunctionsCalledOnLoad');
    }
  });
});
