#!/usr/bin/env node
// Where our figures come from, for whoever tries to improve them. Run from
// the repository root after `npm run build`:
//
//   node bench/explain.mjs bytes               bytes of each dist/browser file by source file (source maps)
//   node bench/explain.mjs profile [returning|first]
//                                              CPU profile of our page, by source line (sampled, wall time)
//   node bench/explain.mjs accept              accept click → script inserted → fetched → ran, every library
//
// BENCH_RUNS sets the number of page views to average (default 9); BENCH_SIZE the page
// (small, cms or stress; default small).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../examples/chromium.mjs';
import { LIBRARIES } from './libraries.mjs';
import { CHROMIUM_ARGS, CONTEXT_OPTIONS, instrument, recordConsent } from './measure.mjs';
import { pageUrl } from './pages.mjs';
import { ROOT, listen } from './serve.mjs';
import { attributeFile, byteLength, sourceName, textBySource } from './source-bytes.mjs';
import { median } from './stats.mjs';

const DIST = join(ROOT, 'dist', 'browser');
const RUNS = Number(process.env.BENCH_RUNS || 9);
const SIZE = process.env.BENCH_SIZE || 'small';

function bytes() {
  for (const name of readdirSync(DIST).filter((file) => /\.(js|css)$/.test(file))) {
    if (!existsSync(join(DIST, `${name}.map`))) {
      console.log(`\n${name}: no source map`);
      continue;
    }
    const attributed = attributeFile(join(DIST, name));
    console.log(`\n${name}: ${byteLength(attributed.code)} bytes, gzip ${gzipSync(attributed.code, { level: 9 }).length}`);
    console.log('   bytes  gzip alone  source');
    for (const [source, part] of textBySource(attributed)) {
      console.log(`${String(byteLength(part)).padStart(8)}  ${String(gzipSync(part, { level: 9 }).length).padStart(10)}  ${source}`);
    }
  }
  console.log('\nThe marginal brotli cost of each module, per size budget: node bench/bytes.mjs (bench/bytes.md).');
}

async function withBrowser(work) {
  const { server, origin } = await listen();
  const browser = await launchChromium(CHROMIUM_ARGS);
  try {
    await work(browser, origin);
  } finally {
    await browser.close();
    server.close();
  }
}

async function profile(scenario = 'returning') {
  const map = new SourceMap(JSON.parse(readFileSync(join(DIST, 'biscuit.global.js.map'), 'utf8')));
  const where = ({ url, functionName, lineNumber, columnNumber }) => {
    if (!url.includes('/lib/biscuit/biscuit.global.js')) return `${functionName || '(anonymous)'} ${url.split('/').pop() || '(native)'}`;
    const entry = map.findEntry(lineNumber, columnNumber);
    return `${sourceName(entry.originalSource)}:${entry.originalLine + 1} ${functionName}`;
  };
  const lib = LIBRARIES.find((each) => each.id == 'biscuit');
  await withBrowser(async (browser, origin) => {
    const cookies = scenario == 'returning' ? await recordConsent(browser, origin, lib) : [];
    const self = {};
    const total = {};
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext(CONTEXT_OPTIONS);
      await context.addCookies(cookies);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
      await cdp.send('Profiler.start');
      await page.goto(origin + pageUrl(lib, SIZE));
      await page.waitForTimeout(800);
      const { profile: cpu } = await cdp.send('Profiler.stop');
      await context.close();
      const nodes = new Map(cpu.nodes.map((node) => [node.id, node]));
      const parents = new Map();
      for (const node of cpu.nodes) for (const child of node.children || []) parents.set(child, node.id);
      cpu.samples.forEach((id, i) => {
        const ms = (cpu.timeDeltas[i + 1] || 0) / 1000 / RUNS;
        const leaf = nodes.get(id).callFrame;
        if (['(idle)', '(program)', '(root)'].includes(leaf.functionName)) return;
        self[where(leaf)] = (self[where(leaf)] || 0) + ms;
        const seen = new Set();
        for (let node = id; node; node = parents.get(node)) {
          const key = where(nodes.get(node).callFrame);
          if (nodes.get(node).callFrame.functionName == '(root)' || seen.has(key)) continue;
          seen.add(key);
          total[key] = (total[key] || 0) + ms;
        }
      });
    }
    const show = (title, table) => {
      console.log(`\n${title} (ms per page view, mean of ${RUNS}; sampling inflates it, compare rows only)`);
      for (const [key, ms] of Object.entries(table)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 25))
        console.log(`${ms.toFixed(3).padStart(8)}  ${key}`);
    };
    show(`biscuit-consent, ${scenario} visitor: self time`, self);
    show(`biscuit-consent, ${scenario} visitor: total time`, total);
  });
}

async function accept() {
  const steps = {};
  await withBrowser(async (browser, origin) => {
    for (let run = 0; run < RUNS; run++) {
      for (const lib of LIBRARIES) {
        const context = await browser.newContext(CONTEXT_OPTIONS);
        await context.addInitScript(instrument, { banner: lib.banner, poll: true });
        await context.addInitScript(() => {
          const observer = new MutationObserver((mutations) => {
            for (const mutation of mutations) {
              for (const node of mutation.addedNodes) {
                if (node.tagName == 'SCRIPT' && /analytics\.js/.test(node.src) && node.type != 'text/plain') window.__inserted ??= performance.now();
              }
            }
          });
          observer.observe(document, { childList: true, subtree: true });
        });
        const page = await context.newPage();
        await page.goto(origin + pageUrl(lib, SIZE));
        await page.evaluate(() => window.__bench.banner);
        await page.waitForTimeout(700);
        await page.locator(lib.accept).first().click();
        await page.evaluate(() => window.__bench.ran);
        const times = await page.evaluate(() => {
          const fetch = performance.getEntriesByType('resource').find((entry) => /analytics\.js/.test(entry.name));
          const click = window.__bench.clickAt;
          return { inserted: window.__inserted - click, fetched: fetch.responseEnd - click, ran: window.__analyticsRan - click };
        });
        await context.close();
        for (const [step, ms] of Object.entries(times)) ((steps[lib.name] ||= {})[step] ||= []).push(ms);
      }
    }
  });
  console.log(`accept click → (median of ${RUNS}, ms)`);
  for (const [name, table] of Object.entries(steps)) {
    console.log(
      `${name.padEnd(24)} ${Object.entries(table)
        .map(([step, values]) => `${step} ${median(values).toFixed(1)}`)
        .join('   ')}`,
    );
  }
}

const [command, argument] = process.argv.slice(2);
const commands = { bytes, profile, accept };
if (!commands[command]) {
  console.error('usage: node bench/explain.mjs bytes | profile [returning|first] | accept');
  process.exit(1);
}
await commands[command](argument);
