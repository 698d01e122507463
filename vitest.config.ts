import { defineConfig } from 'vitest/config';

// CI (.ci/run) counts the results from a json report; it asks for one through this variable, so that
// `npm test` (which also runs Playwright) needs no reporter flags.
const jsonReport = process.env.WEFT_VITEST_JSON;

export default defineConfig({
  test: {
    // Unit tests sit beside their sources. e2e/ is Playwright's, not vitest's.
    include: ['{engine,plugins,main,preload,bench,renderer}/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // Child processes rather than worker threads: tests that start worker_threads, spawn processes or
    // change process state stay isolated from one another.
    pool: 'forks',
    reporters: jsonReport ? ['default', ['json', { outputFile: jsonReport }]] : ['default'],
  },
});
