/**
 * The script-tag build: `<script src=".../biscuit.global.js">` on any page.
 * Finds its config, creates one consent instance as `window.Biscuit`, runs the
 * command queue, and loads the UI, its stylesheet, the cookie writer and (when
 * configured) the consent log client from the folder the script came from,
 * only when they are needed.
 */
import { salvageConfig } from '../config-salvage';
import { readConfig } from '../core/config';
import type { Consent } from '../core/consent';
import { logError, report, warn } from '../core/report';
import { createConsentWith } from '../create-consent';
import { uiLoader, type LoadUiChunk } from '../ui/loader';

/** The name of a lazily loaded chunk: `biscuit-<name>.js` next to this script. */
type LazyChunk = keyof typeof import('../lazy-chunks.json');

/** `window.Biscuit`: the Consent object, whose `push` runs a function with it at once. */
export type BiscuitGlobal = Consent & { push(command: (api: Consent) => void): void };

type Command = (api: Consent) => void;

declare global {
  interface Window {
    Biscuit?: BiscuitGlobal | Command[];
    BiscuitConfig?: unknown;
  }
}

// The real currentScript, read past the document: markup such as
// <img name="currentScript" src="https://elsewhere/"> shadows
// document.currentScript (DOM clobbering), and this script's src says where
// the chunks load from, its nonce what may run.
const script = Object.getOwnPropertyDescriptor(Document.prototype, 'currentScript')!.get!.call(document) as HTMLScriptElement | null;
const nonce = script?.nonce || '';

/**
 * The config: the one `<script type="application/json" id="biscuit-config">`
 * (parsed, never run; on a page with a nonce, only one that carries it), else
 * `window.BiscuitConfig`. Another element with that id (a `<div>` a sanitiser
 * let through) is ignored with a warning; of two blocks neither is used, since
 * either could be the injected one.
 */
function findConfig(): unknown {
  const blocks = Array.from(document.querySelectorAll('#biscuit-config')).filter((element) => {
    const ok = element instanceof HTMLScriptElement && element.type == 'application/json' && (!nonce || element.nonce == nonce);
    if (!ok) warn('ignoring a #biscuit-config that is not a <script type="application/json"> (with the page\'s nonce, if any)', element);
    return ok;
  });
  if (!blocks[0]) return window.BiscuitConfig;
  if (blocks[1]) {
    logError('there is more than one #biscuit-config block; using the defaults');
    return {};
  }
  try {
    return JSON.parse(blocks[0].textContent || '{}');
  } catch (error) {
    logError(`the #biscuit-config block is not valid JSON (${(error as Error).message}); using the defaults`);
    return {};
  }
}

/**
 * Creates the instance. Its config's checks run here, but the words for a
 * field at fault are in the `report` chunk, loaded only when there is one:
 * the field is dropped at once (see salvageConfig) and reported when the words
 * arrive.
 */
function start(raw: unknown, chunk: <T>(name: LazyChunk) => Promise<T>, styled: <T>(name: LazyChunk) => Promise<T>): Consent {
  let wrong = false;
  const config = salvageConfig(
    raw,
    // The page uses nonces, as this script's shows: only blocked scripts that carry it may run.
    (config) => readConfig(config.nonce === undefined && nonce ? { ...config, nonce } : config, String, () => (wrong = true)),
    () => (wrong = true),
  );
  if (wrong) chunk<typeof import('../config-report')>('report').then((module) => module.reportConfig(raw), report);
  return createConsentWith(config, [uiLoader(styled as LoadUiChunk)], {
    writer: () => chunk('writer'),
    log: () => chunk('log'),
    embeds: () => styled('placeholders'),
  });
}

/** Makes the one instance of the page `window.Biscuit` and runs the commands queued for it. */
function install() {
  const existing = window.Biscuit;
  if (existing && !Array.isArray(existing) && typeof existing.acceptAll == 'function') {
    return warn('the script is on this page twice; the second copy does nothing');
  }
  // Chunks sit next to this script, wherever it was copied to, named as in src/lazy-chunks.json.
  const base = script ? script.src : location.href;
  const chunk = <T>(name: LazyChunk) => import(/* @vite-ignore */ new URL(`biscuit-${name}.js`, base).href) as Promise<T>;
  const stylesheets: Record<string, Promise<unknown>> = {};
  /** Adds a stylesheet from this folder (once), resolving when it applies; if it fails, the UI still shows. */
  const stylesheet = (file: string) =>
    (stylesheets[file] ||= new Promise((resolve) => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = new URL(file, base).href;
      if (nonce) link.nonce = nonce;
      link.onload = link.onerror = resolve;
      document.head.append(link);
    }));
  // Each piece of the UI with its stylesheets, so nothing shows unstyled: biscuit.css, and its
  // own for the dialog and the placeholders (those with a `style` in the chunk list).
  const styled = <T>(name: LazyChunk) =>
    Promise.all([chunk<T>(name), stylesheet('biscuit.css'), (name == 'dialog' || name == 'placeholders') && stylesheet(`biscuit-${name}.css`)]).then(
      ([module]) => module,
    );

  const consent = start(findConfig(), chunk, styled) as BiscuitGlobal;
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
    else logError('Biscuit.push() takes a function');
  }
}

// The instance is made in a microtask: it runs as soon as this script's top
// level has returned, before the parser goes on to any later script, so that
// script still finds `window.Biscuit`, the Consent Mode default in
// `dataLayer` and a returning visitor's blocked scripts started. Measured in
// Chromium, reading document.cookie while the top level of a file this size
// is on the stack costs about 1–2 ms more main-thread time than reading it
// from a microtask, where the top level has returned (bench/README.md).
queueMicrotask(install);
