import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The npm entries: ESM + CJS with types. Dependencies (js-cookie) stay imports.
    entry: { index: 'src/index.ts', core: 'src/core.ts', server: 'src/server/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    target: 'es2020',
    minify: true,
    sourcemap: true,
    splitting: true,
  },
]);
