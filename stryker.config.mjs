// Mutation testing: `npm run mutate`. StrykerJS plants small bugs (mutants) in
// the files below, one at a time, and runs the unit tests that cover each; a
// mutant no test notices is a gap in the tests (or an equivalent change: see
// the README's Development section). Not part of `npm test`: it takes minutes.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  mutate: ['src/core/**/*.ts', 'src/storage/**/*.ts', 'src/blocker/**/*.ts', 'src/dom/**/*.ts'],
  // Only the tests that reach a mutant run against it.
  coverageAnalysis: 'perTest',
  // Two cores, shared: one test process each.
  concurrency: 2,
  // A mutant counts as killed by a timeout when its tests take much longer
  // than they did unmutated; generous margins, so that a machine busy with
  // other work does not pass slow runs off as kills (an endless loop still ends).
  timeoutFactor: 2,
  timeoutMS: 20_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  // Report the score; the threshold for src/core is checked by reading the report.
  thresholds: { high: 90, low: 80, break: null },
};
