// One Chromium and one example server per test file, plus helpers every
// browser test needs: pages that record console errors and failed requests.
import type { Server } from 'node:http';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
// @ts-expect-error: a plain JavaScript module shared with `npm start`
import { createExampleServer, listen } from '../../../examples/serve.mjs';
import { launchChromium } from '../../../examples/chromium.mjs';

type Handler = (request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse, url: URL) => unknown;

export interface HarnessOptions {
  handlers?: Record<string, Handler>;
  headers?: (url: URL) => Record<string, string>;
  /** Extra Chromium flags, e.g. a host-resolver rule. */
  chromiumArgs?: string[];
}

export interface Harness {
  browser: Browser;
  origin: string;
  /** Serves `html` at `/t/<name>` (with optional response headers) and returns that path. */
  page(name: string, html: string, headers?: Record<string, string>): string;
  /**
   * A fresh context (own cookies) and page. `errors` collects page errors and console errors.
   * `waitUntil` (default `load`) is how far the first navigation must get before this resolves.
   */
  open(path: string, options?: BrowserContextOptions & { context?: BrowserContext; waitUntil?: 'load' | 'domcontentloaded' }): Promise<OpenPage>;
  /**
   * The visitor switches to this tab. Playwright tells every page that it
   * has focus; a browser gives focus to one tab, and the one left sees `blur`.
   * This makes the context's pages behave as a browser's tabs, this one in front.
   */
  switchTo(page: Page): Promise<void>;
}

export interface OpenPage {
  page: Page;
  context: BrowserContext;
  errors: string[];
  /** URLs the page requested, in order. */
  requests: string[];
  /**
   * The URLs the page has requested so far, closed by a sentinel request the
   * page makes now: a page's requests reach the network in the order it makes
   * them, so anything it started before this call (a chunk, a blocked script
   * wrongly let through) is in the list. The sentinel itself is not.
   */
  requestsSoFar(): Promise<string[]>;
}

/** Registers beforeAll/afterAll that start and stop Chromium and the server. */
export function useBrowser(options: HarnessOptions = {}): Harness {
  const harness = {} as Harness;
  const pages = new Map<string, { html: string; headers: Record<string, string> }>();
  const servePage: Handler = (_request, response, url) => {
    const page = pages.get(url.pathname.slice(3));
    if (!page) return response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...page.headers }).end(page.html);
  };
  harness.page = (name, html, headers = {}) => {
    pages.set(name, { html, headers });
    return `/t/${name}`;
  };
  // Answers the sentinel request of `requestsSoFar`.
  const SENTINEL = harness.page('sentinel', '');
  let server: Server;
  beforeAll(async () => {
    const started = await listen(createExampleServer({ ...options, handlers: { '/t/': servePage, ...options.handlers } }));
    server = started.server;
    harness.origin = started.origin;
    harness.browser = await launchChromium(options.chromiumArgs);
  });
  afterAll(async () => {
    await harness.browser?.close();
    await new Promise((done) => (server ? server.close(done) : done(undefined)));
  });
  harness.open = async (path, { context: shared, waitUntil = 'load', ...contextOptions } = {}) => {
    const context = shared ?? (await harness.browser.newContext(contextOptions));
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => message.type() == 'error' && errors.push(`console: ${message.text()}`));
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(/^https?:/.test(path) ? path : harness.origin + path, { waitUntil });
    const requestsSoFar = async () => {
      const sentinel = `${SENTINEL}?${requests.length}`;
      const seen = page.waitForRequest((request) => request.url().endsWith(sentinel));
      await page.evaluate((url) => void fetch(url), sentinel);
      await seen;
      return requests.slice(
        0,
        requests.findIndex((url) => url.endsWith(sentinel)),
      );
    };
    return { page, context, errors, requests, requestsSoFar };
  };
  const realFocus = new WeakSet<Page>();
  harness.switchTo = async (page) => {
    for (const tab of page.context().pages()) {
      if (realFocus.has(tab)) continue;
      // The setting lasts as long as the session that made it: it stays attached.
      await (await page.context().newCDPSession(tab)).send('Emulation.setFocusEmulationEnabled', { enabled: false });
      realFocus.add(tab);
    }
    await page.bringToFront();
  };
  return harness;
}
