#!/usr/bin/env node
// `npm run bench`: biscuit-consent side by side with vanilla-cookieconsent,
// Klaro and tarteaucitron in Debian's Chromium. Prints a Markdown table and
// writes bench/results.md and bench/results.json. See bench/README.md.
//
// Environment: BENCH_RUNS (measured runs per library and scenario, default 9;
// at least 7 for published figures), BENCH_NETWORK (`none`, the default, or
// `mobile`: see NETWORKS in measure.mjs; its results go to results-mobile.*),
// CHROMIUM_PATH (as for the browser tests).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../examples/chromium.mjs';
import { LIBRARIES, REFERENCE } from './libraries.mjs';
import { CHROMIUM_ARGS, CONTEXT_OPTIONS, firstVisit, NETWORKS, recordConsent, returningVisit, SETTLE_MS } from './measure.mjs';
import { BENCH, ROOT, listen, serveBiscuitFrom } from './serve.mjs';
import { bytesOf, fileSizes, format, formatRatio, formatSummary, markdownTable, median, summarise } from './stats.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 9);
const NETWORK_NAME = process.env.BENCH_NETWORK || 'none';
const NETWORK = NETWORKS[NETWORK_NAME];
const OUTPUT = NETWORK_NAME == 'none' ? 'results' : `results-${NETWORK_NAME}`;
const log = (...parts) => console.error('[bench]', ...parts);

if (!existsSync(join(ROOT, 'dist/browser/biscuit.global.js'))) {
  console.error('bench: dist/browser/biscuit.global.js is missing; run `npm run build` first (npm run bench does).');
  process.exit(1);
}
for (const name of ['vanilla-cookieconsent', 'klaro', 'tarteaucitronjs']) {
  if (!existsSync(join(BENCH, 'node_modules', name))) {
    console.error(`bench: ${name} is not installed; run \`npm ci --prefix bench\` first (npm run bench does).`);
    process.exit(1);
  }
}
if (!Number.isInteger(RUNS) || RUNS < 1) {
  console.error('bench: BENCH_RUNS must be a whole number of runs');
  process.exit(1);
}
if (!NETWORK) {
  console.error(`bench: BENCH_NETWORK must be one of ${Object.keys(NETWORKS).join(', ')}`);
  process.exit(1);
}

/**
 * Two floors for the returning-visitor figures, measured in the same runs:
 * the page with no consent library (the analytics script not blocked), and
 * the least any library must do (an inline script that reads biscuit's
 * cookie and activates the blocked script).
 */
const FLOORS = [
  { id: 'none', name: 'floor: no library', page: '/pages/none.html', banner: '#no-banner', cookiesFrom: null },
  { id: 'gate', name: 'floor: one-line gate', page: '/pages/minimal-gate.html', banner: '#no-banner', cookiesFrom: 'biscuit' },
];

/**
 * The figures, each from one scenario of one run. `pick` reads it from the
 * scenario's result; `scenario` is first (first-time visitor) or returning.
 */
const METRICS = [
  { key: 'firstRaw', label: 'Bytes, first visit: raw', unit: 'bytes', scenario: 'first', pick: (r) => bytesOf(r.files).raw },
  { key: 'firstGzip', label: 'Bytes, first visit: gzip', unit: 'bytes', scenario: 'first', pick: (r) => bytesOf(r.files).gzip },
  { key: 'firstBrotli', label: 'Bytes, first visit: brotli', unit: 'bytes', scenario: 'first', pick: (r) => bytesOf(r.files).brotli },
  { key: 'returningRaw', label: 'Bytes, returning visitor: raw', unit: 'bytes', scenario: 'returning', pick: (r) => bytesOf(r.files).raw },
  { key: 'returningGzip', label: 'Bytes, returning visitor: gzip', unit: 'bytes', scenario: 'returning', pick: (r) => bytesOf(r.files).gzip },
  { key: 'returningBrotli', label: 'Bytes, returning visitor: brotli', unit: 'bytes', scenario: 'returning', pick: (r) => bytesOf(r.files).brotli },
  { key: 'bannerMs', label: 'Navigation → banner visible', unit: 'ms', scenario: 'first', pick: (r) => r.bannerMs },
  { key: 'firstScriptMs', label: 'Main-thread script, first visit', unit: 'ms', scenario: 'first', pick: (r) => r.scriptMs },
  { key: 'returningScriptMs', label: 'Main-thread script, returning visitor', unit: 'ms', scenario: 'returning', pick: (r) => r.scriptMs, floors: ['none', 'gate'] },
  { key: 'cls', label: 'Cumulative layout shift, first visit', unit: 'cls', scenario: 'first', pick: (r) => r.cls },
  { key: 'returningAnalyticsMs', label: 'Returning visitor: navigation → analytics ran', unit: 'ms', scenario: 'returning', pick: (r) => r.analyticsMs, floors: ['none'] },
  { key: 'acceptToRunMs', label: 'Accept click → analytics ran', unit: 'ms', scenario: 'first', pick: (r) => r.acceptToRunMs },
];

