#!/usr/bin/env node
// The byte account of the size budgets (issue 10): for each budgeted set of
// files, every source module in it, its raw bytes and its marginal brotli
// cost, and why a visitor needs it when the page loads; then the smallest
// each set could be if everything no requirement forces were moved out.
// Run from the repository root after `npm run build` (`npm run bench:bytes`);
// writes bench/bytes.md.
//
// The files and sets are size-limit's (.size-limit.js, which reads
// src/lazy-chunks.json), and every total is checked against what size-limit
// reports. NEEDED below says, by source file, why each module is there; a
// module the build puts in a measured file without an entry there (or an
// entry nothing uses) stops the script, so the reasons cannot go stale.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import CHECKS, { BUDGETS, CHECKED } from '../.size-limit.js';
import { ROOT } from './paths.mjs';
import { measureSizes } from './readme.mjs';
import { markdownTable } from './stats.mjs';
import { attribute, attributeFile, BUILD, brotliSize, byteLength, without } from './source-bytes.mjs';

const LAZY_CHUNKS = JSON.parse(readFileSync(join(ROOT, 'src/lazy-chunks.json'), 'utf8'));

/**
 * What size-limit takes off an esbuild bundle made from an `import`, its
 * empty project (@size-limit/esbuild: `ESBUILD_EMPTY_PROJECT_IMPORT_BROTLI`,
 * or `…_IMPORT_IGNORE_BROTLI` when the check ignores packages and the bundle
 * has esbuild's require shim).
 */
const emptyProject = (code, ignore) => (ignore.length && code.includes('Dynamic require of ') ? 182 : 30);

/** The stylesheets' sources (they have no source maps): the chunk list's `style`, and biscuit.css's entry in tsup.config.ts. */
const STYLESHEETS = {
  'biscuit.css': 'src/ui/banner.css',
  ...Object.fromEntries(Object.entries(LAZY_CHUNKS).flatMap(([name, chunk]) => ('style' in chunk ? [[`biscuit-${name}.css`, chunk.style]] : []))),
};

/** A module no requirement needs in this file: how it could leave it, and where to (a chunk of src/lazy-chunks.json, or `null`: nowhere). */
const move = (why, to) => ({ move: why, to });

/**
 * Why a visitor needs each source module in the file it is in, by source
 * file: a string (needed there), `move(…)` (could leave that file without
 * dropping a feature), or, where a module is in several files for different
 * reasons, either of those by file (`biscuit.global.js`, `biscuit-banner.js`,
 * …, or `core` for the npm bundle).
 */
