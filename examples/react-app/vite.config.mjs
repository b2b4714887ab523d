// Builds the React example from the library's sources, so it needs no
// `npm run build` first: `npx vite build examples/react-app` (or `--config
// examples/react-app/vite.config.mjs`) writes examples/react-app/dist/.
// JSX: the repo's tsconfig makes Preact the default (the consent UI is
// Preact); each React file here says `@jsxImportSource react` instead, which
// Vite's esbuild step honours per file, so both compile in one build.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // `npm start` serves examples/ at the site root.
  base: '/react-app/dist/',
  logLevel: 'warn',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2020' },
});
