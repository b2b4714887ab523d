// One measured page view in a fresh browser context: the first-time visitor
// (banner, then a click on "accept", "reject" or "customise" and "save") and
// the returning visitor (consent cookie already set). Timestamps are the
// page's own performance.now(), so they count from navigation start and
// include no Playwright round trips.
import { statSync } from 'node:fs';
import { pageUrl } from './pages.mjs';
import { fileFor } from './serve.mjs';
import { startTrace } from './trace.mjs';

/**
 * Chromium flags for every benchmark run: without this one `navigator.webdriver`
 * is true, and vanilla-cookieconsent (hideFromBots, on by default) never shows
 * its banner to an automated browser. Real visitors' browsers report false,
 * so the benchmark's should too.
 */
export const CHROMIUM_ARGS = ['--disable-blink-features=AutomationControlled'];

/** Every page gets the same viewport and locale. */
export const CONTEXT_OPTIONS = { viewport: { width: 1280, height: 720 }, locale: 'en-GB', deviceScaleFactor: 1 };

/**
 * Network conditions (BENCH_NETWORK). `none`: loopback at full speed, so the
 * times are CPU and scheduling only. `mobile`: Lighthouse's mobile network
 * (150 ms per request, 1.6 Mbit/s down, 750 kbit/s up) through CDP, so round
 * trips and compressed bytes show up in the times.
 */
export const NETWORKS = {
  none: { label: 'none (loopback, unthrottled)' },
  mobile: {
    label: 'mobile (CDP: 150 ms latency per request, 1.6 Mbit/s down, 750 kbit/s up)',
    conditions: { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 },
  },
};

/** How long to keep measuring after the banner is visible (CLS, script time, lazy files). */
export const SETTLE_MS = 500;
/** The network counts as quiet after this long without a request in flight. */
const QUIET_MS = 250;
const TIMEOUT_MS = 60_000;
/** Event Timing reports nothing shorter: an interaction it does not report took at most this long. */
export const EVENT_TIMING_FLOOR_MS = 16;
/**
 * How long the pointer rests on a button before the click, as a visitor's
 * does (Playwright alone would press the moment the pointer arrives).
 * Libraries that fetch code when the visitor heads for a button get this
 * long to start; the figures without a rest are measured too.
 */
export const REST_MS = 150;

/**
 * Runs in the page before any of its scripts (an init script). Collects
 * layout shifts, Event Timing entries, the first click's time, when the
 * blocked analytics script ran (through a setter, so nothing polls) and, with
 * `poll`, when the library's banner first became visible (`whenVisible`).
 * Visible: in the viewport, a non-empty box, `visibility: visible`, and
 * neither it nor an ancestor `display: none` or `opacity: 0`.
 */
