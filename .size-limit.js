// Size checks (min + brotli), run by `npm test`. Each figure is what a browser
// downloads, so the lazily loaded chunks are measured where they load.
//
// The limits sit just above today's sizes, so any growth fails the build. The
// project's budgets are smaller and not met yet (see the README, "Size and
// speed"): 3 KB for biscuit-consent/core, 3.5 KB for a returning visitor and
// 12 KB for a first-time visitor. Lower a limit whenever a change saves bytes.
/** The byte budgets the project set (min + brotli, 1 KB = 1000 bytes); bench/report.mjs reads them too. */
export const BUDGETS = { returning: 3500, first: 6500, accept: 7500, core: 4000 };

export default [
  {
    name: 'npm: biscuit-consent/core, createConsent as an app bundles it up front (budget 3 KB)',
    path: 'dist/core.js',
    import: '{ createConsent }',
    // The cookie writer (with js-cookie) and the consent log client are lazy
    // chunks, downloaded when a choice is made (the log only when configured).
    modifyEsbuildConfig: (config) => ({ ...config, external: [...(config.external || []), './writer-*', './consent-log-*'] }),
    limit: '6.2 KB',
  },
  {
    name: 'script tag: what a returning visitor downloads (budget 3.5 KB)',
    path: 'dist/browser/biscuit.global.js',
    // The files exactly as shipped: re-bundling would minify them again with esbuild.
    disablePlugins: ['@size-limit/esbuild'],
    limit: '6.8 KB',
  },
  {
    name: 'script tag: everything a first-time visitor downloads: script, UI, writer, CSS, English texts (budget 12 KB)',
    path: ['dist/browser/biscuit.global.js', 'dist/browser/biscuit-banner.js', 'dist/browser/biscuit-dialog.js', 'dist/browser/biscuit-writer.js', 'dist/browser/biscuit.css'],
    disablePlugins: ['@size-limit/esbuild'],
    limit: '17.5 KB',
  },
  {
    name: 'npm: biscuit-consent/react',
    path: 'dist/react.js',
    import: '{ ConsentProvider, useConsent, useConsentInstance, ConsentGate }',
    ignore: ['react'],
    limit: '0.6 KB',
  },
  {
    name: 'npm: biscuit-consent/preact',
    path: 'dist/preact.js',
    import: '{ ConsentProvider, useConsent, useConsentInstance, ConsentGate }',
    ignore: ['preact', 'preact/hooks'],
    limit: '0.72 KB',
  },
];
