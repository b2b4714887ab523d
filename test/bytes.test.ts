// @vitest-environment node
// bench/bytes.mjs says, for every module of the budgeted files, why a visitor
// needs it at load. Its map must stop the script when a module has no reason
// (a new module the build added) or a reason names a module nothing contains
// any more, so bench/bytes.md cannot go stale quietly.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript module of the benchmark
import { checkNeeded, reasonFor } from '../bench/bytes.mjs';

const needed = {
  'src/a.ts': 'needed everywhere',
  'src/b.ts': { 'biscuit.global.js': { move: 'dead here', to: null }, core: 'needed in npm' },
};

describe('the byte account’s map of reasons', () => {
  it('gives each module its reason in the file it is in', () => {
    expect(reasonFor('src/b.ts', 'core', needed)).toEqual({ why: 'needed in npm' });
    expect(reasonFor('src/b.ts', 'biscuit.global.js', needed)).toEqual({ why: 'dead here', to: null });
  });

  it('stops on a module it has no reason for, and on a reason nothing uses', () => {
    expect(() => checkNeeded({ 'biscuit.global.js': ['src/a.ts', 'src/b.ts'], core: ['src/b.ts'] }, needed)).not.toThrow();
    expect(() => checkNeeded({ 'biscuit.global.js': ['src/a.ts', 'src/b.ts', 'src/new.ts'] }, needed)).toThrow(
      /No reason for: src\/new\.ts \(in biscuit\.global\.js\)/,
    );
    expect(() => checkNeeded({ 'biscuit-banner.js': ['src/a.ts', 'src/b.ts'] }, needed)).toThrow(/src\/b\.ts \(in biscuit-banner\.js\)/);
    expect(() => checkNeeded({ core: ['src/b.ts'] }, needed)).toThrow(/In no measured file any more: src\/a\.ts/);
    // A module that left one of the files its reasons name.
    expect(() => checkNeeded({ 'biscuit.global.js': ['src/a.ts'], core: ['src/b.ts'] }, needed)).toThrow(
      /In no measured file any more: src\/b\.ts \(in biscuit\.global\.js\)/,
    );
  });
});
