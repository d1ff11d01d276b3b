import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Suites share one Neo4j database, so files run one at a time.
    fileParallelism: false,
    testTimeout: 60_000,
    // Suites use the built-in encoder unless they ask for the transformer (test/transformer.test.ts).
    env: { SKILLGRAPH_ENCODER: process.env.SKILLGRAPH_ENCODER ?? 'builtin' },
    hookTimeout: 180_000,
  },
});
