// End-to-end tests: Playwright drives `weft serve` in the system's Chromium (see e2e/README.md).
// `npm test` runs them after the unit tests; `npm run test:e2e` runs them alone.
import { defineConfig, type ReporterDescription } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './e2e/fixtures/chromium.js';

const ci = Boolean(process.env.CI);

// The json reporter writes to PLAYWRIGHT_JSON_OUTPUT_NAME; .ci/run sets it to count the results.
const reporter: ReporterDescription[] = [[ci ? 'line' : 'list']];
if (process.env.PLAYWRIGHT_JSON_OUTPUT_NAME) reporter.push(['json']);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  // Two cores: each worker runs a server and a browser, so CI keeps to one of each.
  workers: ci ? 1 : 2,
  fullyParallel: false,
  forbidOnly: ci,
  // A flaky test should be seen and fixed, not retried into passing.
  retries: 0,
  timeout: ci ? 90_000 : 45_000,
  expect: { timeout: ci ? 15_000 : 7_500 },
  reporter,
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: chromiumPath, args: [...chromiumArgs] },
    screenshot: 'only-on-failure',
    trace: 'off',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    viewport: { width: 1440, height: 900 },
  },
});
