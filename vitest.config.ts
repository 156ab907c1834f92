import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Store tests open real databases; two workers fit the two-core machines we run on.
    globalSetup: ['test/support/build-cli.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    // The JSON totals are what .ci/run counts; the default reporter is for people.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    hookTimeout: 60_000,
  },
})
