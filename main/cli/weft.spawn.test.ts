import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const built =
  existsSync(new URL('../../dist/cli/weft.js', import.meta.url)) &&
  existsSync(new URL('../../bin/weft.js', import.meta.url));

// The one test of the real process (bundle, bin script, streams, exit); the rest run in-process.
describe.skipIf(!built)('the built weft command (node bin/weft.js)', () => {
  it('runs a workflow file and prints only the run record with --json', () => {
    const r = spawnSync(process.execPath, ['bin/weft.js', 'run', 'examples/hello.weft.json', '--json'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const record = JSON.parse(r.stdout) as { status: string; outputs: unknown };
    expect(record.status).toBe('succeeded');
    expect(record.outputs).toEqual({ greeting: { length: 3, name: 'Ada', text: 'Hello, Ada!' } });
  }, 30_000);
});
