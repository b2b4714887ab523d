// @vitest-environment jsdom
/**
 * Micro-benchmarks of the core paths (`npm run bench:core`, or
 * `npx vitest bench --run bench/core.bench.ts` from the repository root).
 * They run in Node with jsdom, so they catch regressions in our own code;
 * the real-browser figures come from `npm run bench` (bench/run.mjs).
 */
import { afterAll, bench, describe } from 'vitest';
import { blocker } from '../src/blocker';
import { decodeConsent, encodeConsent } from '../src/core/codec';
import { resolveConfig, type ConsentConfig } from '../src/core/config';
import { createRecord, recordFromStored } from '../src/core/record';
import { createStore } from '../src/core/store';
import type { Consent } from '../src/core/consent';
import { createDomWatcher } from '../src/dom/watcher';
import { createMemoryStorage } from '../src/storage/memory';
import { writeChoice } from '../src/storage/write-choice';

/** The configuration every benchmark page uses: essential + analytics + marketing. */
const RAW_CONFIG: ConsentConfig = { categories: { analytics: {}, marketing: {} } };
const config = resolveConfig(RAW_CONFIG);

/** A returning visitor's cookie value: analytics granted, marketing refused, decided a day ago. */
const now = Date.now();
const COOKIE = encodeConsent(
  createRecord(config, ({ name }) => name == 'analytics', {
    decided: true,
    updatedAt: new Date(Math.floor(now / 1000 - 86400) * 1000).toISOString(),
    id: '3f9c2a7e0b1d4c6f8a2e5b7d9c0f1a3e',
    source: 'banner',
  }),
  config.categories,
);
/** Another library's cookie under our name (vanilla-cookieconsent's JSON): must be rejected, and fast. */
const FOREIGN = encodeURIComponent(
  JSON.stringify({ categories: ['necessary', 'analytics'], revision: 0, data: null, consentId: 'x', consentTimestamp: '2025-01-01T00:00:00.000Z' }),
);

if (!decodeConsent(COOKIE)) throw new Error(`benchmark cookie does not decode: ${COOKIE}`);
if (decodeConsent(FOREIGN)) throw new Error('a foreign cookie decoded');

describe('returning visitor: cookie → allowed()', () => {
  const store = createStore({ config, storage: createMemoryStorage(COOKIE), write: writeChoice, now: () => now });
  if (!store.allowed('analytics') || store.allowed('marketing')) throw new Error('the benchmark store does not answer as expected');

  bench('decodeConsent(cookie)', () => {
    decodeConsent(COOKIE);
  });

  bench('decodeConsent(foreign cookie) → no decision', () => {
    decodeConsent(FOREIGN);
  });

  bench('recordFromStored(decodeConsent(cookie))', () => {
    recordFromStored(decodeConsent(COOKIE), config, now, false);
  });

  bench('allowed("analytics") on a running instance', () => {
    store.allowed('analytics');
  });

  bench('page load: resolveConfig + createStore from the cookie + allowed("analytics")', () => {
    const consent = createStore({ config: resolveConfig(RAW_CONFIG), storage: createMemoryStorage(COOKIE), write: writeChoice, now: () => now });
    if (!consent.allowed('analytics')) throw new Error('not allowed');
  });
});

/** Drains microtasks and lets jsdom finish: the blocker activates scripts through a promise chain. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

const BLOCKED = 50;
/** jsdom's script runs are slow and noisy: give these benchmarks more time than the default 500 ms. */
const SLOW = { time: 3000, warmupTime: 500 };
const blockedScripts = Array.from({ length: BLOCKED }, (_, i) => `<script type="text/plain" data-consent="analytics" id="s${i}">void 0</script>`).join('');

/** Puts 50 blocked scripts in the page. */
function prepare() {
  document.body.innerHTML = blockedScripts;
}

/** Throws unless all 50 were activated (their clones lost type="text/plain"). */
function expectActivated() {
  const active = document.querySelectorAll('script[data-consent]:not([type])').length;
  if (active != BLOCKED) throw new Error(`${active} of ${BLOCKED} scripts activated`);
}

describe(`activating ${BLOCKED} blocked scripts (jsdom)`, () => {
  const instances: Consent[] = [];
  afterAll(() => {
    instances.splice(0).forEach((consent) => consent.destroy());
    document.body.innerHTML = '';
  });

  bench(
    `baseline: only put ${BLOCKED} blocked scripts in the page (subtract from the others)`,
    async () => {
      prepare();
      await settle();
    },
    SLOW,
  );

  bench(
    `returning visitor: createStore with the blocker runs ${BLOCKED} granted scripts`,
    async () => {
      prepare();
      const consent = createStore({
        config,
        storage: createMemoryStorage(COOKIE),
        write: writeChoice,
        now: () => now,
        plugins: [blocker({ watcher: createDomWatcher() })],
      });
      await settle();
      expectActivated();
      consent.destroy();
    },
    SLOW,
  );

  bench(
    `first visit: acceptAll() activates ${BLOCKED} blocked scripts`,
    async () => {
      prepare();
      const consent = createStore({
        config,
        storage: createMemoryStorage(),
        write: writeChoice,
        now: () => now,
        plugins: [blocker({ watcher: createDomWatcher() })],
      });
      await consent.acceptAll();
      await settle();
      expectActivated();
      consent.destroy();
    },
    SLOW,
  );
});
