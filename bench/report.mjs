// The results as Markdown: bench/results.md, and the figures the README's
// "Size and speed" section is generated from (readme.mjs).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BUDGETS } from '../.size-limit.js';
import { format, formatRatio, formatSummary, markdownTable } from './stats.mjs';

const OURS = 'biscuit';

/** The figure of `id` for `key` at `at`, or an empty one. */
export const figure = (results, at, key, id) => results.figures[at]?.[key]?.[id] || { n: 0, median: NaN, min: NaN, max: NaN, ratio: NaN };

/** Whether two figures' ranges overlap, so their medians differ by less than the run-to-run spread. */
export const overlaps = (a, b) => a.n > 0 && b.n > 0 && a.min <= b.max && b.min <= a.max;

/** "small page, 4× CPU slow-down" for a place key such as `small@4x`. */
export function placeLabel(results, at) {
  const [size, throttle] = at.split('@');
  return `${results.meta.sizes[size]?.label || size}, ${throttle == '1x' ? 'no CPU throttling' : `${throttle.replace('x', '×')} CPU throttling`}`;
}

/**
 * The targets of issue 10, each `{ ok, text }`: flat cost, script time at
 * most vanilla-cookieconsent's everywhere, interactions at most its latency,
 * "customise" within 100 ms, and the byte budgets (the bench's own counts;
 * size-limit checks the same files in `npm test`).
 */
export function targets(results) {
  const { meta } = results;
  const reference = meta.reference;
  const lines = [];
  const spread = (a, b) => (overlaps(a, b) ? ' (ranges overlap: within run-to-run spread)' : '');
  const sizes = Object.keys(meta.sizes);
  for (const throttle of meta.throttles) {
    for (const [key, who] of [
      ['returningScriptMs', 'returning visitor'],
      ['firstScriptMs', 'first visit'],
    ]) {
      /** `id`'s figure on the small and the stress page, and how much it grows between them (NaN if either is missing). */
      const growth = (metric, id) => {
        const small = figure(results, `small@${throttle}x`, metric, id);
        const stress = figure(results, `stress@${throttle}x`, metric, id);
        return { small, stress, ratio: small.n && stress.n ? stress.median / small.median : NaN };
      };
      const { small, stress, ratio } = growth(key, OURS);
      if (Number.isFinite(ratio)) {
        // The one-line gate pays what the page itself costs a script that runs
        // while it loads (a garbage collection of a 50,000-element DOM, say):
        // what is left above it is what our own work adds.
        const gate = growth(key, 'gate');
        const above = Number.isFinite(gate.ratio) && (stress.median - gate.stress.median) / (small.median - gate.small.median);
        const theirGrowth = growth(key, reference);
        const theirs = Number.isFinite(theirGrowth.ratio) ? `; ${results.meta.libraries[reference].name}'s ${theirGrowth.ratio.toFixed(2)}×` : '';
        // The traced views of a returning visitor split off the garbage collection V8 ran inside the scripts.
        const own = growth('tracedOwnMs', OURS);
        const traced =
          key == 'returningScriptMs' && Number.isFinite(own.ratio)
            ? `; in the traced views, without the garbage collection V8 ran inside the scripts, ${format(own.stress.median, 'ms')} vs ${format(own.small.median, 'ms')}, ${own.ratio.toFixed(2)}×`
            : '';
        lines.push({
          ok: ratio <= 1.5,
          text: `Flat cost, ${who}, ${throttle}× CPU: main-thread script on the 50,000-element page is ${ratio.toFixed(2)}× the small page's (${format(stress.median, 'ms')} vs ${format(small.median, 'ms')}; target at most 1.5×)${theirs}${above ? `; above the one-line-gate floor, which grows from ${format(gate.small.median, 'ms')} to ${format(gate.stress.median, 'ms')} on the same pages, ${above.toFixed(2)}×` : ''}${traced}`,
        });
      }
      for (const size of sizes) {
        const at = `${size}@${throttle}x`;
        const own = figure(results, at, key, OURS);
        const theirs = figure(results, at, key, reference);
        if (!own.n || !theirs.n) continue;
        const ownTraced = figure(results, at, 'tracedOwnMs', OURS);
        const theirsTraced = figure(results, at, 'tracedOwnMs', reference);
        const traced =
          key == 'returningScriptMs' && ownTraced.n && theirsTraced.n
            ? `; in the traced views, without the garbage collection V8 ran inside the scripts, ${format(ownTraced.median, 'ms')} vs ${format(theirsTraced.median, 'ms')}`
            : '';
        lines.push({
          ok: own.median <= theirs.median,
          text: `Main-thread script, ${who}, ${placeLabel(results, at)}: ${format(own.median, 'ms')} vs ${results.meta.libraries[reference].name} ${format(theirs.median, 'ms')}${spread(own, theirs)}${traced}`,
        });
      }
    }
  }
  for (const [key, what] of [
    ['acceptLatency', 'accept'],
    ['rejectLatency', 'reject'],
    ['customiseLatency', 'customise (until the dialog is visible)'],
    ['saveLatency', 'save'],
  ]) {
    for (const size of sizes) {
      const at = `${size}@${meta.interactionThrottle}x`;
      const own = figure(results, at, key, OURS);
      const theirs = figure(results, at, key, reference);
      if (!own.n || !theirs.n) continue;
      lines.push({
        ok: own.median <= theirs.median,
        text: `Interaction latency, ${what}, ${placeLabel(results, at)}: ${format(own.median, 'ms')} vs ${results.meta.libraries[reference].name} ${format(theirs.median, 'ms')}${spread(own, theirs)}`,
      });
      if (key == 'customiseLatency') {
        lines.push({
          ok: own.max <= 100,
          text: `"Customise cookies" shows the dialog within 100 ms of the click, ${placeLabel(results, at)}: slowest run ${format(own.max, 'ms')}, median ${format(own.median, 'ms')}`,
        });
        const hurried = figure(results, at, 'hurriedCustomiseLatency', OURS);
        if (hurried.n)
          lines.push({
            ok: hurried.max <= 100,
            text: `"Customise cookies" shows the dialog within 100 ms of a click that comes the moment the pointer arrives (no time to fetch ahead), ${placeLabel(results, at)}: slowest run ${format(hurried.max, 'ms')}, median ${format(hurried.median, 'ms')}`,
          });
      }
    }
  }
  const bytes = (key) => figure(results, Object.keys(results.figures)[0], key, OURS);
  for (const [key, budget, what] of [
    ['returningBrotli', BUDGETS.returning, 'returning visitor, everything fetched'],
    ['firstBrotli', BUDGETS.first, 'first visit, everything fetched until 500 ms after the banner is visible'],
    ['acceptBrotli', BUDGETS.accept, 'first visit and what a click on accept fetches'],
  ]) {
    const own = bytes(key);
    if (own.n) lines.push({ ok: own.max <= budget, text: `Bytes, ${what}: ${format(own.max, 'bytes')} (budget ${format(budget, 'bytes')})` });
  }
  const cls = Object.keys(results.figures)
    .map((at) => figure(results, at, 'cls', OURS))
    .filter((each) => each.n);
  if (cls.length)
    lines.push({
      ok: cls.every((each) => each.max < 0.005),
      text: `CLS 0.00 in the default configuration: worst run ${format(Math.max(...cls.map((each) => each.max)), 'cls')}`,
    });
  return lines;
}

