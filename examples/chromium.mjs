// Launches Debian's Chromium for the browser tests, the benchmark and the
// screenshot script: the one place that knows where Chromium is and which
// flags this closed network needs. Never downloads a browser.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

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

/** Headless Chromium; without the background-networking flags it keeps trying hosts this machine cannot reach. */
export function launchChromium(extraArgs = []) {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...extraArgs,
    ],
  });
}