export const NEEDED = {
  // The script tag and the composition.
  'src/entries/script-tag.ts':
    'the script tag itself: finds the config (the JSON block, else `window.BiscuitConfig`), makes `window.Biscuit` and runs the command queue that scripts before it filled, and knows where its lazy chunks and stylesheets are',
  'src/create-consent.ts':
    'puts the instance together: the cookie, Consent Mode first (its `default` precedes any later tag), the blocker, the clean-up, tab sync, the UI loader; dispatches `biscuit:change` and `biscuit:error` on `document`',
  'src/entries/headless.ts': '`createConsent` itself, the import an app makes',
  'src/npm-chunks.ts': 'where the npm build fetches the writer and the consent log from (dynamic imports, so they stay out of this bundle)',

  // The consent model.
  'src/core/store.ts':
    'the consent model: reads the cookie into the record that `allowed()`, `decided` and `get()` answer from the start, and the whole API scripts may call at once (`acceptAll`/`rejectAll`/`save` apply synchronously, `whenAllowed`, `on`, `reset`, the re-read tab sync asks for); `sendLog` is counted apart below',
  'src/core/record.ts':
    'turns the stored choice into the record as the config reads it (expiry, revision, Global Privacy Control, exemptions); a choice made through the API is built here synchronously, since it applies at once',
  'src/core/codec.ts': {
    'biscuit.global.js': 'reads the consent cookie: a value without our version marker (another library’s, a truncated one) counts as no decision',
    core: 'reads the consent cookie: a value without our version marker (another library’s, a truncated one) counts as no decision',
    'biscuit-writer.js':
      '`encodeConsent`, the value a choice is written as; `grantsSome`: the cookie’s lifetime depends on whether the choice grants anything (`expiresDays: { granted, refused }`)',
  },
  'src/core/cookie-header.ts': {
    'biscuit.global.js':
      'reads the consent cookie from `document.cookie` (copies that disagree, planted by a sibling subdomain, count as none: the visitor’s own choice wins); the clean-up lists cookie names with it',
    core: 'reads the consent cookie from `document.cookie` (copies that disagree, planted by a sibling subdomain, count as none: the visitor’s own choice wins); the clean-up lists cookie names with it',
    'biscuit-writer.js': 'counts the copies of the consent cookie after a write, so a planted copy is deleted',
  },
  'src/storage/cookie-storage.ts': 'the cookie as the record’s store: reading it here, writing through the writer chunk',
  'src/storage/memory.ts': '`createConsent` runs under server rendering (no `document`), the choice kept in memory (README)',
  'src/core/emitter.ts': 'the `change`, `error`, `show` and `hide` events, and the signal that applies a choice to the blocker and the integrations at once',
  'src/core/errors.ts':
    '`ConfigError` tells a field at fault from a bug (the salvage drops the one, reports the other); `StorageError` and `ConsentLogError` are what a failed save reports (the `error` event, “Sorry, there was a technical problem”)',
  'src/core/report.ts': {
    'biscuit.global.js':
      'every error and warning goes to the console or `reportError` (a bad config, a missing file, a blocked element that stays blocked), and one broken listener never stops the rest',
    core: 'every error and warning goes to the console or `reportError` (a bad config, a blocked element that stays blocked), and one broken listener never stops the rest',
    'biscuit-banner.js': 'the banner warns when `style.css` is missing',
  },
  'src/core/own.ts': 'own-key reads of the config and the Consent Mode mapping, so a polluted `Object.prototype` never answers for a missing field',

  // The config.
  'src/core/config/schema.ts':
    'a bad config is reported and a typo never leaves visitors without a way to refuse (issue 10), so every field is checked as the script starts: the categories, cookie, revision and exemptions are what reading the cookie means, and the rest is checked with them, so a bad config is caught at once (README, Config)',
  'src/core/config/rules.ts': 'the building blocks of the schema (a field, a whole number, an object checked against its rules) and its defaults',
  'src/core/config/index.ts':
    'the checks no single field can make (SameSite=None needs Secure; `__Host-` names; the Consent Mode mapping names a category; advertising cannot be exempt), and `exemptions: false`',
  'src/core/config/types.ts':
    'Consent Mode’s signals and default mapping: the config check (advertising cannot be exempt) and the Consent Mode `default` read them',
  'src/core/config/expected.ts':
    '`createConsent` throws a `ConfigError` that names the field and says what is expected (README, Errors); the script tag has these words in its `report` chunk instead',
  'src/config-salvage.ts':
    'a field at fault is left out on its own and the rest of the config applies at once, so a typo never leaves visitors without a banner (README, Config); it runs before the instance exists, so it cannot wait for a chunk',
  'src/core/drop-field.ts': 'leaves out exactly the field at fault (one cookie entry, one category too many) for the salvage above',

  // What the page loads with.
  'src/blocker/index.ts': 'blocked scripts and embeds run for a returning visitor as the page loads, in document order, late-added ones too',
  'src/blocker/url-check.ts':
    'a blocked element never loads a `javascript:`, `vbscript:` or (in a frame) `data:` URL, checked before each activation (README, Security)',
  'src/dom/watcher.ts':
    'the one DOM watcher that finds blocked elements, cookies-page forms and embeds needing a placeholder, at a cost that does not grow with the page (issue 10, point 1)',
  'src/placeholders/finder.ts':
    'a blocked embed that is not allowed shows a placeholder, also to a returning visitor who refused its category, so embeds are looked for as the page loads (the placeholders chunk is fetched only when one is found)',
  'src/ui/loader.ts':
    'any `data-consent-open` element opens the preferences and a `data-consent-preferences` form is rendered, for every visitor; the banner is asked for again after a revision change or `reset()`; it fetches the UI chunks, and the dialog’s when the visitor heads for it',
  'src/integrations/cookie-cleanup.ts':
    'the cookies of a refused category are deleted when it is refused or withdrawn, and a withdrawal can happen while this page was closed (in another tab, by a revision change), so each load reads what is there (the deleting is in the writer chunk)',
  'src/core/name-pattern.ts': 'the clean-up’s `"_ga_*"` patterns and RegExps, matched against the names found on load',
  'src/integrations/tab-sync.ts':
    'choices reach other open tabs within a second, without a reload, so every tab listens once the visitor leaves it (or from the start, when loaded out of sight) and re-reads the cookie when they come back',
  'src/integrations/google-consent-mode.ts':
    'with `googleConsentMode`, the `default` is pushed synchronously when the script runs, before any later tag: it cannot wait for a chunk, so it is in the one script every site loads (it runs only when configured)',

  // The banner (first visit).
  'src/ui/view.ts':
    'a first-time visitor sees the banner: the UI’s root first in `<body>` (put back when the page swaps its `<body>`, as Turbo does), the texts, focus return, and how the banner’s buttons record a choice',
  'src/ui/banner.ts': 'the banner, plain DOM: the question with three equal buttons, the confirmations and the error message (the default wording)',
  'src/ui/markup.ts': 'the paragraph with a link in braces, the notices and the buttons the banner is made of (shared with the dialog)',
  'src/ui/create-element.ts': 'plain-DOM elements for the banner; text is never parsed as HTML',
  'src/ui/banner-height.ts': 'the fixed banner never hides a focused element (WCAG 2.2, 2.4.11) and the end of the page scrolls above it',
  'src/ui/texts/resolve-texts.ts':
    'the banner’s words in the visitor’s language (the config’s texts, Welsh, English for any key missing), right-to-left pages, and the warning about unknown text keys',
  'src/ui/texts/en-banner.ts': 'the banner’s default English wording',
  'src/ui/texts/dialog-keys.ts': move(
    'only the warning about unknown text keys needs these names: that check could be in the `report` chunk, fetched only for a config with `texts` (one request more for those sites)',
    'report',
  ),
  'src/ui/texts/exempt-keys.ts': move('as `dialog-keys.ts`: names for the unknown-text-keys warning only', 'report'),
  'src/ui/texts/placeholder-keys.ts': move('as `dialog-keys.ts`: names for the unknown-text-keys warning only', 'report'),
  'src/ui/banner.css': 'the banner’s styles and what every piece of the UI shares; the banner waits for them, so it never shows unstyled',

  // The writer (Accept).
  'node_modules/js-cookie/dist/js.cookie.mjs': 'writes the consent cookie once the visitor chooses (issue 10: js-cookie stays, in the writer chunk)',
  'src/storage/cookie.ts':
    'writes the consent cookie with its attributes and lifetime, and deletes copies set for another domain or path, so the visitor’s own choice wins',
  'src/storage/write-choice.ts':
    'writes a choice and reads it back: a cookie the browser did not keep is a failed save (`StorageError`, “Sorry, there was a technical problem”), and the choice applies to this page only',
  'src/storage/leftovers.ts': move(
    'deletes what refused categories left behind; Accept refuses nothing (but a category Global Privacy Control keeps off), so it could be a chunk of its own, fetched by a refusal or by the clean-up when there is something to delete',
    null,
  ),

  // Bytes of the build itself.
  [BUILD.hint]:
    'V8 compiles every function while the file streams in rather than on the main thread as each first runs (bench/README.md: 2 ms less script time for a returning visitor)',
  [BUILD.wrapper]: {
    core: 'not ours: the bundle size-limit makes, its `console.log(createConsent)` and esbuild’s require shim for the lazy chunks left out (size-limit takes 182 bytes off for these)',
    default: 'the file’s own syntax: the script’s function wrapper, a chunk’s imports and exports',
  },
  // (size-limit's bundle of the npm core has none.)
  [BUILD.comment]: move('lets developer tools find the source map; a `SourceMap` HTTP header would do the same, and no requirement needs it in the file', null),
};

