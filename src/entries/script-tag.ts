/**
 * The script-tag build: `<script src=".../biscuit.global.js">` on any page.
 * Finds its config, creates one consent instance as `window.Biscuit`, runs the
 * command queue, and loads the UI, its stylesheet, the cookie writer and (when
 * configured) the consent log client from the folder the script came from,
 * only when they are needed.
 */
import { report } from '../core/report';
import { ConfigError } from '../core/errors';
import type { Consent } from '../core/consent';
import { createConsentWith, type Chunks } from '../create-consent';
import { uiLoader } from '../ui/loader';

/** `window.Biscuit`: the Consent object, whose `push` runs a function with it at once. */
export type BiscuitGlobal = Consent & { push(command: (api: Consent) => void): void };

type Command = (api: Consent) => void;

declare global {
  interface Window {
    Biscuit?: BiscuitGlobal | Command[];
    BiscuitConfig?: unknown;
  }
}

const script = document.currentScript as HTMLScriptElement | null;

/** The config: the `#biscuit-config` JSON block (parsed, never evaluated), else `window.BiscuitConfig`. */
function findConfig(): unknown {
  const block = document.getElementById('biscuit-config');
  if (!block) return window.BiscuitConfig;
  try {
    return JSON.parse(block.textContent || '{}');
  } catch (error) {
    console.error(`biscuit-consent: the #biscuit-config block is not valid JSON (${(error as Error).message}); using the defaults`);
    return {};
  }
}

/**
 * Creates the instance. A CMS field with a typo must never leave visitors
 * without a banner, so each top-level field a ConfigError names is reported and
 * dropped, and the rest of the config still applies.
 */
function start(config: unknown, chunks: Chunks, load: () => Promise<typeof import('../ui/view')>): Consent {
  let remaining: Record<string, unknown> = {};
  if (config && typeof config == 'object' && !Array.isArray(config)) remaining = { ...config };
  else if (config !== undefined) console.error('biscuit-consent: the config must be an object; using the defaults');
  // Scripts activated later carry the page's nonce, as this one does.
  if (remaining.nonce === undefined && script && script.nonce) remaining.nonce = script.nonce;
  for (;;) {
    try {
      return createConsentWith(remaining, [uiLoader(load)], chunks);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      const field = error.path.split(/[.[]/)[0]!;
      console.error(`${error.message}; ignoring config.${field}`);
      delete remaining[field];
    }
  }
}

const existing = window.Biscuit;
if (existing && !Array.isArray(existing) && typeof existing.acceptAll == 'function') {
  console.warn('biscuit-consent: the script is on this page twice; the second copy does nothing');
} else {
  // Chunks sit next to this script, wherever it was copied to.
  const base = script ? script.src : location.href;
  const chunk = <T>(name: string) => import(/* @vite-ignore */ new URL(name, base).href) as Promise<T>;
  const stylesheet = () =>
    new Promise((resolve) => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = new URL('biscuit.css', base).href;
      if (script && script.nonce) link.nonce = script.nonce;
      // Show the UI once it is styled; if the stylesheet fails, still show it.
      link.onload = link.onerror = resolve;
      document.head.append(link);
    });
  let styled: Promise<unknown> | undefined;
  const chunks: Chunks = { writer: () => chunk('biscuit-writer.js'), log: () => chunk('biscuit-log.js') };
  const view = () =>
    Promise.all([chunk<typeof import('../ui/view')>('biscuit-ui.js'), (styled ||= stylesheet())]).then(([module]) => module);

  const consent = start(findConfig(), chunks, view) as BiscuitGlobal;
  const run = (command: Command) => {
    try {
      command(consent);
    } catch (error) {
      report(error);
    }
  };
  consent.push = run;
  window.Biscuit = consent;
  for (const command of Array.isArray(existing) ? existing : []) {
    if (typeof command == 'function') run(command);
    else console.error('biscuit-consent: Biscuit.push() takes a function');
  }
}
