#!/usr/bin/env node
// `npm run bench`: biscuit-consent side by side with vanilla-cookieconsent,
// Klaro and tarteaucitron in Debian's Chromium, on three page sizes, with
// and without 4× CPU throttling. Prints the results and writes
// bench/results.md and bench/results.json. See bench/README.md.
//
// Environment: BENCH_RUNS (measured runs, default 7; at least 7 for
// published figures), BENCH_SIZES (default `small,cms,stress`),
// BENCH_THROTTLES (CPU slow-down factors, default `1,4`), BENCH_LIBRARIES
// (ids, default all; for quick comparisons while developing),
// BENCH_SCENARIOS (default `first,returning,traced,reject,customise,hurried,late`),
// BENCH_NETWORK (`none`, the default, or `mobile`: see NETWORKS in
// measure.mjs; its results go to results-mobile.*), BENCH_OUTPUT (file name
// without extension, instead of results / results-mobile), BENCH_DIST (a
// script-tag build to measure instead of dist/browser/, e.g. a copy of an
// earlier one), CHROMIUM_PATH (as for the browser tests).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium } from '../examples/chromium.mjs';
import { FLOORS, LIBRARIES, REFERENCE } from './libraries.mjs';
import {
  CHROMIUM_ARGS,
  CONTEXT_OPTIONS,
  customiseVisit,
  EVENT_TIMING_FLOOR_MS,
  firstVisit,
  LATE,
  lateVisit,
  NETWORKS,
  recordConsent,
  rejectVisit,
  REST_MS,
  returningVisit,
  SETTLE_MS,
} from './measure.mjs';
import { PAGE_SIZES } from './pages.mjs';
import { report } from './report.mjs';
import { BENCH, ROOT, listen, serveBiscuitFrom } from './serve.mjs';
import { bytesOf, fileSizes, median, summarise } from './stats.mjs';

const list = (value, fallback) =>
  value
    ? value
        .split(',')
        .map((each) => each.trim())
        .filter(Boolean)
    : fallback;
const RUNS = Number(process.env.BENCH_RUNS || 7);
const SIZES = list(process.env.BENCH_SIZES, Object.keys(PAGE_SIZES));
const THROTTLES = list(process.env.BENCH_THROTTLES, ['1', '4']).map(Number);
const ONLY = list(process.env.BENCH_LIBRARIES, undefined);
const SCENARIOS = list(process.env.BENCH_SCENARIOS, ['first', 'returning', 'traced', 'reject', 'customise', 'hurried', 'late']);
const NETWORK_NAME = process.env.BENCH_NETWORK || 'none';
const NETWORK = NETWORKS[NETWORK_NAME];
const OUTPUT = process.env.BENCH_OUTPUT || (NETWORK_NAME == 'none' ? 'results' : `results-${NETWORK_NAME}`);
/** Interactions are timed with this CPU slow-down, on every page size but the stress page. */
const INTERACTION_THROTTLE = 4;
const log = (...parts) => console.error('[bench]', ...parts);

const fail = (message) => {
  console.error(`bench: ${message}`);
  process.exit(1);
};
if (!existsSync(join(process.env.BENCH_DIST || join(ROOT, 'dist/browser'), 'biscuit.global.js')))
  fail('dist/browser/biscuit.global.js is missing; run `npm run build` first (npm run bench does).');
for (const name of ['vanilla-cookieconsent', 'klaro', 'tarteaucitronjs']) {
  if (!existsSync(join(BENCH, 'node_modules', name))) fail(`${name} is not installed; run \`npm ci --prefix bench\` first (npm run bench does).`);
}
if (!Number.isInteger(RUNS) || RUNS < 1) fail('BENCH_RUNS must be a whole number of runs');
if (!NETWORK) fail(`BENCH_NETWORK must be one of ${Object.keys(NETWORKS).join(', ')}`);
for (const size of SIZES) if (!PAGE_SIZES[size]) fail(`BENCH_SIZES: no page size "${size}" (${Object.keys(PAGE_SIZES).join(', ')})`);
if (!THROTTLES.every((rate) => rate >= 1)) fail('BENCH_THROTTLES must be slow-down factors of 1 or more');
const libraries = LIBRARIES.filter((lib) => !ONLY || ONLY.includes(lib.id) || lib.id == REFERENCE);

/** Where a figure is measured: a page size and a CPU slow-down. */
const where = (size, throttle) => `${size}@${throttle}x`;
const interactive = (size, throttle) => throttle == INTERACTION_THROTTLE && size != 'stress';

/**
 * The figures. `pick` reads one from a scenario's result; `scenario` is
 * first (first-time visitor, then accept), returning, reject or customise;
 * `floors` lists the floors measured for it; `unit` formats it.
 */
