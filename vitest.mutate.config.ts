// The tests `npm run mutate` (StrykerJS) runs against each mutant: the unit
// tests of the code it mutates and of what is built directly on it. One plain
// project, since Stryker's vitest runner cannot pick one out of `projects`;
// no browser tests (Stryker cannot drive them) and no test that needs `dist/`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // DOM code runs in jsdom; core/ and server/ tests opt into node with a file comment.
    environment: 'jsdom',
    // Stryker's instrumented code runs slower, on a machine shared with other work.
    testTimeout: 60_000,
    include: [
      'test/entries/headless.test.ts',
      'test/core/**/*.test.ts',
      'test/storage/**/*.test.ts',
      'test/blocker/**/*.test.ts',
      'test/dom/**/*.test.ts',
      'test/server/**/*.test.ts',
      'test/integrations/**/*.test.ts',
      'test/hardening/**/*.test.ts',
    ],
  },
});