export function instrument({ banner, poll }) {
  if (window !== window.top) return;
  let resolveBanner;
  let resolveRan;
  const state = {
    cls: 0,
    shifts: 0,
    bannerAt: null,
    clickAt: null,
    events: [],
    banner: new Promise((resolve) => (resolveBanner = resolve)),
    ran: new Promise((resolve) => (resolveRan = resolve)),
  };
  window.__bench = state;

  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.hadRecentInput) continue;
        state.cls += entry.value;
        state.shifts += 1;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {
    state.cls = NaN;
  }
  try {
    // The figure behind INP: from the input until the next paint after its handlers.
    new PerformanceObserver((list) => {
      for (const { name, startTime, duration, interactionId } of list.getEntries()) state.events.push({ name, startTime, duration, interactionId });
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch {
    state.events = null;
  }

  addEventListener('click', (event) => state.clickAt ?? (state.clickAt = event.timeStamp), true);

  let ran;
  Object.defineProperty(window, '__analyticsRan', {
    configurable: true,
    get: () => ran,
    set(value) {
      ran = value;
      resolveRan(value);
    },
  });

  /** Neither it nor an ancestor hidden by `visibility`, `display: none` or `opacity: 0`. */
  const isStyledVisible = (element) => {
    if (getComputedStyle(element).visibility != 'visible') return false;
    for (let each = element; each; each = each.parentElement) {
      const style = getComputedStyle(each);
      if (style.display == 'none' || Number(style.opacity) == 0) return false;
    }
    return true;
  };
  const isVisible = (element) => {
    const box = element.getBoundingClientRect();
    if (box.width < 1 || box.height < 1) return false;
    if (box.bottom <= 0 || box.right <= 0 || box.top >= innerHeight || box.left >= innerWidth) return false;
    return isStyledVisible(element);
  };
  state.visible = (selector) => {
    const element = document.querySelector(selector);
    return !!element && isVisible(element);
  };
  state.bannerVisible = () => state.visible(banner);
  /**
   * Resolves with the time just after the first frame that shows `selector`,
   * without ever forcing a layout: a forced layout in the middle of a loading
   * page would be the page's own layout, charged to the library's script time
   * (up to 60 ms of a first visit at 4× on the CMS page, for a library whose
   * banner is in the page before it is visible). Each animation frame looks the
   * element up (a query, no layout); an IntersectionObserver, which the browser
   * updates as it renders, says when a box of it is in the viewport; its styles
   * are checked then and in each frame after while it is.
   */
  state.whenVisible = (selector) =>
    new Promise((resolve) => {
      let element;
      let inView = false;
      let done = false;
      const shown = (frameTime) => {
        done = true;
        observer.disconnect();
        if (frameTime) return resolve(frameTime);
        // From a frame callback: the time after that frame's rendering.
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(0);
      };
      // Reports come after the frame's rendering, with its styles up to date,
      // and say when that frame was rendered (later tasks may delay the report).
      const observer = new IntersectionObserver((entries) => {
        const { isIntersecting, intersectionRect, time } = entries[entries.length - 1];
        inView = isIntersecting && intersectionRect.width >= 1 && intersectionRect.height >= 1;
        if (inView && !done && isStyledVisible(element)) shown(time);
      });
      const frame = () => {
        if (done) return;
        if (!element?.isConnected) {
          observer.disconnect();
          inView = false;
          element = document.querySelector(selector);
          if (element) observer.observe(element);
        }
        // In view but hidden by its styles (fading in): checked again in each frame.
        if (inView && isStyledVisible(element)) shown();
        else if (performance.now() < 30_000) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
  if (!poll) return;
  state.whenVisible(banner).then((at) => {
    state.bannerAt = at;
    resolveBanner(at);
  });
}

/** Rejects after `ms` with a message naming `what`. */
function within(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Watches a page's requests: which library files it fetched (for the byte
 * counts) and whether anything is still in flight.
 */
function watchNetwork(page, origin) {
  const inFlight = new Set();
  const library = new Map();
  const problems = [];
  let last = Date.now();
  page.on('request', (request) => {
    inFlight.add(request);
    last = Date.now();
  });
  page.on('requestfailed', (request) => {
    inFlight.delete(request);
    last = Date.now();
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('requestfinished', async (request) => {
    inFlight.delete(request);
    last = Date.now();
    const url = new URL(request.url());
    if (url.origin != origin || !url.pathname.startsWith('/lib/')) return;
    const response = await request.response().catch(() => null);
    if (response?.status() != 200) {
      problems.push(`${url.pathname}: HTTP ${response ? response.status() : 'no response'}`);
      return;
    }
    const file = fileFor(url.pathname);
    library.set(url.pathname, { path: url.pathname, file, type: request.resourceType(), size: statSync(file).size });
  });
  return {
    problems,
    /** The library files requested so far, in request order. */
    files: () => [...library.values()],
    /** Resolves once nothing has been in flight for QUIET_MS. */
    async quiet() {
      const start = Date.now();
      while (inFlight.size || Date.now() - last < QUIET_MS) {
        if (Date.now() - start > TIMEOUT_MS) throw new Error(`network never went quiet: ${[...inFlight].map((r) => r.url())}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
  };
}

/**
 * CDP Performance metrics for the page's main thread, and CPU throttling.
 * Durations are thread CPU time (`threadTicks`), as issue 10 measures script
 * time: a busy shared machine disturbs it far less than wall time, and it
 * grows with throttling, which Chromium applies by keeping the page's thread
 * busy (a fixed loop: 25 ms of thread time at 1x, 113-152 ms at 4x). A second
 * session counts the same script in wall time (`timeTicks`), which adds what
 * the thread waited for (a cookie read from a busy browser process) and what
 * the machine took from it: `scriptWallMs`. With `trace`, a Chromium trace
 * is recorded too and `gcMs` is the garbage collection run inside scripts.
 */
async function openMetrics(context, page, { network, throttle = 1, trace = false }) {
  const cdp = await context.newCDPSession(page);
  const wall = await context.newCDPSession(page);
  if (network?.conditions) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', network.conditions);
  }
  if (throttle != 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  let timeDomain = 'threadTicks';
  try {
    await cdp.send('Performance.enable', { timeDomain });
  } catch {
    timeDomain = 'timeTicks';
    await cdp.send('Performance.enable', { timeDomain });
  }
  await wall.send('Performance.enable', { timeDomain: 'timeTicks' });
  const tracing = trace && (await startTrace(cdp));
  const metricsOf = async (session) => {
    const { metrics } = await session.send('Performance.getMetrics');
    return (name) => metrics.find((metric) => metric.name == name)?.value ?? NaN;
  };
  return {
    timeDomain,
    async read() {
      const value = await metricsOf(cdp);
      const wallValue = await metricsOf(wall);
      return {
        scriptMs: value('ScriptDuration') * 1000,
        scriptWallMs: wallValue('ScriptDuration') * 1000,
        taskMs: value('TaskDuration') * 1000,
        layoutMs: value('LayoutDuration') * 1000,
        styleMs: value('RecalcStyleDuration') * 1000,
        gcMs: tracing ? await tracing.stop() : undefined,
      };
    },
  };
}

/** Page errors and console errors, reported with the results rather than hidden. */
function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => message.type() == 'error' && errors.push(`console: ${message.text()}`));
  return errors;
}

async function openPage(browser, origin, lib, { poll, cookies, network, throttle, size, init, trace }) {
  const context = await browser.newContext(CONTEXT_OPTIONS);
  if (cookies?.length) await context.addCookies(cookies);
  await context.addInitScript(instrument, { banner: lib.banner, poll });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const requests = watchNetwork(page, origin);
  const errors = watchErrors(page);
  const metrics = await openMetrics(context, page, { network, throttle, trace });
  await page.goto(origin + pageUrl(lib, size));
  return { context, page, network: requests, errors, metrics };
}

/**
 * Clicks `selector` and returns the interaction's latency as Event Timing
 * reports it: the longest of its events (pointerdown, pointerup, click), each
 * from the input until the next paint after its handlers. Event Timing leaves
 * out events under 16 ms, so an interaction it does not report counts as
 * 16 ms, an upper bound. Also returns the click's own timestamp.
 */
async function clickAndTime(page, selector, rest = REST_MS) {
  const button = page.locator(selector).first();
  if (rest) {
    await button.hover();
    await page.waitForTimeout(rest);
  }
  const before = await page.evaluate(() => {
    window.__bench.clickAt = null;
    return performance.now();
  });
  await button.click();
  // Entries arrive after the paint that ends them.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 250))));
  return page.evaluate(
    ({ before, floor }) => {
      const { events, clickAt } = window.__bench;
      if (!events) return { latency: NaN, clickAt };
      const mine = events.filter((entry) => entry.startTime >= before && /^(pointer|mouse)(down|up)$|^click$/.test(entry.name));
      return { latency: Math.max(floor, ...mine.map((entry) => entry.duration)), clickAt };
    },
    { before, floor: EVENT_TIMING_FLOOR_MS },
  );
}

/**
 * A first-time visitor's page, opened and waited on until SETTLE_MS after its
 * banner is visible and the network is quiet; `visit` gets it, with the time
 * the banner became visible, and the page is closed after.
 */
async function withBanner(browser, origin, lib, options, visit) {
  const opened = await openPage(browser, origin, lib, { ...options, poll: true });
  try {
    const bannerMs = await within(
      opened.page.evaluate(() => window.__bench.banner),
      TIMEOUT_MS,
      `${lib.name}'s banner`,
    );
    await opened.page.waitForTimeout(SETTLE_MS);
    await opened.network.quiet();
    return await visit({ ...opened, bannerMs });
  } finally {
    await opened.context.close();
  }
}

/**
 * A first-time visitor: time to banner visible, script time, CLS and library
 * files up to SETTLE_MS after it (and the network quiet); then a click on
 * "accept": its Event Timing latency, the time until the blocked script ran
 * and the files that click fetched.
 */
export function firstVisit(browser, origin, lib, options) {
  return withBanner(browser, origin, lib, options, async ({ page, network: requests, errors, metrics, bannerMs }) => {
    const { scriptMs, scriptWallMs, taskMs, layoutMs, styleMs } = await metrics.read();
    const before = await page.evaluate(() => ({
      cls: window.__bench.cls,
      shifts: window.__bench.shifts,
      ran: window.__analyticsRan,
      elements: document.getElementsByTagName('*').length,
    }));
    const files = requests.files();
    if (before.ran !== undefined) errors.push('the blocked analytics script ran before consent');

    const { latency: acceptLatency, clickAt } = await clickAndTime(page, lib.accept);
    const ranMs = await within(
      page.evaluate(() => window.__bench.ran),
      TIMEOUT_MS,
      'the analytics script after accept',
    );
    await requests.quiet();
    const count = await page.evaluate(() => window.__analyticsCount);
    if (count !== 1) errors.push(`the analytics script ran ${count} times`);
    return {
      bannerMs,
      scriptMs,
      scriptWallMs,
      taskMs,
      layoutMs,
      styleMs,
      cls: before.cls,
      shifts: before.shifts,
      elements: before.elements,
      acceptLatency,
      acceptToRunMs: ranMs - clickAt,
      files,
      filesAfterAccept: requests.files(),
      timeDomain: metrics.timeDomain,
      errors: [...errors, ...requests.problems],
    };
  });
}

/** A first-time visitor who rejects: the Event Timing latency of "reject". */
export function rejectVisit(browser, origin, lib, options) {
  return withBanner(browser, origin, lib, options, async ({ page, network: requests, errors }) => {
    const { latency: rejectLatency } = await clickAndTime(page, lib.reject);
    await page.waitForTimeout(SETTLE_MS);
    if ((await page.evaluate(() => window.__analyticsRan)) !== undefined) errors.push('the blocked analytics script ran after reject');
    return { rejectLatency, errors: [...errors, ...requests.problems] };
  });
}

/**
 * A first-time visitor who customises: "customise" until the dialog is
 * visible (the longer of its Event Timing latency and the time from the click
 * to just after the first frame that shows the dialog, fetching included),
 * then the Event Timing latency of "save" in the dialog. With `rest: 0` the
 * click comes the moment the pointer arrives.
 */
export function customiseVisit(browser, origin, lib, options) {
  return withBanner(browser, origin, lib, options, async ({ page, network: requests, errors }) => {
    const visible = page.evaluate((selector) => window.__bench.whenVisible(selector), lib.dialog);
    const { latency, clickAt } = await clickAndTime(page, lib.customise, options.rest ?? REST_MS);
    const dialogMs = (await within(visible, TIMEOUT_MS, `${lib.name}'s dialog`)) - clickAt;
    await requests.quiet();
    const { latency: saveLatency } = lib.save ? await clickAndTime(page, lib.save) : { latency: NaN };
    return { customiseLatency: Math.max(latency, dialogMs), dialogMs, saveLatency, errors: [...errors, ...requests.problems] };
  });
}

/**
 * A returning visitor's page (`init`: an extra init script), opened and
 * waited on until its blocked analytics script ran and SETTLE_MS more (and
 * the network is quiet); `visit` gets it, with the time the script ran, and
 * the page is closed after.
 */
async function withReturning(browser, origin, lib, { init, ...options }, visit) {
  const opened = await openPage(browser, origin, lib, { ...options, poll: false, init });
  try {
    const analyticsMs = await within(
      opened.page.evaluate(() => window.__bench.ran),
      TIMEOUT_MS,
      `the analytics script (${lib.name}, returning)`,
    );
    await opened.page.waitForTimeout(SETTLE_MS);
    await opened.network.quiet();
    return await visit({ ...opened, analyticsMs });
  } finally {
    await opened.context.close();
  }
}

/**
 * A returning visitor whose consent cookie grants analytics: time until the
 * blocked script ran, then script time and library files SETTLE_MS later
 * (and the network quiet). The banner must stay hidden. With `trace`, also
 * the garbage collection run inside the scripts (`gcMs`).
 */
export function returningVisit(browser, origin, lib, options) {
  return withReturning(browser, origin, lib, options, async ({ page, network: requests, errors, metrics, analyticsMs }) => {
    const { scriptMs, scriptWallMs, taskMs, layoutMs, styleMs, gcMs } = await metrics.read();
    const after = await page.evaluate(() => ({
      banner: window.__bench.bannerVisible(),
      cls: window.__bench.cls,
      count: window.__analyticsCount,
    }));
    if (after.banner) errors.push('the banner showed for a returning visitor');
    if (after.count !== 1) errors.push(`the analytics script ran ${after.count} times`);
    return {
      analyticsMs,
      scriptMs,
      scriptWallMs,
      taskMs,
      layoutMs,
      styleMs,
      gcMs,
      cls: after.cls,
      files: requests.files(),
      timeDomain: metrics.timeDomain,
      errors: [...errors, ...requests.problems],
    };
  });
}

/**
 * An init script: every MutationObserver the page makes adds the time of its
 * callbacks to `window.__observerMs`. That part of the script time of the
 * "late" scenario is the library watching what the page adds, without the
 * page's own work (and its garbage collections), which varies far more.
 */
function timeObservers() {
  const Native = window.MutationObserver;
  if (!Native) return;
  window.__observerMs = 0;
  window.MutationObserver = class extends Native {
    constructor(callback) {
      super((records, observer) => {
        const start = performance.now();
        try {
          return callback.call(observer, records, observer);
        } finally {
          window.__observerMs += performance.now() - start;
        }
      });
    }
  };
}

/** What the page adds after load in the "late" scenario: batches of stress-page items, each batch in a task of its own. */
export const LATE = { batches: 10, items: 1000 };

/**
 * A returning visitor on a page that keeps adding content after load, as an
 * infinite-scroll listing does: once the page has settled, it adds
 * LATE.batches batches of LATE.items listing items (5 elements each, the
 * stress page's), one batch a task, and the script time of those tasks is
 * measured, with the part of it in MutationObserver callbacks. The page's
 * own work (parsing the added HTML) is in every library's script time; the
 * "no library" floor is that work alone.
 */
export function lateVisit(browser, origin, lib, options) {
  return withReturning(browser, origin, lib, { ...options, init: timeObservers }, async ({ page, network: requests, errors, metrics }) => {
    const before = await metrics.read();
    await page.evaluate(() => {
      window.__observerMs = 0;
    });
    await page.evaluate(
      ({ batches, items }) =>
        new Promise((resolve) => {
          const main = document.querySelector('main') || document.body;
          let batch = 0;
          const add = () => {
            let html = '';
            for (let i = 0; i < items; i++) {
              const n = batch * items + i;
              html += `<div class="item"><h3>More ${n + 1}</h3><p>Lorem ipsum dolor sit amet, consectetur adipiscing.</p><a href="/more/${n}">Read more</a><span>${n % 7} comments</span></div>`;
            }
            main.insertAdjacentHTML('beforeend', html);
            // Each batch a task of its own, with time for the library to look at it in between.
            setTimeout(++batch < batches ? add : resolve, 20);
          };
          setTimeout(add, 20);
        }),
      LATE,
    );
    await page.waitForTimeout(100);
    const after = await metrics.read();
    const lateObserverMs = await page.evaluate(() => window.__observerMs);
    return { lateScriptMs: after.scriptMs - before.scriptMs, lateObserverMs, errors: [...errors, ...requests.problems] };
  });
}

/**
 * Makes the returning visitor's consent: opens the small page, waits for the
 * banner, lets the library record "analytics granted, marketing refused"
 * through its own API, and returns the cookies it set.
 */
export async function recordConsent(browser, origin, lib) {
  const { context, page, network: requests, errors } = await openPage(browser, origin, lib, { poll: true, size: 'small' });
  try {
    await within(
      page.evaluate(() => window.__bench.banner),
      TIMEOUT_MS,
      `${lib.name}'s banner`,
    );
    await page.evaluate(lib.grantAnalyticsOnly);
    await page.waitForTimeout(SETTLE_MS);
    await requests.quiet();
    const cookies = await context.cookies();
    if (!cookies.length) throw new Error(`${lib.name} set no cookie when consent was given: ${errors.join('; ')}`);
    return cookies;
  } finally {
    await context.close();
  }
}
