import type { Browser } from 'playwright-core';

/** The usual Linux install paths, tried in order. */
export const CANDIDATES: string[];
/** The flags every launch gets. */
export const FLAGS: string[];

/** Chromium from CHROMIUM_PATH (or CHROME_PATH), else the usual install paths; one clear line when there is none. */
export function findChromium(): string;
/** Headless Chromium with this project's flags, plus `extraArgs`. */
export function launchChromium(extraArgs?: string[]): Promise<Browser>;