/** Each run starts with a different library, so none always goes first. */
const rotate = (list, by) => list.map((_, i) => list[(i + by) % list.length]);

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
  const source = join(ROOT, 'dist', 'browser');
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
      builtAt: new Date(statSync(script).mtimeMs).toISOString(),
      sha256: createHash('sha256').update(readFileSync(script)).digest('hex').slice(0, 16),
      files: readdirSync(folder).filter((name) => !name.endsWith('.map')).sort(),
    },
  };
}

async function main() {
  const started = Date.now();
  const load = os.loadavg();
  const build = snapshotBuild();
  process.on('exit', () => rmSync(build.folder, { recursive: true, force: true }));
  const { server, origin } = await listen();
  const browser = await launchChromium(CHROMIUM_ARGS);
  const chromiumVersion = browser.version();
  log(`Chromium ${chromiumVersion}, ${RUNS} runs, network ${NETWORK_NAME}, serving on ${origin}`);

  const samples = Object.fromEntries([...LIBRARIES, ...FLOORS].map((lib) => [lib.id, { first: [], returning: [] }]));
  const errors = Object.fromEntries([...LIBRARIES, ...FLOORS].map((lib) => [lib.id, []]));
  const options = (id) => ({ network: NETWORK, cookies: cookies[id] || [] });
  const cookies = {};
  try {
    for (const lib of LIBRARIES) {
      log(`recording ${lib.name}'s consent for the returning visitor`);
      // Without it the returning-visitor runs would measure a first visit: they are skipped instead.
      cookies[lib.id] = await attempt(`${lib.name}: recording consent`, () => recordConsent(browser, origin, lib), errors[lib.id]);
    }
    const returningVisitFor = (lib) =>
      cookies[lib.id] ? returningVisit(browser, origin, lib, options(lib.id)) : Promise.reject(new Error('no consent cookie was recorded'));
    // One unmeasured round: the first pages a browser loads are slower for everyone.
    log('warm-up round');
    for (const lib of LIBRARIES) {
      await attempt(`${lib.name} warm-up`, () => firstVisit(browser, origin, lib, options(lib.id)), []);
      await attempt(`${lib.name} warm-up`, () => returningVisitFor(lib), []);
    }
    for (let run = 0; run < RUNS; run++) {
      log(`run ${run + 1}/${RUNS}`);
      for (const lib of rotate(LIBRARIES, run)) {
        const first = await attempt(`${lib.name} run ${run + 1} first visit`, () => firstVisit(browser, origin, lib, options(lib.id)), errors[lib.id]);
        const returning = await attempt(
          `${lib.name} run ${run + 1} returning visitor`,
          () => returningVisitFor(lib),
          errors[lib.id],
        );
        samples[lib.id].first[run] = first;
        samples[lib.id].returning[run] = returning;
        for (const result of [first, returning]) if (result) errors[lib.id].push(...result.errors.map((e) => `run ${run + 1}: ${e}`));
      }
      for (const floor of FLOORS) {
        const visit = () =>
          floor.cookiesFrom && !cookies[floor.cookiesFrom]
            ? Promise.reject(new Error(`no ${floor.cookiesFrom} consent cookie was recorded`))
            : returningVisit(browser, origin, floor, options(floor.cookiesFrom));
        const result = await attempt(`${floor.name} run ${run + 1}`, visit, errors[floor.id]);
        samples[floor.id].returning[run] = result;
        if (result) errors[floor.id].push(...result.errors.map((e) => `run ${run + 1}: ${e}`));
      }
    }
  } finally {
    await browser.close();
    server.close();
  }

  // Per metric and library: every run's value, summary, and the median of the
  // run-by-run ratios to the reference library measured in the same run.
  const values = (id, metric) =>
    Array.from({ length: RUNS }, (_, run) => {
      const result = samples[id][metric.scenario][run];
      return result ? metric.pick(result) : NaN;
    });
  const figures = {};
  for (const metric of METRICS) {
    figures[metric.key] = {};
    const reference = values(REFERENCE, metric);
    for (const lib of [...LIBRARIES, ...FLOORS.filter((floor) => metric.floors?.includes(floor.id))]) {
      const own = values(lib.id, metric);
      const ratios = own.map((value, run) => (reference[run] > 0 ? value / reference[run] : NaN));
      figures[metric.key][lib.id] = { ...summarise(own), ratio: median(ratios), values: own };
    }
  }

  const files = Object.fromEntries(
    LIBRARIES.map((lib) => [
      lib.id,
      Object.fromEntries(
        ['first', 'returning'].map((scenario) => {
          const result = samples[lib.id][scenario].find(Boolean);
          return [scenario, result ? result.files.map(({ path, type, file }) => ({ path, type, ...fileSizes(file) })) : []];
        }),
      ),
    ]),
  );
  const timeDomain = samples[REFERENCE].first.find(Boolean)?.timeDomain;
  const meta = {
    date: new Date().toISOString(),
    chromium: chromiumVersion,
    playwright: JSON.parse(readFileSync(join(ROOT, 'node_modules/playwright-core/package.json'), 'utf8')).version,
    node: process.version,
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}`,
    loadAverageAtStart: load.map((value) => +value.toFixed(2)),
    runs: RUNS,
    network: NETWORK.label,
    settleMs: SETTLE_MS,
    viewport: CONTEXT_OPTIONS.viewport,
    scriptTimeDomain: timeDomain,
    durationSeconds: Math.round((Date.now() - started) / 1000),
    libraries: Object.fromEntries(LIBRARIES.map((lib) => [lib.id, { name: lib.name, version: lib.version() }])),
    biscuitBuild: build.describe,
    reference: REFERENCE,
  };

  const markdown = report(meta, figures, files, errors);
  console.log(markdown);
  writeFileSync(join(BENCH, `${OUTPUT}.md`), markdown + '\n');
  writeFileSync(join(BENCH, `${OUTPUT}.json`), JSON.stringify({ meta, metrics: METRICS.map(({ key, label, unit, scenario }) => ({ key, label, unit, scenario })), figures, files, errors }, null, 2) + '\n');
  log(`done in ${meta.durationSeconds} s; wrote bench/${OUTPUT}.md and bench/${OUTPUT}.json`);
  const missing = METRICS.flatMap((metric) => LIBRARIES.filter((lib) => !figures[metric.key][lib.id].n).map((lib) => `${lib.name}: ${metric.label}`));
  if (missing.length) {
    console.error(`bench: no measurement for ${missing.length} figure(s), e.g. ${missing.slice(0, 3).join('; ')}; see "Problems" in the results`);
    process.exitCode = 1;
  }
}

/** Whether our median is at least as good as every competitor's. */
function targets(figures) {
  const ours = 'biscuit';
  const competitors = LIBRARIES.filter((lib) => lib.id != ours);
  const lines = [];
  const mark = (ok) => (ok ? '✅' : '❌');
  for (const metric of METRICS) {
    const own = figures[metric.key][ours];
    const best = competitors
      .map((lib) => ({ lib, ...figures[metric.key][lib.id] }))
      .filter((each) => Number.isFinite(each.median))
      .sort((a, b) => a.median - b.median)[0];
    if (!best || !Number.isFinite(own.median)) {
      lines.push(`- ${mark(false)} ${metric.label}: not measured`);
      continue;
    }
    const ok = metric.unit == 'cls' ? own.median <= best.median + 0.0005 : own.median <= best.median;
    const overlap = own.min <= best.max && best.min <= own.max && own.min != own.max;
    lines.push(
      `- ${mark(ok)} ${metric.label}: ${format(own.median, metric.unit)} vs best competitor ${best.lib.name} ${format(best.median, metric.unit)}` +
        (overlap ? ' (ranges overlap: within run-to-run spread)' : ''),
    );
  }
  for (const key of ['returningRaw', 'returningGzip', 'returningBrotli', 'returningScriptMs']) {
    const metric = METRICS.find((each) => each.key == key);
    const { ratio } = figures[key][ours];
    lines.push(`- ${mark(ratio <= 1 / 3)} ${metric.label} at most a third of ${REFERENCE}'s: ${formatRatio(ratio)}`);
  }
  const cls = figures.cls[ours];
  lines.push(`- ${mark(cls.max < 0.005)} CLS 0.00 in the default configuration: worst run ${format(cls.max, 'cls')}`);
  return lines.join('\n');
}

