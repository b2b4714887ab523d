// Builds the example against the package as npm users get it: the built
// dist/ files (run `npm run build` first), resolved through package names.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const dist = (file) => fileURLToPath(new URL(`../../dist/${file}`, import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/npm-app/dist/',
  logLevel: 'warn',
  resolve: {
    alias: [
      { find: /^biscuit-consent\/style\.css$/, replacement: dist('style.css') },
      { find: /^biscuit-consent$/, replacement: dist('index.js') },
    ],
  },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2020' },
});
