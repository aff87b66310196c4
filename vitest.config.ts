import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // CI reads a plain "N passed, N failed" line that .ci/run prints from this report.
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test/.tmp/vitest-report.json' }]] : ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/architecture/**/*.test.ts'],
          testTimeout: 10_000,
          // Unit workers finish before the first real desktop starts: on two cores they starved Chromium's clipboard
          // reads past its timeout (a paste arrived empty) while the e2e files ran beside them.
          sequence: { groupOrder: 0 },
        },
      },
      {
        // Real X desktops and browsers: one file at a time, each starts its own Xvfb display.
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