const METRICS = [
  {
    key: 'firstBrotli',
    label: 'Bytes, first visit until 500 ms after the banner (brotli)',
    unit: 'bytes',
    scenario: 'first',
    pick: (r) => bytesOf(r.files).brotli,
  },
  {
    key: 'acceptBrotli',
    label: 'Bytes, first visit and what accepting fetches (brotli)',
    unit: 'bytes',
    scenario: 'first',
    pick: (r) => bytesOf(r.filesAfterAccept).brotli,
  },
  { key: 'returningBrotli', label: 'Bytes, returning visitor (brotli)', unit: 'bytes', scenario: 'returning', pick: (r) => bytesOf(r.files).brotli },
  { key: 'bannerMs', label: 'Navigation → banner visible', unit: 'ms', scenario: 'first', pick: (r) => r.bannerMs },
  { key: 'firstScriptMs', label: 'Main-thread script, first visit', unit: 'ms', scenario: 'first', pick: (r) => r.scriptMs },
  {
    key: 'returningScriptMs',
    label: 'Main-thread script, returning visitor',
    unit: 'ms',
    scenario: 'returning',
    pick: (r) => r.scriptMs,
    floors: ['none', 'gate'],
  },
  {
    key: 'tracedScriptMs',
    label: 'Main-thread script, returning visitor, traced (separate views, a Chromium trace recorded)',
    unit: 'ms',
    scenario: 'traced',
    pick: (r) => r.scriptMs,
    floors: ['gate'],
  },
  {
    key: 'tracedGcMs',
    label: '… of which garbage collection V8 ran inside the scripts',
    unit: 'ms',
    scenario: 'traced',
    pick: (r) => r.gcMs,
    floors: ['gate'],
  },
  {
    key: 'tracedOwnMs',
    label: '… without it: the scripts’ own work',
    unit: 'ms',
    scenario: 'traced',
    pick: (r) => r.scriptMs - r.gcMs,
    floors: ['gate'],
  },
  {
    key: 'firstScriptWallMs',
    label: 'Main-thread script in wall time, first visit',
    unit: 'ms',
    scenario: 'first',
    pick: (r) => r.scriptWallMs,
  },
  {
    key: 'returningScriptWallMs',
    label: 'Main-thread script in wall time, returning visitor',
    unit: 'ms',
    scenario: 'returning',
    pick: (r) => r.scriptWallMs,
    floors: ['none', 'gate'],
  },
  {
    key: 'lateScriptMs',
    label: `Main-thread script while the page adds ${(LATE.batches * LATE.items * 5).toLocaleString('en-GB')} elements after load (${LATE.batches} batches), returning visitor`,
    unit: 'ms',
    scenario: 'late',
    pick: (r) => r.lateScriptMs,
    floors: ['none'],
  },
  {
    key: 'lateObserverMs',
    label: '… of which in MutationObserver callbacks (the library watching for late elements)',
    unit: 'ms',
    scenario: 'late',
    pick: (r) => r.lateObserverMs,
  },
  { key: 'cls', label: 'Cumulative layout shift, first visit', unit: 'cls', scenario: 'first', pick: (r) => r.cls },
  {
    key: 'returningAnalyticsMs',
    label: 'Returning visitor: navigation → analytics ran',
    unit: 'ms',
    scenario: 'returning',
    pick: (r) => r.analyticsMs,
    floors: ['none', 'gate'],
  },
  { key: 'acceptToRunMs', label: 'Accept click → analytics ran', unit: 'ms', scenario: 'first', pick: (r) => r.acceptToRunMs },
  { key: 'acceptLatency', label: 'Interaction latency: accept', unit: 'ms', scenario: 'first', pick: (r) => r.acceptLatency, only: interactive },
  { key: 'rejectLatency', label: 'Interaction latency: reject', unit: 'ms', scenario: 'reject', pick: (r) => r.rejectLatency, only: interactive },
  {
    key: 'customiseLatency',
    label: 'Interaction latency: customise, until the dialog is visible',
    unit: 'ms',
    scenario: 'customise',
    pick: (r) => r.customiseLatency,
    only: interactive,
  },
  { key: 'saveLatency', label: 'Interaction latency: save in the dialog', unit: 'ms', scenario: 'customise', pick: (r) => r.saveLatency, only: interactive },
  {
    key: 'hurriedCustomiseLatency',
    label: 'Interaction latency: customise, until the dialog is visible, clicked the moment the pointer arrives',
    unit: 'ms',
    scenario: 'hurried',
    pick: (r) => r.customiseLatency,
    only: interactive,
  },
];

const VISITS = {
  first: firstVisit,
  returning: returningVisit,
  traced: (browser, origin, lib, options) => returningVisit(browser, origin, lib, { ...options, trace: true }),
  reject: rejectVisit,
  customise: customiseVisit,
  hurried: (browser, origin, lib, options) => customiseVisit(browser, origin, lib, { ...options, rest: 0 }),
  late: lateVisit,
};

