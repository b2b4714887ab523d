// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CANDIDATES, FLAGS } from '../../examples/chromium.mjs';
import { CHROMIUM_FLAGS, CHROMIUM_PATHS, findChromium, loadPlaywright } from '../../src/cli/chromium';
import { CannotScanError } from '../../src/cli/errors';

const MISSING = '/nonexistent/chromium';
const EXISTING = process.execPath;

describe('findChromium', () => {
  it('uses --browser, then CHROMIUM_PATH or CHROME_PATH, then the usual paths', () => {
    expect(findChromium(EXISTING, { CHROMIUM_PATH: MISSING })).toBe(EXISTING);
    expect(findChromium(undefined, { CHROMIUM_PATH: EXISTING, CHROME_PATH: MISSING })).toBe(EXISTING);
    expect(findChromium(undefined, { CHROME_PATH: EXISTING })).toBe(EXISTING);
    expect(findChromium(undefined, {}, [MISSING, EXISTING])).toBe(EXISTING);
  });

  it('says in one line what is missing and how to get a browser', () => {
    expect(() => findChromium(MISSING, {})).toThrow(new CannotScanError(`no browser at --browser ${MISSING}`));
    expect(() => findChromium(undefined, { CHROMIUM_PATH: MISSING })).toThrow(new CannotScanError(`no browser at CHROMIUM_PATH=${MISSING}`));
    expect(() => findChromium(undefined, {}, [MISSING])).toThrow(
      new CannotScanError(
        'no Chromium or Chrome found: install one (e.g. `sudo apt-get install chromium`), then pass --browser <path> or set CHROMIUM_PATH if it is somewhere unusual',
      ),
    );
  });

  it("knows every path the examples' launcher knows, and passes the same flags", () => {
    expect(CHROMIUM_PATHS.slice(0, CANDIDATES.length)).toEqual(CANDIDATES);
    expect(CHROMIUM_FLAGS).toEqual(FLAGS);
  });
});

describe('loadPlaywright', () => {
  it('loads playwright-core when it is installed', async () => {
    expect(typeof (await loadPlaywright()).chromium.launchPersistentContext).toBe('function');
  });
});
