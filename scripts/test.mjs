#!/usr/bin/env node
// `npm test`: build, then the unit tests (vitest), then the end-to-end tests (Playwright). The e2e tests
// run even when a unit test failed, so one run reports both; a failed build stops here, since both
// would test stale output. Exits 1 when any part failed. Without Chromium the e2e tests are skipped
// with the reason, not failed (see e2e/README.md). Reporters are chosen by environment variables
// (WEFT_VITEST_JSON, PLAYWRIGHT_JSON_OUTPUT_NAME), so this script takes no arguments; pass runner
// flags through `npm run test:unit -- …` or `npm run test:e2e -- …` instead.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

/** Runs one part with the terminal as its output; answers its exit code (1 when it could not start). */
function part(label, command, args) {
  console.log(`\n> ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.error) console.error(`test: ${label} could not start: ${result.error.message}`);
  if (result.signal) console.error(`test: ${label} was stopped by ${result.signal}`);
  return result.status ?? 1;
}

if (process.argv.length > 2) {
  console.error('test: npm test takes no arguments; use `npm run test:unit -- …` or `npm run test:e2e -- …`');
  process.exit(2);
}

const build = part('build', process.execPath, [join(root, 'scripts', 'build.mjs')]);
if (build !== 0) {
  console.error('test: the build failed; no tests were run');
  summarise(build, 'not run', 'not run');
  process.exit(1);
}
const unit = part('unit tests (vitest)', bin('vitest'), ['run']);
const e2e = part('end-to-end tests (playwright)', bin('playwright'), ['test']);
summarise(build, unit, e2e);
process.exit(unit === 0 && e2e === 0 ? 0 : 1);

/**
 * The last line: each part's exit code. .ci/run reads it to tell a runner that failed without a failing
 * test (an unhandled error, a crash) from one whose failures its report already counts.
 */
function summarise(buildCode, unitCode, e2eCode) {
  console.log(`\ntest: exit codes: build ${buildCode}, unit ${unitCode}, e2e ${e2eCode}`);
}