/** Each run starts with a different library, so none always goes first. */
const rotate = (items, by) => items.map((_, i) => items[(i + by) % items.length]);

async function attempt(what, work, errors) {
  try {
    return await work();
  } catch (error) {
    errors.push(`${what}: ${error.message.split('\n')[0]}`);
    log(`  ! ${what}: ${error.message.split('\n')[0]}`);
    return undefined;
  }
}

/** Copies dist/browser/ aside (see serveBiscuitFrom) and describes what was copied. */
function snapshotBuild() {
  const source = process.env.BENCH_DIST || join(ROOT, 'dist', 'browser');
  const folder = mkdtempSync(join(os.tmpdir(), 'biscuit-bench-'));
  cpSync(source, folder, { recursive: true });
  serveBiscuitFrom(folder);
  const script = join(folder, 'biscuit.global.js');
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['-C', ROOT, 'status', '--porcelain', '--', 'src'], { encoding: 'utf8' }).trim();
    if (dirty) commit += ' + uncommitted changes in src/';
  } catch {
    // Not a git checkout: the file list below still says what was measured.
  }
  return {
    folder,
    describe: {
      commit,
      builtAt: new Date(statSync(join(source, 'biscuit.global.js')).mtimeMs).toISOString(),
      sha256: createHash('sha256').update(readFileSync(script)).digest('hex').slice(0, 16),
      files: readdirSync(folder)
        .filter((name) => !name.endsWith('.map'))
        .sort(),
    },
  };
}

/** Every (where, scenario) the run measures, and who is measured in it. */
function plan() {
  const steps = [];
  for (const size of SIZES) {
    for (const throttle of THROTTLES) {
      const at = where(size, throttle);
      steps.push({ at, size, throttle, scenario: 'first', who: libraries });
      steps.push({ at, size, throttle, scenario: 'returning', who: [...libraries, ...FLOORS] });
      // Which part of the returning visitor's script time is garbage collection the page made necessary:
      // traced in views of their own, so that tracing never touches the figures above.
      if (throttle == 1) steps.push({ at, size, throttle, scenario: 'traced', who: [...libraries, ...FLOORS.filter((floor) => floor.id == 'gate')] });
      // What content added after load costs does not depend on the page it is added to: measured once.
      if (size == SIZES[0] && throttle == THROTTLES[0])
        steps.push({ at, size, throttle, scenario: 'late', who: [...libraries, ...FLOORS.filter((floor) => floor.id == 'none')] });
      if (interactive(size, throttle)) {
        steps.push({ at, size, throttle, scenario: 'reject', who: libraries.filter((lib) => lib.reject) });
        steps.push({ at, size, throttle, scenario: 'customise', who: libraries.filter((lib) => lib.customise && lib.dialog) });
        steps.push({ at, size, throttle, scenario: 'hurried', who: libraries.filter((lib) => lib.customise && lib.dialog) });
      }
    }
  }
  return steps.filter((step) => SCENARIOS.includes(step.scenario));
}

