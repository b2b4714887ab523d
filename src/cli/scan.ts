/**
 * A scan: three visitors, each in a fresh browser profile. The first does
 * nothing and finds the pages (breadth first from the start URL); the second
 * rejects and the third accepts, then both visit the same pages. Each page is
 * loaded, given time for the network to settle (bounded by the page timeout),
 * and what it stored is recorded. The browser never leaves the site's origin.
 */
import type { Page } from 'playwright-core';
import { bounded, EVALUATE_MS } from './bounded';
import type { Profile } from './chromium';
import { buttonNames, makeChoice, type Choice, type ChoiceOutcome } from './choice';
import { createCrawl } from './crawl';
import { CannotScanError } from './errors';
import type { Observation, PhaseName } from './findings';
import { readSiteConfig, type RawSiteConfig, type SiteConfig } from './site-config';
import { watchContext } from './watch';

/** One page a phase visited. */
export interface PageVisit {
  /** Where the page ended up (after redirects on the site). */
  readonly url: string;
  readonly status?: number;
  /** Why the page could not be loaded. */
  readonly error?: string;
}

/** What one visitor saw. */
export interface PhaseResult {
  readonly name: PhaseName;
  /** Phases two and three: how their choice went. */
  readonly choice?: ChoiceOutcome;
  readonly pages: readonly PageVisit[];
  readonly observations: readonly Observation[];
}

/** The raw result of a scan, before classification. */
export interface ScanResult {
  /** The start URL as given. */
  readonly url: string;
  /** Where the start URL led: its origin is the site's. */
  readonly startUrl: string;
  readonly origin: string;
  readonly startedAt: string;
  /** The site's biscuit-consent config, when a page had one. */
  readonly config?: SiteConfig;
  readonly phases: readonly PhaseResult[];
}

/** Options of `scanSite`. */
export interface ScanOptions {
  readonly url: string;
  /** The most pages each phase visits. */
  readonly pages: number;
  /** Per page, to load and settle. */
  readonly timeoutMs: number;
  /** Starts a fresh browser profile. */
  readonly launch: () => Promise<Profile>;
  /** Says what is happening (the command prints it on stderr). */
  readonly progress: (message: string) => void;
  readonly now?: () => number;
}

/** How long after a page has loaded to wait at most for its network to go quiet. */
const SETTLE_MS = 10_000;
/** How long to wait for a banner's button to appear. */
const BUTTON_WAIT_MS = 3000;

/** Reads the page's config: the live instance's, else the JSON block, else `window.BiscuitConfig`. */
function readPageConfig(page: Page): Promise<RawSiteConfig | undefined> {
  const reading = page.evaluate(() => {
    // RegExps (in the live config) as { $regexp: [source, flags] }; functions and deep nesting dropped.
    const plain = (value: unknown, depth: number): unknown => {
      if (value instanceof RegExp) return { $regexp: [value.source, value.flags] };
      if (depth > 6 || typeof value == 'function') return undefined;
      if (Array.isArray(value)) return value.map((item) => plain(item, depth + 1));
      if (value && typeof value == 'object') {
        const copy: Record<string, unknown> = {};
        for (const key of Object.keys(value)) copy[key] = plain((value as Record<string, unknown>)[key], depth + 1);
        return copy;
      }
      return value;
    };
    const scope = window as { Biscuit?: unknown; BiscuitConfig?: unknown };
    const live = scope.Biscuit as { config?: unknown } | undefined;
    if (live && !Array.isArray(live) && live.config && typeof live.config == 'object') return { source: 'live' as const, config: plain(live.config, 0) };
    const block = document.getElementById('biscuit-config');
    if (block) {
      try {
        return { source: 'block' as const, config: JSON.parse(block.textContent || '{}') as unknown };
      } catch (error) {
        return { source: 'block' as const, error: `the #biscuit-config block is not valid JSON (${(error as Error).message})` };
      }
    }
    if (scope.BiscuitConfig !== undefined) return { source: 'global' as const, config: plain(scope.BiscuitConfig, 0) };
    return undefined;
  });
  return bounded(reading, EVALUATE_MS, undefined);
}

/** Every link's target on the page, except download links. */
const linksOf = (page: Page) =>
  bounded(
    page.evaluate(() =>
      Array.from(document.querySelectorAll('a[href], area[href]'), (link) => {
        const href = (link as HTMLAnchorElement).href;
        return typeof href == 'string' && !link.hasAttribute('download') ? href : '';
      }).filter(Boolean),
    ),
    EVALUATE_MS,
    [] as string[],
  );

/** A one-line reason from a Playwright error. */
const reason = (error: unknown) =>
  String((error as Error)?.message ?? error)
    .split('\n')[0]!
    .replace(/^page\.goto: /, '');

/**
 * Keeps the tab on the site: every document request of its main frame,
 * redirects included, is paused and failed when it would leave `origin()`.
 * (Playwright's own routing sees only the first request of a redirect.)
 * Returns where the last blocked request was going.
 */
async function keepOnSite(page: Page, origin: () => string | undefined): Promise<{ blocked(): string | undefined; reset(): void }> {
  const session = await page.context().newCDPSession(page);
  const { frameTree } = await session.send('Page.getFrameTree');
  let blocked: string | undefined;
  session.on('Fetch.requestPaused', ({ requestId, frameId, request }) => {
    const site = origin();
    if (site && frameId == frameTree.frame.id && new URL(request.url).origin != site) {
      blocked = request.url;
      void session.send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' }).catch(() => {});
    } else {
      void session.send('Fetch.continueRequest', { requestId }).catch(() => {});
    }
  });
  await session.send('Fetch.enable', { patterns: [{ resourceType: 'Document', requestStage: 'Request' }] });
  return {
    blocked: () => blocked,
    reset: () => {
      blocked = undefined;
    },
  };
}