function placeTable(results, at) {
  const { meta } = results;
  const libs = Object.keys(meta.libraries);
  const floors = Object.keys(meta.floors);
  const header = [
    `Figure (median, min–max, ×ratio to ${meta.libraries[meta.reference].name})`,
    ...libs.map((id) => meta.libraries[id].name),
    ...floors.map((id) => meta.floors[id].name),
  ];
  const rows = results.metrics
    .filter((metric) => results.figures[at]?.[metric.key])
    .map((metric) => [
      metric.label,
      ...libs.map((id) => {
        const each = figure(results, at, metric.key, id);
        return id == meta.reference ? formatSummary(each, metric.unit) : `${formatSummary(each, metric.unit)} ${formatRatio(each.ratio)}`;
      }),
      ...floors.map((id) => (results.figures[at][metric.key][id] ? formatSummary(figure(results, at, metric.key, id), metric.unit) : '')),
    ]);
  return markdownTable(header, rows);
}

/** bench/results.md. */
export function report(results) {
  const { meta, files, errors } = results;
  const libs = Object.keys(meta.libraries);
  const fileRows = libs.flatMap((id) =>
    ['first', 'accept', 'returning'].map((scenario) => [
      meta.libraries[id].name,
      { first: 'first visit', accept: 'first visit + accept', returning: 'returning' }[scenario],
      files[id][scenario]
        .map(
          (file) =>
            `\`${file.path.replace(/^\/lib\/[^/]+\//, '')}\` ${format(file.raw, 'bytes')} / ${format(file.gzip, 'bytes')} / ${format(file.brotli, 'bytes')}`,
        )
        .join('<br>') || 'n/a',
    ]),
  );
  const problems = Object.entries(errors)
    .filter(([, list]) => list.length)
    .map(([id, list]) => `- ${id}: ${[...new Set(list)].slice(0, 10).join('; ')}${list.length > 10 ? ' …' : ''}`);
  const sizes = Object.entries(meta.sizes)
    .map(([size, { label, elements }]) => `\`${size}\`: ${label}${elements ? `, ${elements.toLocaleString('en-GB')} elements in all` : ''}`)
    .join('; ');
  return [
    '# Benchmark results',
    '',
    `${meta.date} · Chromium ${meta.chromium} (headless, Playwright ${meta.playwright}) · Node ${meta.node}`,
    '',
    `Our build: dist/browser/ as of ${meta.biscuitBuild.builtAt} (commit ${meta.biscuitBuild.commit}; biscuit.global.js sha256 ${meta.biscuitBuild.sha256}…).`,
    '',
    `Machine: ${meta.machine}; load average ${meta.loadAverageAtStart.join(' / ')} at the start, ${meta.loadAverageAtEnd.join(' / ')} at the end. Shared and noisy: compare the ratios, which pair each run with ${meta.libraries[meta.reference].name}'s run next to it, more than the absolute times.`,
    '',
    `${meta.runs} measured runs per library, page and scenario after one warm-up round, each in a fresh browser context (empty cache, no cookies other than the consent cookie); viewport ${meta.viewport.width}×${meta.viewport.height}; files served gzipped from 127.0.0.1; network emulation: ${meta.network}. Pages: ${sizes}; each with its blocked analytics script in \`<head>\`. Script time is CDP \`ScriptDuration\` in thread CPU time, as issue 10 measures it, with and without CPU throttling (Chromium throttles a page by keeping its thread busy, so thread time grows with it); the same in wall time, which adds what the thread waited for and what the shared machine took from it, is given beside it and is not a target. Interaction latencies are Event Timing's (the figure behind INP; ${meta.eventTimingFloorMs} ms means "at most ${meta.eventTimingFloorMs} ms", which Event Timing does not report), at ${meta.interactionThrottle}× CPU throttling, the pointer resting ${meta.restMs} ms on the button before the click as a visitor's does (and, for "customise", also with no rest); "customise" runs until the dialog is visible. Bytes: every JS and CSS file the page fetched from the library, brotli 11 per file. First-visit figures are taken ${meta.settleMs} ms after the banner is visible and the network is quiet. Traced: a returning visitor again, unthrottled, in views of its own with a Chromium trace recorded, which give the garbage collection V8 ran inside the scripts (a collection the page's parsing made due is counted as the script time of whichever script runs then) and the scripts' own work without it. Content added after load: a returning visitor on the first page, unthrottled, while the page appends listing items in batches (an infinite scroll); "no library" is the page's own work. Took ${meta.durationSeconds} s.`,
    '',
    '## Targets (issue 10)',
    '',
    targets(results)
      .map(({ ok, text }) => `- ${ok ? '✅' : '❌'} ${text}`)
      .join('\n'),
    '',
    ...Object.keys(results.figures).flatMap((at) => [`## ${placeLabel(results, at)}`, '', placeTable(results, at), '']),
    `Ratios below 1 are better than ${meta.libraries[meta.reference].name}. Each ratio is the median of the run-by-run ratios, so it can differ a little from the ratio of the medians. The floors are not competitors: "no library" is the same page with the analytics script not blocked at all (what the page and the measurement cost on their own); "one-line gate" is an inline script at the end of \`<body>\` that only reads the consent cookie and activates the blocked script: the least script work any consent library must do for a returning visitor (running at the end of the page, it is no floor for timing).`,
    '',
    '## Files fetched from each library (raw / gzip / brotli)',
    '',
    markdownTable(['Library', 'Visitor', 'Files'], fileRows),
    '',
    '## Problems seen during the runs',
    '',
    problems.length
      ? problems.join('\n')
      : 'None: every banner showed, no blocked script ran before consent or twice, every returning visitor got no banner, and no page logged an error.',
  ].join('\n');
}

// `node bench/report.mjs [results]`: writes <results>.md again from <results>.json
// (default bench/results), for a change to this report without a new run.
if (process.argv[1] == fileURLToPath(import.meta.url)) {
  const base = process.argv[2] || fileURLToPath(new URL('results', import.meta.url));
  writeFileSync(`${base}.md`, report(JSON.parse(readFileSync(`${base}.json`, 'utf8'))) + '\n');
}