/**
 * Parts of a module that could leave the always-loaded code: the declaration
 * called `name` in `source` (found with the TypeScript parser, so a rename
 * stops the script), counted by the source map's original lines.
 */
export const PARTS = [
  {
    source: 'src/core/store.ts',
    name: 'sendLog',
    ...move('runs only for a site with `consentLog`, whose client is the `log` chunk: the retry and error handling could be there', 'log'),
  },
];

/** The reason for `source` in `file` (a shipped file's name, or `core`); throws when NEEDED has none. */
export function reasonFor(source, file, needed = NEEDED) {
  const entry = needed[source];
  const reason = entry && (typeof entry == 'string' || 'move' in entry ? entry : (entry[file] ?? entry.default));
  if (!reason) throw new Error(`bench/bytes.mjs: NEEDED says nothing of ${source} in ${file}`);
  return typeof reason == 'string' ? { why: reason } : { why: reason.move, to: reason.to };
}

/**
 * The stale-map check: every module found (`found`: file → its sources) has a
 * reason, and every entry of `needed` is used. Throws one error listing both.
 */
export function checkNeeded(found, needed = NEEDED) {
  const missing = [];
  const used = new Set();
  for (const [file, sources] of Object.entries(found)) {
    for (const source of sources) {
      used.add(source);
      used.add(`${source} in ${file}`);
      try {
        reasonFor(source, file, needed);
      } catch {
        missing.push(`${source} (in ${file})`);
      }
    }
  }
  // A reason given file by file goes stale too when the module leaves one of those files.
  const unused = Object.entries(needed).flatMap(([source, entry]) =>
    !used.has(source)
      ? [source]
      : typeof entry == 'string' || 'move' in entry
        ? []
        : Object.keys(entry)
            .filter((file) => file != 'default' && !used.has(`${source} in ${file}`))
            .map((file) => `${source} (in ${file})`),
  );
  if (missing.length || unused.length) {
    throw new Error(
      [
        'bench/bytes.mjs: the NEEDED map is stale.',
        ...(missing.length ? [`No reason for: ${missing.join(', ')}. Read the module and say which requirement needs it at load (or move() it).`] : []),
        ...(unused.length ? [`In no measured file any more: ${unused.join(', ')}. Remove them.`] : []),
      ].join('\n'),
    );
  }
}