/** One phase's browser: a profile, its watcher, its one tab, kept on the site. */
async function openPhase(options: ScanOptions, origin: () => string | undefined) {
  const profile = await options.launch();
  try {
    const { context } = profile;
    const watch = await watchContext(context, options.now);
    const page = context.pages()[0] ?? (await context.newPage());
    const guard = await keepOnSite(page, origin);
    // Links that open a new window: the visitor stays on the first tab.
    context.on('page', (opened) => opened !== page && void opened.close().catch(() => {}));
    const load = (url: string) => page.goto(url, { waitUntil: 'load', timeout: options.timeoutMs });
    /** Loads `url`, lets it settle and records what it stored. */
    const visit = async (url: string): Promise<PageVisit> => {
      const started = Date.now();
      watch.setPage(url);
      guard.reset();
      let status: number | undefined;
      try {
        // The error page of a failed visit may still be on its way in: then load again.
        const response = await load(url).catch((error: Error) => (/interrupted by another navigation/.test(error.message) ? load(url) : Promise.reject(error)));
        status = response?.status();
      } catch (error) {
        const away = guard.blocked();
        return { url, error: away ? `redirected off the site to ${away}; not followed` : reason(error) };
      }
      watch.setPage(page.url());
      await watch.settle(Math.min(SETTLE_MS, options.timeoutMs - (Date.now() - started)));
      await watch.snapshot(page);
      return { url: page.url(), ...(status !== undefined && { status }) };
    };
    return { profile, watch, page, visit };
  } catch (error) {
    await profile.close();
    throw error;
  }
}

const PHASE_TITLES: Record<PhaseName, string> = {
  'new-visitor': 'a new visitor who does nothing',
  rejected: 'a visitor who rejects',
  accepted: 'a visitor who accepts all',
};

/** Scans a site; throws `CannotScanError` when the start page cannot be loaded. */
export async function scanSite(options: ScanOptions): Promise<ScanResult> {
  const { progress } = options;
  const startedAt = new Date((options.now ?? Date.now)()).toISOString();
  let origin: string | undefined;
  let rawConfig: RawSiteConfig | undefined;

  // Phase one: a new visitor who does nothing, following links to find the pages.
  progress(`[1/3] ${PHASE_TITLES['new-visitor']}`);
  const first = await openPhase(options, () => origin);
  let firstPhase: PhaseResult;
  let startUrl: string;
  try {
    first.watch.record();
    const start = await first.visit(options.url);
    if (start.error) throw new CannotScanError(`could not load ${options.url}: ${start.error}`);
    if (start.status !== undefined && start.status >= 400) throw new CannotScanError(`${options.url} answered HTTP ${start.status}`);
    startUrl = start.url;
    origin = new URL(startUrl).origin;
    progress(`  ${startUrl}`);
    const crawl = createCrawl({ start: startUrl, origin, limit: options.pages });
    crawl.next();
    crawl.seen(options.url);
    const pages: PageVisit[] = [start];
    const learn = async () => {
      crawl.found(await linksOf(first.page), first.page.url());
      rawConfig ??= await readPageConfig(first.page);
    };
    await learn();
    for (let url = crawl.next(); url !== undefined; url = crawl.next()) {
      progress(`  ${url}`);
      const visited = await first.visit(url);
      if (visited.error) {
        pages.push(visited);
        progress(`    ${visited.error}`);
        continue;
      }
      // A redirect to a page already visited adds nothing new.
      if (pages.some((page) => !page.error && page.url == visited.url)) continue;
      pages.push(visited);
      crawl.seen(visited.url);
      await learn();
    }
    firstPhase = { name: 'new-visitor', pages, observations: await first.watch.observations(new URL(startUrl).hostname) };
  } finally {
    await first.profile.close();
  }

  const config = rawConfig && readSiteConfig(rawConfig);
  const siteHost = new URL(startUrl).hostname;
  const pageList = firstPhase.pages.filter((visited) => !visited.error).map((visited) => visited.url);

  // Phases two and three: choose on the start page, then visit the same pages.
  const chosen = async (name: PhaseName, choice: Choice, index: number): Promise<PhaseResult> => {
    progress(`[${index}/3] ${PHASE_TITLES[name]}`);
    const phase = await openPhase(options, () => origin);
    try {
      const start = await phase.visit(startUrl);
      if (start.error) return { name, choice: { made: false, detail: `the start page did not load: ${start.error}` }, pages: [], observations: [] };
      // What happens from the click on counts for the phase.
      const outcome = await makeChoice(phase.page, choice, { names: buttonNames(choice, config), waitMs: BUTTON_WAIT_MS, onChoose: phase.watch.record });
      progress(`  ${outcome.made ? '' : 'could not choose: '}${outcome.detail}`);
      if (!outcome.made) return { name, choice: outcome, pages: [], observations: [] };
      await phase.watch.settle(Math.min(SETTLE_MS, options.timeoutMs));
      phase.watch.setPage(phase.page.url());
      await phase.watch.snapshot(phase.page);
      const pages: PageVisit[] = [];
      for (const url of pageList) {
        progress(`  ${url}`);
        const visited = await phase.visit(url);
        if (visited.error) progress(`    ${visited.error}`);
        pages.push(visited);
      }
      return { name, choice: outcome, pages, observations: await phase.watch.observations(siteHost) };
    } finally {
      await phase.profile.close();
    }
  };
  const rejected = await chosen('rejected', 'reject', 2);
  const accepted = await chosen('accepted', 'accept', 3);

  return {
    url: options.url,
    startUrl,
    origin: origin!,
    startedAt,
    ...(config && { config }),
    phases: [firstPhase, rejected, accepted],
  };
}
