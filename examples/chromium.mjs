// Launches Debian's Chromium for the browser tests, the benchmark and the
// screenshot script: where Chromium is and which flags this closed network
// needs. Never downloads a browser. The scan command has its own launcher
// (src/cli/chromium.ts, which is published while this folder is not); a
// test keeps the paths and flags of the two the same.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** The usual Linux install paths, tried in order. */
export const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Without the background-networking flags, Chromium keeps trying hosts this machine cannot reach. */
export const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Chromium from CHROMIUM_PATH (or CHROME_PATH), else the usual install paths; one clear line when there is none. */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH || process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`Chromium not found at CHROMIUM_PATH=${fromEnv}`);
    return fromEnv;
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) throw new Error('Chromium not found: install it with `sudo apt-get install -y chromium`, or set CHROMIUM_PATH');
  return found;
}

/** Headless Chromium with `FLAGS` and `extraArgs`. */
export function launchChromium(extraArgs = []) {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [...FLAGS, ...extraArgs],
  });
}
