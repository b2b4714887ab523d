import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // DOM code runs in jsdom; core/ and server/ tests opt into node with a file comment.
          environment: 'jsdom',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/browser/**', 'test/cli/**/*.chromium.test.ts'],
          // The property tests run thousands of cases: on a busy two-core
          // machine they take seconds. A cap against hangs, not a speed check.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          // The command's scans start Chromium too (test/cli/*.chromium.test.ts).
          include: ['test/browser/**/*.test.ts', 'test/cli/**/*.chromium.test.ts'],
          // One Chromium at a time: the CI machine has two cores.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
