// @vitest-environment node
// The built command (dist/cli.js, through package.json "bin"), the way npx
// runs it. `npm test` builds first. Only what needs no browser: the scans
// themselves are in scan.chromium.test.ts.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const BIN = join(ROOT, pkg.bin['biscuit-consent']);

const run = (args: string[], { bin = BIN, env = {} }: { bin?: string; env?: Record<string, string> } = {}) => {
  const { CHROMIUM_PATH: _chromium, CHROME_PATH: _chrome, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...inherited, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

const outside = mkdtempSync(join(tmpdir(), 'biscuit-consent-bin-'));
afterAll(() => rmSync(outside, { recursive: true, force: true }));

describe('the biscuit-consent bin', () => {
  it('is a Node ES module with a shebang, named in package.json', () => {
    expect(pkg.bin).toEqual({ 'biscuit-consent': './dist/cli.js' });
    expect(readFileSync(BIN, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  it('answers --version and --help', () => {
    expect(run(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    const help = run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: biscuit-consent scan <url> \[options\]\n/);
  });

  it('exits 2 on a bad address, pointing to --help', () => {
    expect(run(['scan', 'not an address'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'biscuit-consent: "not an address" is not a web address\nRun `biscuit-consent --help` for the options.\n',
    });
  });

  it('exits 2 with one line when there is no browser', () => {
    expect(run(['scan', 'http://127.0.0.1:9/', '--browser', '/nonexistent/chrome'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'biscuit-consent: no browser at --browser /nonexistent/chrome\n',
    });
    expect(run(['scan', 'http://127.0.0.1:9/'], { env: { CHROMIUM_PATH: '/nonexistent/chromium' } })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'biscuit-consent: no browser at CHROMIUM_PATH=/nonexistent/chromium\n',
    });
  });

  it('exits 2 with one line when playwright-core is not installed', () => {
    // A copy of the command where no node_modules can be found.
    const copy = join(outside, 'cli.js');
    copyFileSync(BIN, copy);
    expect(run(['scan', 'http://127.0.0.1:9/', '--browser', process.execPath], { bin: copy })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'biscuit-consent: playwright-core is not installed: run `npm install --save-dev playwright-core` (the scan drives Chromium through it)\n',
    });
  });
});
