// The command line runs core.code in a runner process, never in its own (issue 4 item 3).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeIo } from '../testing/fake-io.js';
import { importText, tempDataDir, weft } from '../testing/store.js';
import { whereCodeRunsWorkflow, workflow } from '../testing/workflows.js';
import { main } from '../weft.js';

interface Where {
  pid: number;
  process: string;
  require: string;
}

function whereOf(stdout: string): Where {
  const record = JSON.parse(stdout) as { status: string; outputs: { where: Where } };
  expect(record.status).toBe('succeeded');
  return record.outputs.where;
}

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDataDir()));
afterEach(() => cleanup());

describe('core.code from the command line', () => {
  it('weft run FILE runs the code in another process, with process and require hidden', async () => {
    const io = createFakeIo({ files: { 'w.json': whereCodeRunsWorkflow } });
    expect(await main(['run', 'w.json', '--json'], io)).toBe(0);
    const where = whereOf(io.stdout.text);
    expect(where).toMatchObject({ process: 'undefined', require: 'undefined' });
    expect(where.pid).toEqual(expect.any(Number));
    expect(where.pid).not.toBe(process.pid);
    const record = JSON.parse(io.stdout.text) as { nodes: { where: { logs: Array<{ message: string }> } } };
    expect(record.nodes.where.logs.map((l) => l.message)).toEqual(['from the code']);
  });

  it('weft run --id runs the code in another process too, and each command has its own runner', async () => {
    const id = await importText(dir, whereCodeRunsWorkflow);
    const first = await weft(dir, ['run', '--id', id, '--json']);
    expect(first.code).toBe(0);
    const second = await weft(dir, ['run', '--id', id, '--json']);
    const [a, b] = [whereOf(first.stdout).pid, whereOf(second.stdout).pid];
    expect(a).not.toBe(process.pid);
    expect(b).not.toBe(process.pid);
    // The first command stopped its runner before it returned.
    expect(b).not.toBe(a);
    expect(() => process.kill(a, 0)).toThrow();
  });

  it('with --plugins-dir, the code and the plugins share one runner', async () => {
    const plugins = mkdtempSync(join(tmpdir(), 'weft-code-plugins-'));
    try {
      const folder = join(plugins, 'pid');
      mkdirSync(folder);
      const manifest = { apiVersion: 1, main: 'index.js', nodes: ['pid.of'] };
      writeFileSync(
        join(folder, 'package.json'),
        JSON.stringify({ name: 'pid', version: '1.0.0', type: 'module', weft: manifest }),
      );
      writeFileSync(
        join(folder, 'index.js'),
        "export default { nodes: [{ type: 'pid.of', title: 'pid', inputs: [], outputs: [{ name: 'out', type: 'number' }], run: async () => ({ out: process.pid }) }] };",
      );
      const text = workflow(
        [
          { id: 'p', type: 'pid.of' },
          {
            id: 'c',
            type: 'core.code',
            params: { source: "return setTimeout.constructor('return process')().pid;" },
          },
        ],
        [],
      );
      const io = createFakeIo({ files: { 'w.json': text } });
      expect(await main(['run', 'w.json', '--plugins-dir', plugins, '--json'], io)).toBe(0);
      const record = JSON.parse(io.stdout.text) as { nodes: Record<'p' | 'c', { outputs: { out: number } }> };
      expect(record.nodes.c.outputs.out).not.toBe(process.pid);
      expect(record.nodes.c.outputs.out).toBe(record.nodes.p.outputs.out);
    } finally {
      rmSync(plugins, { recursive: true, force: true });
    }
  });

  it('a busy loop fails its node at the timeout, and the run goes on to the next code node', async () => {
    const text = workflow(
      [
        {
          id: 'spin',
          type: 'core.code',
          params: { source: 'for (;;) {}' },
          policy: { timeoutMs: 200, onError: 'skip' },
        },
        { id: 'after', type: 'core.code', params: { source: 'return "after";' } },
      ],
      [{ id: 'e', source: 'spin', sourcePort: 'out', target: 'after', targetPort: 'in' }],
    );
    const io = createFakeIo({ files: { 'w.json': text } });
    const started = performance.now();
    expect(await main(['run', 'w.json', '--json'], io)).toBe(0);
    expect(performance.now() - started).toBeLessThan(3_000);
    const record = JSON.parse(io.stdout.text) as {
      nodes: Record<string, { status: string; error?: { code: string }; outputs?: { out: unknown } }>;
    };
    expect(record.nodes.spin).toMatchObject({ status: 'skipped', error: { code: 'TIMEOUT' } });
    expect(record.nodes.after).toMatchObject({ status: 'succeeded', outputs: { out: 'after' } });
  });
});
