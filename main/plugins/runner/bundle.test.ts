// The runner as the CLI ships it: bundled by esbuild with child.mjs and its sibling .mjs modules
// copied beside the bundle (as scripts/build.mjs does), found through import.meta.url, and never what
// keeps a finished host alive.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { testkit } from './testing/helpers.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'weft-runner-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const host = `
import { createRunnerClient, forkLauncher } from './index.js';
const client = createRunnerClient(forkLauncher());
const [loaded] = await client.load([${JSON.stringify(testkit)}], { timeoutMs: 5000, concurrency: 5 });
const out = await client.run(
  { plugin: loaded.name, type: 'testkit.upper', inputs: { in: 'bundled' }, params: {}, attempt: 1, nodeId: 'n', runId: 'r', workspaceId: 'w' },
  new AbortController().signal,
  () => undefined,
);
process.stdout.write(JSON.stringify({ out, pid: client.pid }));
if (process.argv[2] === 'close') await client.close();
`;

async function runHost(mode: string): Promise<{ code: number | null; ms: number; stdout: string; stderr: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(dir, 'host.mjs'), mode], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve(null);
    }, 5_000);
    child.on('exit', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  return { code, ms: performance.now() - started, stdout, stderr };
}

/** Whether a process has ended. An orphan's zombie counts: reaping it is PID 1's business, not ours. */
const gone = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  try {
    return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return process.platform === 'linux';
  }
};

describe('the bundled runner', () => {
  it('runs a call from a bundle and lets its host exit by itself, after close() or without it', async () => {
    await build({
      stdin: { contents: host, resolveDir: here, sourcefile: 'host.ts', loader: 'ts' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: join(dir, 'host.mjs'),
      logLevel: 'silent',
    });
    // Every runner .mjs file, not child.mjs alone: it imports its siblings (./child-code.mjs) by path.
    for (const name of readdirSync(here).filter((n) => n.endsWith('.mjs'))) copyFileSync(join(here, name), join(dir, name));
    for (const mode of ['close', 'no-close']) {
      const { code, ms, stdout, stderr } = await runHost(mode);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const result = JSON.parse(stdout) as { out: unknown; pid: number };
      expect(result.out).toEqual({ out: 'BUNDLED' });
      expect(ms).toBeLessThan(2_000);
      // The runner goes with its host (killed by close(), or on losing its channel).
      await expect.poll(() => gone(result.pid), { timeout: 1_000 }).toBe(true);
    }
  });
});
