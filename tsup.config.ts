import { resolve } from 'node:path';
import type { Plugin } from 'esbuild';
import { defineConfig, type Options } from 'tsup';
import LAZY_CHUNKS from './src/lazy-chunks.json';

/** Source file → the chunk built from it, as a path from another chunk. */
const CHUNK_FILES = new Map(Object.entries(LAZY_CHUNKS).map(([name, { source }]) => [resolve(source), `./biscuit-${name}.js`]));

/**
 * In the script-tag build, code that imports another chunk's source imports
 * that chunk's file instead (the dialog takes the shared markup from the
 * banner chunk, the banner loads the Welsh chunk), so the browser shares one
 * copy and no extra chunk comes out of the split.
 */
const importOtherChunks: Plugin = {
  name: 'import-other-chunks',
  setup(build) {
    build.onResolve({ filter: /^\./ }, ({ path, resolveDir, kind }) => {
      if (kind == 'entry-point') return;
      for (const extension of ['', '.ts', '.tsx']) {
        const file = CHUNK_FILES.get(resolve(resolveDir, path + extension));
        if (file) return { path: file, external: true };
      }
      return undefined;
    });
  },
};

const shared: Options = { target: 'es2020', minify: true, sourcemap: true, treeshake: true };

// The script-tag files reach browsers exactly as built, so they get esbuild's
// minifier and then terser's, which inlines and joins more: about 6% fewer
// bytes after brotli. (npm builds stay with esbuild: the app's bundler
// minifies them again, and does better starting from esbuild's output.)
//
// Each starts with V8's compile hint `//# allFunctionsCalledOnLoad`: almost
// every function in these files runs as soon as the file does, and V8 then
// compiles them all while it streams the file on a background thread, instead
// of one by one on the main thread as each is first called. Measured in
// bench/ (Chromium, small page): a returning visitor's main-thread script time
// 7.05 → 4.90 ms, a first visit's 9.65 → 7.12 ms. Browsers without the hint
// read a comment.
const COMPILE_HINT = '//# allFunctionsCalledOnLoad';
const shipped: Options = {
  ...shared,
  minify: 'terser',
  // sourceMap: terser's own map, which tsup composes with esbuild's (without it the maps point at esbuild's output).
  terserOptions: { ecma: 2020, compress: { passes: 2 }, sourceMap: true, format: { preamble: COMPILE_HINT } },
  esbuildOptions(options) {
    // tsup switches esbuild's minifier off when terser is chosen.
    options.minify = true;
  },
};

export default defineConfig([
  {
    // The npm entries: ESM + CJS with types. js-cookie stays an import; Preact
    // is bundled into the lazily loaded UI chunk, so the banner never depends
    // on (or clashes with) a Preact the site may have.
    ...shared,
    entry: { index: 'src/entries/index.ts', core: 'src/entries/headless.ts', server: 'src/server/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    splitting: true,
    noExternal: [/^preact(\/|$)/],
  },
  {
    // The framework bindings use the site's own React or Preact (peer dependencies).
    ...shared,
    entry: { react: 'src/react/index.ts', preact: 'src/preact/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    external: ['react', /^preact(\/|$)/],
  },
  {
    // The stylesheet npm users import as `biscuit-consent/style.css`: every piece's.
    entry: { style: 'src/ui/styles.css' },
    minify: true,
  },
  {
    // The script tag's stylesheets: biscuit.css (what every piece uses, and the
    // banner's), and biscuit-<name>.css for a chunk of the list with a `style`
    // of its own, loaded with it.
    entry: {
      biscuit: 'src/ui/banner.css',
      ...Object.fromEntries(Object.entries(LAZY_CHUNKS).flatMap(([name, chunk]) => ('style' in chunk ? [[`biscuit-${name}`, chunk.style]] : []))),
    },
    outDir: 'dist/browser',
    minify: true,
  },
  {
    // The script-tag build: one classic script every visitor downloads…
    ...shipped,
    entry: { 'biscuit.global': 'src/entries/script-tag.ts' },
    outDir: 'dist/browser',
    format: 'iife',
    noExternal: [/.*/],
    outExtension: () => ({ js: '.js' }),
  },
  {
    // …and the modules it imports from its own folder only when needed: every
    // chunk of src/lazy-chunks.json as biscuit-<name>.js (the script-tag
    // loader and the size checks read the same list). Each is one file: what
    // a chunk takes from another it imports from that chunk's file (the dialog
    // takes the markup it shares with the banner from the banner's chunk, see
    // importOtherChunks), and a small module two chunks both use (core/report)
    // is in each rather than in a chunk of its own, one request later.
    // test/lazy-chunks.test.ts checks that nothing else comes out.
    ...shipped,
    entry: Object.fromEntries(Object.entries(LAZY_CHUNKS).map(([name, { source }]) => [`biscuit-${name}`, source])),
    outDir: 'dist/browser',
    format: 'esm',
    splitting: false,
    esbuildPlugins: [importOtherChunks],
    noExternal: [/.*/],
    outExtension: () => ({ js: '.js' }),
  },
  {
    // The `biscuit-consent` command: Node, not the browser, so none of the
    // above (nor their size checks) change. One readable ES module with a
    // shebang; playwright-core stays an import, loaded only when a scan starts.
    entry: { cli: 'src/cli/index.ts' },
    format: 'esm',
    platform: 'node',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    external: ['playwright-core'],
  },
]);