function report(meta, figures, files, errors) {
  const libs = LIBRARIES;
  const header = ['Figure (median, min–max, ×ratio to vanilla-cookieconsent)', ...libs.map((lib) => `${lib.name} ${lib.version()}`), ...FLOORS.map((floor) => floor.name)];
  const rows = METRICS.map((metric) => [
    metric.label,
    ...libs.map((lib) => {
      const figure = figures[metric.key][lib.id];
      const value = formatSummary(figure, metric.unit);
      return lib.id == REFERENCE ? value : `${value} ${formatRatio(figure.ratio)}`;
    }),
    ...FLOORS.map((floor) => (metric.floors?.includes(floor.id) ? formatSummary(figures[metric.key][floor.id], metric.unit) : '')),
  ]);
  const fileRows = libs.flatMap((lib) =>
    ['first', 'returning'].map((scenario) => [
      lib.name,
      scenario == 'first' ? 'first visit' : 'returning',
      files[lib.id][scenario].map((file) => `\`${file.path.replace(/^\/lib\/[^/]+\//, '')}\` ${format(file.raw, 'bytes')} / ${format(file.gzip, 'bytes')} / ${format(file.brotli, 'bytes')}`).join('<br>') || 'n/a',
    ]),
  );
  const problems = Object.entries(errors)
    .filter(([, list]) => list.length)
    .map(([id, list]) => `- ${id}: ${[...new Set(list)].slice(0, 10).join('; ')}${list.length > 10 ? ' …' : ''}`);
  return [
    '# Benchmark results',
    '',
    `${meta.date} · Chromium ${meta.chromium} (headless, Playwright ${meta.playwright}) · Node ${meta.node}`,
    '',
    `Our build: dist/browser/ as of ${meta.biscuitBuild.builtAt} (commit ${meta.biscuitBuild.commit}; biscuit.global.js sha256 ${meta.biscuitBuild.sha256}…).`,
    '',
    `Machine: ${meta.machine}; load average at start ${meta.loadAverageAtStart.join(' / ')}. Shared and noisy: compare the ratios, which pair each run with vanilla-cookieconsent's run next to it, more than the absolute times.`,
    '',
    `${meta.runs} measured runs per library and scenario after one warm-up round, each in a fresh browser context (empty cache, no cookies other than the consent cookie); viewport ${meta.viewport.width}×${meta.viewport.height}; files served gzipped from 127.0.0.1; network emulation: ${meta.network}. Script time is CDP \`ScriptDuration\` (${meta.scriptTimeDomain == 'threadTicks' ? 'thread CPU time' : 'wall time'}). Bytes: every JS and CSS file the page fetched from the library, gzip -9 and brotli 11 per file. First-visit figures are taken ${meta.settleMs} ms after the banner is visible and the network is quiet. Took ${meta.durationSeconds} s.`,
    '',
    markdownTable(header, rows),
    '',
    'Ratios below 1 are better than vanilla-cookieconsent. Each ratio is the median of the run-by-run ratios, so it can differ a little from the ratio of the medians. The floors are not competitors: "no library" is the same page with the analytics script not blocked at all (what the page and the measurement cost on their own); "one-line gate" is an inline script at the end of `<body>` that only reads the consent cookie and activates the blocked script: the least script work any consent library must do for a returning visitor (shown for script time only; running at the end of the page, it is no floor for timing).',
    '',
    '## Targets (issue 6)',
    '',
    targets(figures),
    '',
    '## Files fetched from each library (raw / gzip / brotli)',
    '',
    markdownTable(['Library', 'Visitor', 'Files'], fileRows),
    '',
    '## Problems seen during the runs',
    '',
    problems.length ? problems.join('\n') : 'None: every banner showed, no blocked script ran before consent or twice, every returning visitor got no banner, and no page logged an error.',
  ].join('\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
