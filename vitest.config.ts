import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Unit tests sit beside their sources. e2e/ is Playwright's, not vitest's.
    include: ['{engine,plugins,main,preload,bench}/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // Child processes rather than worker threads: tests that start worker_threads, spawn processes or
    // change process state stay isolated from one another.
    pool: 'forks',
  },
});