/** The 0-based first and last line of the declaration `name` in `source`. */
function declarationLines(source, name) {
  const text = readFileSync(join(ROOT, source), 'utf8');
  const file = ts.createSourceFile(source, text, ts.ScriptTarget.Latest, true);
  const found = [];
  const visit = (node) => {
    if (
      (ts.isFunctionDeclaration(node) || ts.isVariableDeclaration(node) || ts.isClassDeclaration(node) || ts.isMethodDeclaration(node)) &&
      node.name?.getText(file) == name
    )
      found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(file);
  if (found.length != 1) throw new Error(`bench/bytes.mjs: PARTS names ${name} in ${source}, which declares it ${found.length} times`);
  const line = (at) => file.getLineAndCharacterOfPosition(at).line;
  return [line(found[0].getStart(file)), line(found[0].getEnd())];
}

/** The npm core as size-limit bundles it (its esbuild, its config, the check's own changes), with a source map. */
async function bundleCore() {
  const check = CHECKS[CHECKED.indexOf('core')];
  const require = createRequire(import.meta.url);
  const esbuild = createRequire(require.resolve('@size-limit/esbuild'))('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'biscuit-bytes-'));
  try {
    // What size-limit's processImport writes, and getConfig's options (@size-limit/esbuild/get-config.js).
    // size-limit ignores the package's peer dependencies in every check (size-limit/get-config.js).
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const ignore = [...Object.keys(pkg.peerDependencies || {}), ...(check.ignore || [])];
    writeFileSync(
      join(dir, 'index.js'),
      `import ${check.import} from ${JSON.stringify(join(ROOT, check.path))}\nconsole.log(${check.import.replace(/[{}]/g, '').trim()})\n`,
    );
    const config = check.modifyEsbuildConfig({
      allowOverwrite: true,
      bundle: true,
      entryPoints: [join(dir, 'index.js')],
      external: ignore,
      metafile: true,
      minifyIdentifiers: true,
      minifySyntax: true,
      minifyWhitespace: true,
      outdir: dir,
      treeShaking: true,
      write: false,
    });
    // External: no comment in the code, which stays as size-limit measures it.
    const result = await esbuild.build({ ...config, sourcemap: 'external', logLevel: 'error' });
    const output = (suffix) => result.outputFiles.find((file) => file.path.endsWith(suffix)).text;
    const code = output('index.js');
    return { ...attribute(code, new SourceMap(JSON.parse(output('index.js.map')))), subtract: emptyProject(code, ignore) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One measured file: its attribution, its modules with raw and marginal bytes, its parts, its totals. */
function account(name, attributed, partsIn) {
  const { code, owners, lines } = attributed;
  const brotli = brotliSize(code);
  const sources = [...new Set(owners)];
  const modules = sources.map((source) => {
    const drop = (i) => owners[i] == source;
    return {
      source,
      raw: byteLength(without(attributed, (i) => !drop(i))),
      marginal: brotli - brotliSize(without(attributed, drop)),
      ...reasonFor(source, name),
    };
  });
  const parts = partsIn
    .filter((part) => sources.includes(part.source))
    .map((part) => {
      const [first, last] = part.lines;
      const inPart = (i) => owners[i] == part.source && lines[i] >= first && lines[i] <= last;
      return { ...part, raw: byteLength(without(attributed, (i) => !inPart(i))), marginal: brotli - brotliSize(without(attributed, inPart)), inPart };
    })
    .filter((part) => part.raw);
  return { name, attributed, brotli, raw: byteLength(code), modules: modules.sort((a, b) => b.marginal - a.marginal || b.raw - a.raw), parts };
}

/** A stylesheet: one source, no map. */
function stylesheet(file) {
  const code = readFileSync(file, 'utf8');
  const source = STYLESHEETS[basename(file)];
  if (!source) throw new Error(`bench/bytes.mjs: which source is ${file}? (STYLESHEETS)`);
  return { code, owners: new Array(code.length).fill(source), lines: new Int32Array(code.length).fill(-1) };
}

/** The brotli size of `file` without whatever could move to a file outside `set` (chunk names). */
function forcedSize(file, set) {
  const leaves = (to) => !to || !set.includes(to);
  const { owners } = file.attributed;
  const moving = new Set(file.modules.filter((module) => 'to' in module && leaves(module.to)).map((module) => module.source));
  const parts = file.parts.filter((part) => leaves(part.to));
  return brotliSize(without(file.attributed, (i) => moving.has(owners[i]) || parts.some((part) => part.inPart(i))));
}

/** A module's name in the tables: a source file in code style, a `(build)` row as it is. */
const label = (source) => (source.startsWith('(') ? source : `\`${source}\``);
const kb = (bytes) => `${(bytes / 1000).toFixed(2)} KB`;
const cell = (text) => text.replace(/\|/g, '\\|');

/** The Markdown table of one file. */
function fileTable(file) {
  const rows = [];
  for (const module of file.modules) {
    const verdict = 'to' in module ? `**could move**: ${module.why}` : module.why;
    rows.push([label(module.source), module.raw, module.marginal, cell(verdict)]);
    for (const part of file.parts.filter((each) => each.source == module.source)) {
      rows.push([`↳ \`${part.name}\` (lines ${part.lines[0] + 1}–${part.lines[1] + 1})`, part.raw, part.marginal, cell(`**could move**: ${part.move}`)]);
    }
  }
  const sum = file.modules.reduce((total, module) => total + module.marginal, 0);
  return [
    markdownTable(['source module', 'raw bytes', 'marginal brotli', 'needed at load because'], rows),
    '',
    `\`${file.name}\`: ${file.raw} bytes raw, **${file.brotli} bytes brotli**${file.subtract ? ` (size-limit counts ${file.brotli - file.subtract}: it takes off ${file.subtract} bytes, what it reckons an empty project with an import weighs${file.subtract > 30 ? ' when the bundle has esbuild’s require shim, as this one does' : ''})` : ''}; the marginals of its modules add up to ${sum} (${sum > file.brotli ? 'more' : 'less'} than the whole file).`,
  ].join('\n');
}

async function main() {
  const sizes = measureSizes();
  const check = (budget) => CHECKS[CHECKED.indexOf(budget)];
  const partsIn = PARTS.map((part) => ({ ...part, lines: declarationLines(part.source, part.name) }));

  // Every file of the three script-tag sets, as size-limit lists them.
  const sets = ['returning', 'first', 'accept'].map((budget) => ({ budget, files: check(budget).path }));
  const files = {};
  for (const path of sets.at(-1).files) {
    const name = basename(path);
    files[name] = account(name, name.endsWith('.css') ? stylesheet(join(ROOT, path)) : attributeFile(join(ROOT, path)), partsIn);
  }
  const core = account('core', await bundleCore(), partsIn);
  core.subtract = core.attributed.subtract;
  checkNeeded(Object.fromEntries([...Object.values(files), core].map((file) => [file.name, file.modules.map((module) => module.source)])));
  for (const part of partsIn) {
    if (![...Object.values(files), core].some((file) => file.parts.some((each) => each.source == part.source && each.name == part.name && each.raw))) {
      throw new Error(`bench/bytes.mjs: PARTS names ${part.name} in ${part.source}, but no measured file has a byte of it`);
    }
  }

  // The figures must be size-limit's: the same files, the same compression.
  const chunkOf = (path) => /biscuit-(\w+)\.js$/.exec(path)?.[1];
  const summary = sets.map(({ budget, files: paths }) => {
    const inSet = paths.map((path) => files[basename(path)]);
    const chunks = paths.map(chunkOf).filter(Boolean);
    return {
      budget,
      total: inSet.reduce((total, file) => total + file.brotli, 0),
      forced: inSet.reduce((total, file) => total + forcedSize(file, chunks), 0),
    };
  });
  summary.push({ budget: 'core', total: core.brotli - core.subtract, forced: forcedSize(core, []) - core.subtract });
  for (const { budget, total } of summary) {
    if (total != sizes[budget])
      throw new Error(`bench/bytes.mjs: ${budget} is ${total} bytes here but ${sizes[budget]} in size-limit; the two must measure alike`);
  }

  const global = files['biscuit.global.js'];
  const forcedModules = global.modules.filter((module) => !('to' in module));
  const movable = [
    ...global.modules.filter((module) => 'to' in module).map((module) => [label(module.source), module.raw, module.marginal]),
    ...global.parts.map((part) => [`\`${part.name}\` in \`${part.source}\``, part.raw, part.marginal]),
  ];
  const returning = summary[0];
  const hash = createHash('sha256').update(global.attributed.code).digest('hex').slice(0, 12);
  const names = (budget) => sets.find((each) => each.budget == budget).files.map((path) => basename(path));
  const set = (budget) => names(budget).map((name) => `\`${name}\``);
  const added = (budget, before) => names(budget).filter((name) => !names(before).includes(name));
  /** A file's section: what it is (from src/lazy-chunks.json) and its table. */
  const section = (name) => {
    const chunk = LAZY_CHUNKS[chunkOf(name)];
    return [`### \`${name}\`${chunk ? ` (${chunk.what}; fetched ${chunk.fetched})` : ''}`, '', fileTable(files[name]), ''];
  };
  const largest = forcedModules[0];
  const acceptChunks = names('accept').map(chunkOf).filter(Boolean);
  const staying = [
    ...new Set(
      [...PARTS, ...Object.values(files).flatMap((file) => file.modules)]
        .filter((item) => acceptChunks.includes(item.to))
        .map((item) => `\`${item.name || item.source}\``),
    ),
  ];
  const gap = returning.forced - BUDGETS.returning;

  const markdown = [
    '# Where the bytes go: the size budgets, module by module',
    '',
    '<!-- generated by `npm run bench:bytes` (bench/bytes.mjs) after `npm run build`; do not edit -->',
    '',
    `Issue 10 sets four byte budgets (brotli, 1 KB = 1000 bytes), none met yet. This is what each budgeted set of files is made of, byte by byte, and what a requirement forces into it. Build measured: \`biscuit.global.js\` sha256 \`${hash}…\`.`,
    '',
    '- **The files** are those size-limit checks (`.size-limit.js`, which takes the lazy chunks from `src/lazy-chunks.json`), exactly as shipped; the npm core is bundled as size-limit bundles it (its esbuild, minified, `createConsent` imported, the writer, log and embeds chunks left out). Every total below is checked against `size-limit --json`.',
    '- **Raw bytes**: the UTF-8 bytes of the minified file that its source map places in that module. Bytes no source file has are the build’s own, listed as `(build)` rows. A stylesheet has no source map and counts as one module.',
    '- **Marginal brotli**: brotli (quality 11) of the whole file minus brotli of the file with that module’s bytes removed: what the file would weigh less without it. Brotli finds repeats across modules, so a module that repeats another’s words costs less than it would alone, and **the marginals do not add up to the file’s total** (each table gives both). A negative figure means brotli happened to do slightly better with the bytes in.',
    '- **Needed at load because**: the requirement (the README’s documented behaviour, issue 10) that makes a visitor need the module when that file is fetched, read from the module’s code. **could move** marks what could leave the file without dropping a feature, and how; `↳` rows are parts of the module above (a declaration and the minified bytes its lines became), already inside that module’s figure.',
    '',
    `## A returning visitor: ${set('returning').join(', ')} (budget ${kb(BUDGETS.returning)}, today ${kb(returning.total)})`,
    '',
    fileTable(global),
    '',
    `## A first visit adds ${added('first', 'returning')
      .map((name) => `\`${name}\``)
      .join(', ')} (budget ${kb(BUDGETS.first)} for all of ${set('first').join(', ')}, today ${kb(summary[1].total)})`,
    '',
    ...added('first', 'returning').flatMap(section),
    `## A click on Accept adds ${added('accept', 'first')
      .map((name) => `\`${name}\``)
      .join(', ')} (budget ${kb(BUDGETS.accept)} for the first visit and this, today ${kb(summary[2].total)})`,
    '',
    ...added('accept', 'first').flatMap(section),
    `## npm: \`biscuit-consent/core\`, \`createConsent\` as an app bundles it (budget ${kb(BUDGETS.core)}, today ${kb(summary[3].total)})`,
    '',
    'The reasons are the script tag’s where the module is the same; this bundle has no UI loader, no salvage (a bad config throws), and the words of config errors.',
    '',
    fileTable(core),
    '',
    '## Summary: what stands in the way',
    '',
    `The **forced minimum** is each set with everything marked *could move* taken out (a whole module, or a \`↳\` part) and compressed again, as a file; what moves to a chunk that the same set fetches anyway stays counted (${staying.join(', ')}, for the Accept set, which fetches the writer). It is computed, not the sum of marginals.`,
    '',
    markdownTable(
      ['budget', 'today', 'could move out', 'forced minimum', 'budget', 'forced minimum over budget'],
      summary.map(({ budget, total, forced }) => [
        { returning: 'a returning visitor', first: 'a first visit', accept: 'a first visit and Accept', core: 'npm `biscuit-consent/core`' }[budget],
        `${total} B`,
        `${total - forced} B`,
        `**${forced} B**`,
        `${BUDGETS[budget]} B`,
        forced > BUDGETS[budget] ? `**${forced - BUDGETS[budget]} B**` : `met, ${BUDGETS[budget] - forced} B to spare`,
      ]),
    ),
    '',
    `**A returning visitor.** \`biscuit.global.js\` is ${returning.total} bytes. What could leave it without dropping a feature is ${returning.total - returning.forced} bytes (marginals: ${movable.map(([what, , marginal]) => `${what} ${marginal}`).join(', ')}), which leaves **${returning.forced} bytes**, ${returning.forced - BUDGETS.returning} over the ${BUDGETS.returning}-byte budget. Everything else was counted as forced, each for the requirement in its row above: reading the cookie and answering \`allowed()\` (store, record, codec, cookie reading), checking the whole config as the script starts and keeping the rest of a faulty one (schema, rules, cross-field checks, salvage), the script-tag contract (\`window.Biscuit\`, the command queue, config discovery, \`biscuit:\` events), blocked scripts running in order (blocker, URL check, the DOM watcher), \`data-consent-open\` and cookies-page forms (UI loader), placeholders for refused embeds (finder), deleting refused categories’ cookies (clean-up), other tabs within a second (tab sync), Consent Mode’s synchronous \`default\` (which must be in the one script, though only sites that configure it use it), and V8’s compile hint (a measured gain in script time). Code moved to a lazy chunk that every returning visitor fetches anyway saves nothing here, since the budget counts everything fetched.`,
    '',
    `The largest forced modules, by marginal brotli: ${forcedModules
      .slice(0, 8)
      .map((module) => `${label(module.source)} ${module.marginal}`)
      .join(', ')}. ${
      gap <= 0
        ? 'The budget is met without them.'
        : largest.marginal < gap
          ? `Even the largest, ${label(largest.source)} (${largest.marginal}), is smaller than the ${gap}-byte gap: meeting the budget would take dropping several of the requirements above, or meeting the same requirements in fewer bytes.`
          : `Only dropping a requirement as large as ${label(largest.source)}'s (${largest.marginal}) would close the ${gap}-byte gap.`
    }`,
    '',
    `**A first visit** fetches the returning visitor’s script too: its forced ${returning.forced} bytes ${
      returning.forced > BUDGETS.first
        ? `are already ${returning.forced - BUDGETS.first} over the ${BUDGETS.first}-byte budget`
        : `leave ${BUDGETS.first - returning.forced} of the ${BUDGETS.first}-byte budget`
    } before \`biscuit.css\` and \`biscuit-banner.js\`, whose forced part is ${summary[1].forced - returning.forced} bytes. **A click on Accept** adds \`biscuit-writer.js\`: ${summary[2].forced - summary[1].forced} bytes forced (js-cookie, which issue 10 keeps, is ${files['biscuit-writer.js'].modules.find((module) => module.source.includes('js-cookie'))?.marginal} of them; with what would move into it from the script), against the ${BUDGETS.accept - BUDGETS.first} bytes the budgets allow Accept beyond the first visit. **The npm core** has no UI loader, salvage or script-tag code, but carries the words of config errors (\`expected.ts\`, ${core.modules.find((module) => module.source == 'src/core/config/expected.ts')?.marginal}) and the bundle’s own ${core.modules.find((module) => module.source == BUILD.wrapper)?.marginal} (size-limit takes ${core.subtract} off): ${summary[3].forced} forced against ${BUDGETS.core}.`,
    '',
  ].join('\n');
  writeFileSync(join(ROOT, 'bench', 'bytes.md'), markdown);
  console.error(
    `[bench] bench/bytes.md written: ${summary.map(({ budget, total, forced }) => `${budget} ${total} B (forced ${forced}, budget ${BUDGETS[budget]})`).join('; ')}`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) == process.argv[1]) await main();
