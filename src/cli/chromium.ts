/**
 * Finds and starts Chromium for a scan. playwright-core is an optional peer
 * dependency, loaded only here and only when a scan starts, so the library's
 * users who never scan install nothing more. Never downloads a browser: it
 * uses `--browser`, `CHROMIUM_PATH` (or `CHROME_PATH`), or a usual install path.
 */
import { existsSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { CannotScanError } from './errors';

/** Where Chromium and Chrome usually live on Linux, macOS and Windows. */
export const CHROMIUM_PATHS: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/**
 * Flags for a headless Chromium that only visits what it is asked to: without
 * the background-networking ones it keeps calling Google's services, which
 * would add their cookies to the scan (and hang on a closed network).
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The browser to run: `explicit` (from `--browser`), else the environment, else the first of `candidates` that exists. */
export function findChromium(
  explicit: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  candidates: readonly string[] = CHROMIUM_PATHS,
): string {
  if (explicit !== undefined) {
    if (!existsSync(explicit)) throw new CannotScanError(`no browser at --browser ${explicit}`);
    return explicit;
  }
  const variable = env.CHROMIUM_PATH ? 'CHROMIUM_PATH' : env.CHROME_PATH ? 'CHROME_PATH' : undefined;
  if (variable) {
    if (!existsSync(env[variable]!)) throw new CannotScanError(`no browser at ${variable}=${env[variable]}`);
    return env[variable]!;
  }
  const local = env.LOCALAPPDATA && join(env.LOCALAPPDATA, 'Google', 'Chrome', 'Application', 'chrome.exe');
  const found = [...candidates, ...(local ? [local] : [])].find((path) => existsSync(path));
  if (!found) {
    throw new CannotScanError(
      'no Chromium or Chrome found: install one (e.g. `sudo apt-get install chromium`), then pass --browser <path> or set CHROMIUM_PATH if it is somewhere unusual',
    );
  }
  return found;
}

/** playwright-core, or one line on how to get it. */
export async function loadPlaywright(): Promise<typeof import('playwright-core')> {
  try {
    return await import('playwright-core');
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code == 'ERR_MODULE_NOT_FOUND' || code == 'MODULE_NOT_FOUND') {
      throw new CannotScanError('playwright-core is not installed: run `npm install --save-dev playwright-core` (the scan drives Chromium through it)');
    }
    throw error;
  }
}

/** One fresh browser profile: its context, and the clean-up that closes it and deletes the profile. */
export interface Profile {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Options of `createProfileLauncher`. */
export interface ProfileLauncherOptions {
  readonly executablePath: string;
  /** Flags added to `CHROMIUM_FLAGS`. */
  readonly args?: readonly string[];
  readonly userAgent?: string | undefined;
}

/**
 * Starts a headless Chromium with a new, empty profile each time it is
 * called. The profile is set the way a default Chrome is, third-party cookies
 * allowed (a fresh Chromium profile here blocks them, as incognito does), so
 * the scan sees what most visitors' browsers store.
 */
export async function createProfileLauncher({ executablePath, args = [], userAgent }: ProfileLauncherOptions): Promise<() => Promise<Profile>> {
  const { chromium } = await loadPlaywright();
  return async () => {
    const directory = await mkdtemp(join(tmpdir(), 'biscuit-consent-scan-'));
    // Ctrl-C ends the process without the clean-up below: the profile is deleted on exit all the same.
    const removeOnExit = () => rmSync(directory, { recursive: true, force: true });
    process.once('exit', removeOnExit);
    const remove = async () => {
      process.off('exit', removeOnExit);
      await rm(directory, { recursive: true, force: true, maxRetries: 3 });
    };
    try {
      await mkdir(join(directory, 'Default'));
      await writeFile(join(directory, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }));
      const context = await chromium.launchPersistentContext(directory, {
        executablePath,
        headless: true,
        args: [...CHROMIUM_FLAGS, ...args],
        acceptDownloads: false,
        ...(userAgent !== undefined && { userAgent }),
      });
      return {
        context,
        close: async () => {
          await context.close().catch(() => {});
          await remove();
        },
      };
    } catch (error) {
      await remove();
      throw new CannotScanError(`could not start ${executablePath}: ${(error as Error).message.split('\n')[0]}`);
    }
  };
}
