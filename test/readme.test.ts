// @vitest-environment node
// Every size and speed figure in the README comes from the size checks and the
// last benchmark run (bench/results.json): the "Size and speed" section and
// each quoted figure are what bench/readme.mjs generates from them, and no
// other figure is written by hand. `npm test` builds first; after a change
// that moves a figure, `node bench/readme.mjs` rewrites them.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript module shared with `npm run bench`
import { SECTION_END, SECTION_START, measureSizes, rewrite } from '../bench/readme.mjs';

const ROOT = resolve(__dirname, '..');
const README = readFileSync(resolve(ROOT, 'README.md'), 'utf8');

describe('the README’s size and speed figures', () => {
  it('are the ones size-limit and the last benchmark run give', () => {
    const results = JSON.parse(readFileSync(resolve(ROOT, 'bench/results.json'), 'utf8'));
    expect(README).toBe(rewrite(README, measureSizes(), results));
  }, 120_000);

  it('are never written by hand outside the generated parts', () => {
    const outside = README.slice(0, README.indexOf(SECTION_START)) + README.slice(README.indexOf(SECTION_END));
    const handWritten = outside.replace(/<!-- figure:\w+ -->[^<]*<!-- \/figure -->/g, '');
    expect(handWritten.match(/[^\n]*\b\d+(\.\d+)? ?(KB|kB|ms|×)[^\n]*/g) ?? []).toEqual([]);
  });
});