async function main() {
  const started = Date.now();
  const load = os.loadavg();
  const build = snapshotBuild();
  process.on('exit', () => rmSync(build.folder, { recursive: true, force: true }));
  const { server, origin } = await listen();
  const browser = await launchChromium(CHROMIUM_ARGS);
  const chromiumVersion = browser.version();
  const steps = plan();
  log(
    `Chromium ${chromiumVersion}, ${RUNS} runs of ${steps.reduce((sum, step) => sum + step.who.length, 0)} page views, network ${NETWORK_NAME}, serving on ${origin}`,
  );

  const everyone = [...libraries, ...FLOORS];
  /** samples[at][scenario][id][run] */
  const samples = {};
  const errors = Object.fromEntries(everyone.map((lib) => [lib.id, []]));
  const cookies = {};
  const elements = {};
  try {
    for (const lib of libraries) {
      log(`recording ${lib.name}'s consent for the returning visitor`);
      cookies[lib.id] = await attempt(`${lib.name}: recording consent`, () => recordConsent(browser, origin, lib), errors[lib.id]);
    }
    const visit = (step, lib) => {
      const from = ['returning', 'traced', 'late'].includes(step.scenario) ? (lib.cookiesFrom === undefined ? lib.id : lib.cookiesFrom) : null;
      if (from && !cookies[from]) return Promise.reject(new Error(`no ${from} consent cookie was recorded`));
      return VISITS[step.scenario](browser, origin, lib, { size: step.size, throttle: step.throttle, network: NETWORK, cookies: from ? cookies[from] : [] });
    };
    // One unmeasured round on the small page: the first pages a browser loads are slower for everyone.
    log('warm-up round');
    for (const step of steps.filter((each) => each.size == SIZES[0])) for (const lib of step.who) await attempt('warm-up', () => visit(step, lib), []);
    for (let run = 0; run < RUNS; run++) {
      log(`run ${run + 1}/${RUNS}`);
      for (const step of steps) {
        for (const lib of rotate(step.who, run)) {
          const result = await attempt(`${lib.name} run ${run + 1} ${step.scenario} ${step.at}`, () => visit(step, lib), errors[lib.id]);
          (((samples[step.at] ||= {})[step.scenario] ||= {})[lib.id] ||= [])[run] = result;
          if (result) errors[lib.id].push(...result.errors.map((e) => `run ${run + 1} ${step.scenario} ${step.at}: ${e}`));
          if (result?.elements) elements[step.size] = result.elements;
        }
      }
    }
  } finally {
    await browser.close();
    server.close();
  }

  // Per place, metric and library: every run's value, summary, and the median
  // of the run-by-run ratios to the reference library measured in the same run.
  const figures = {};
  for (const step of steps) {
    for (const metric of METRICS.filter((each) => each.scenario == step.scenario && (!each.only || each.only(step.size, step.throttle)))) {
      const values = (id) =>
        Array.from({ length: RUNS }, (_, run) => {
          const result = samples[step.at]?.[step.scenario]?.[id]?.[run];
          return result ? metric.pick(result) : NaN;
        });
      const reference = values(REFERENCE);
      const table = ((figures[step.at] ||= {})[metric.key] = {});
      for (const lib of [...libraries, ...FLOORS.filter((floor) => metric.floors?.includes(floor.id))]) {
        if (!step.who.includes(lib)) continue;
        const own = values(lib.id);
        const ratios = own.map((value, run) => (reference[run] > 0 ? value / reference[run] : NaN));
        table[lib.id] = { ...summarise(own), ratio: median(ratios), values: own };
      }
    }
  }

  const files = Object.fromEntries(
    libraries.map((lib) => {
      const first = Object.values(samples)
        .flatMap((at) => at.first?.[lib.id] || [])
        .find(Boolean);
      const returning = Object.values(samples)
        .flatMap((at) => at.returning?.[lib.id] || [])
        .find(Boolean);
      const describe = (list) => (list || []).map(({ path, type, file }) => ({ path, type, ...fileSizes(file) }));
      return [lib.id, { first: describe(first?.files), accept: describe(first?.filesAfterAccept), returning: describe(returning?.files) }];
    }),
  );
  const meta = {
    date: new Date().toISOString(),
    chromium: chromiumVersion,
    playwright: JSON.parse(readFileSync(join(ROOT, 'node_modules/playwright-core/package.json'), 'utf8')).version,
    node: process.version,
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}`,
    loadAverageAtStart: load.map((value) => +value.toFixed(2)),
    loadAverageAtEnd: os.loadavg().map((value) => +value.toFixed(2)),
    runs: RUNS,
    network: NETWORK.label,
    settleMs: SETTLE_MS,
    eventTimingFloorMs: EVENT_TIMING_FLOOR_MS,
    restMs: REST_MS,
    interactionThrottle: INTERACTION_THROTTLE,
    viewport: CONTEXT_OPTIONS.viewport,
    sizes: Object.fromEntries(SIZES.map((size) => [size, { label: PAGE_SIZES[size].label, elements: elements[size] }])),
    throttles: THROTTLES,
    places: steps.filter((step) => step.scenario == 'first').map(({ at, size, throttle }) => ({ at, size, throttle })),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    libraries: Object.fromEntries(libraries.map((lib) => [lib.id, { name: lib.name, version: lib.version() }])),
    floors: Object.fromEntries(FLOORS.map((floor) => [floor.id, { name: floor.name }])),
    biscuitBuild: build.describe,
    reference: REFERENCE,
  };

  const results = { meta, metrics: METRICS.map(({ key, label, unit, scenario }) => ({ key, label, unit, scenario })), figures, files, errors };
  const markdown = report(results);
  console.log(markdown);
  writeFileSync(resolve(BENCH, `${OUTPUT}.md`), markdown + '\n');
  writeFileSync(resolve(BENCH, `${OUTPUT}.json`), JSON.stringify(results, null, 2) + '\n');
  log(`done in ${meta.durationSeconds} s; wrote bench/${OUTPUT}.md and bench/${OUTPUT}.json`);
  const missing = Object.entries(figures).flatMap(([at, table]) =>
    Object.entries(table).flatMap(([key, byLib]) => libraries.filter((lib) => byLib[lib.id] && !byLib[lib.id].n).map((lib) => `${lib.name}: ${key} ${at}`)),
  );
  if (missing.length) {
    console.error(`bench: no measurement for ${missing.length} figure(s), e.g. ${missing.slice(0, 3).join('; ')}; see "Problems" in the results`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
