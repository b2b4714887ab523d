// Size budgets (min + brotli), checked by `npm test`. Each figure is what a
// browser downloads, so the lazily loaded chunks are measured where they load.
export default [
  {
    name: 'npm: biscuit-consent/core, createConsent as an app bundles it up front',
    path: 'dist/core.js',
    import: '{ createConsent }',
    // The cookie writer is a lazy chunk, downloaded when a choice is made.
    modifyEsbuildConfig: (config) => ({ ...config, external: [...(config.external || []), './writer-*'] }),
    limit: '3 KB',
  },
  {
    name: 'script tag: what a returning visitor downloads',
    path: 'dist/browser/biscuit.global.js',
    limit: '3.5 KB',
  },
  {
    name: 'script tag: everything a first-time visitor downloads (script, UI, writer, CSS, English texts)',
    path: ['dist/browser/biscuit.global.js', 'dist/browser/biscuit-ui.js', 'dist/browser/biscuit-writer.js', 'dist/browser/chunk-*.js', 'dist/browser/biscuit.css'],
    limit: '12 KB',
  },
];
