// Size checks (min + brotli, 1 KB = 1000 bytes), run by `npm test`. Each
// figure is what a browser downloads, the script-tag files exactly as
// shipped; which lazy chunk counts where comes from src/lazy-chunks.json, the
// list the build and the script-tag loader read too.
//
// The limits are the project's budgets. Where a budget is not met yet, the
// limit is the size today, so any growth still fails the build, and the check
// says so in its name (the README's "Size and speed" table gives both).
import { readFileSync } from 'node:fs';

/** The byte budgets the project set; bench/report.mjs and bench/readme.mjs read them too. */
export const BUDGETS = { returning: 3500, first: 6500, accept: 7500, core: 4000 };

/**
 * Today's sizes where a budget is not met (lower them whenever a change saves bytes).
 * `accept` rose 119 B when the encoding of a choice and its read-back check
 * moved from biscuit.global.js to the writer chunk: 70 B less for every
 * returning visitor, paid once by a first visit that chooses. `returning`
 * rose 31 B so that a dialog whose code arrives after the visitor chose in
 * the banner, or after hide(), no longer opens over the page; `first` 31 B
 * more so that focus returns to the link inside a `data-consent-open`
 * element, and to the next opener when the first is gone. The script
 * tag's three rose 50 B, and `core` 35 B, when a tab the visitor is looking
 * at stopped opening its tab-sync channel at load (0.4–0.6 ms less script
 * time for a returning visitor, in an interleaved A/B on the small and CMS
 * pages). `first` and `accept` rose 181 B, and `core` 30 B, so that the UI
 * survives a page that swaps its <body> (Turbo, htmx): the root comes back,
 * a copy of it in a page kept for going back is taken out, a dialog open on
 * the old page closes and the inert it gave a copy of the page is undone,
 * a confirmation stays with its page, and the root has an id Turbo's
 * morphing will not match; through the DOM watcher, which now skips the
 * queries of pieces that do not ask. The script tag's three rose 20 B, and
 * `core` 32 B, when pieces looking for the same selector started sharing
 * the watcher's search (the time it spends on content added after load fell
 * by about 40 %, bench/README.md).
 */
const NOT_MET = { returning: 7520, first: 11_600, accept: 13_045, core: 7320 };

const LAZY_CHUNKS = JSON.parse(readFileSync(new URL('./src/lazy-chunks.json', import.meta.url), 'utf8'));
const inBrowser = (file) => `dist/browser/${file}`;
/** The lazy chunks counted in `budget` ("first visit" or "accept"). */
const chunksIn = (budget) =>
  Object.keys(LAZY_CHUNKS)
    .filter((name) => LAZY_CHUNKS[name].budget == budget)
    .map((name) => inBrowser(`biscuit-${name}.js`));
/** The files exactly as shipped: re-bundling would minify them again with esbuild. */
const shipped = { disablePlugins: ['@size-limit/esbuild'] };
const limited = (budget, name) => {
  const met = !NOT_MET[budget];
  return { name: `${name} (budget ${BUDGETS[budget] / 1000} KB${met ? '' : ', not met yet'})`, limit: `${met ? BUDGETS[budget] : NOT_MET[budget]} B` };
};

const RETURNING = [inBrowser('biscuit.global.js')];
const FIRST_VISIT = [...RETURNING, inBrowser('biscuit.css'), ...chunksIn('first visit')];
const ACCEPT = [...FIRST_VISIT, ...chunksIn('accept')];

/** Each check with the budget it stands for (bench/readme.mjs reads them in this order). */
const CHECKS = [
  {
    budget: 'returning',
    ...limited('returning', 'script tag: a returning visitor, everything fetched'),
    path: RETURNING,
    ...shipped,
  },
  {
    budget: 'first',
    ...limited('first', 'script tag: a first visit, everything fetched until the banner shows and no interaction'),
    path: FIRST_VISIT,
    ...shipped,
  },
  {
    budget: 'accept',
    ...limited('accept', 'script tag: a first visit and what a click on Accept fetches'),
    path: ACCEPT,
    ...shipped,
  },
  {
    budget: 'dialog',
    name: 'script tag: the "Customise cookies" dialog and cookies-page form (biscuit-dialog.js and .css, fetched when the visitor heads for it)',
    path: [inBrowser('biscuit-dialog.js'), inBrowser('biscuit-dialog.css')],
    ...shipped,
    // +63 B for opening it sooner: the dialog rendered ahead is laid out before
    // the click and shown without a second render (customise at 4x CPU, small
    // page, same run: 170 -> 72 ms click to dialog visible). +20 B for a
    // popover instead of showModal(), the page made inert after the dialog
    // shows (customise at 4x CPU, CMS page, full run: 80 -> 48 ms). +38 B for
    // a CloseWatcher: the popover gets no close request (Android's back gesture).
    // +14 B for asking for the cookie writer after the frame that shows the
    // dialog, a call moved here from biscuit.global.js (bench/README.md). +26 B
    // for pages that break it: a showPopover() that throws, a broken CloseWatcher,
    // the UI's root moved or removed by the page, a save that lands after closing.
    // +46 B to open usable from inside the page's own modal dialog (a menu).
    // +14 B to mark what it makes inert, so a copy of the page made while it
    // was open (Turbo's cache) is given back when the page returns to it.
    limit: '8.01 KB',
  },
  {
    budget: 'placeholders',
    name: 'script tag: the embed placeholders (biscuit-placeholders.js and .css, fetched on a page with a blocked embed that is not allowed)',
    path: [inBrowser('biscuit-placeholders.js'), inBrowser('biscuit-placeholders.css')],
    ...shipped,
    limit: '4.4 KB',
  },
  {
    budget: 'core',
    ...limited('core', 'npm: biscuit-consent/core, createConsent as an app bundles it up front'),
    path: 'dist/core.js',
    import: '{ createConsent }',
    // The cookie writer (with js-cookie) and the consent log client are lazy
    // chunks, downloaded when a choice is made (the log only when configured);
    // so is the blocked embeds' part, on a page with an embed that is not allowed.
    modifyEsbuildConfig: (config) => ({ ...config, external: [...(config.external || []), './writer-*', './consent-log-*', './embeds-*'] }),
  },
  {
    budget: 'react',
    name: 'npm: biscuit-consent/react',
    path: 'dist/react.js',
    import: '{ ConsentProvider, useConsent, useConsentInstance, ConsentGate }',
    ignore: ['react'],
    limit: '0.63 KB',
  },
  {
    budget: 'preact',
    name: 'npm: biscuit-consent/preact',
    path: 'dist/preact.js',
    import: '{ ConsentProvider, useConsent, useConsentInstance, ConsentGate }',
    ignore: ['preact', 'preact/hooks'],
    limit: '0.73 KB',
  },
];

/** What each check measures, in the order size-limit reports them: a key of BUDGETS, or what else it is. */
export const CHECKED = CHECKS.map((check) => check.budget);

export default CHECKS.map(({ budget: _, ...check }) => check);
