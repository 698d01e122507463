import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeIo } from '../testing/fake-io.js';
import { importText, tempDataDir, weft } from '../testing/store.js';
import { failingWorkflow, helloWorkflow, slowWorkflow } from '../testing/workflows.js';
import { main } from '../weft.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDataDir()));
afterEach(() => cleanup());

interface RunsJson {
  runs: Array<{ id: string; status: string; workflowId: string; origin: { kind: string } }>;
}

async function runsOf(id: string, extra: readonly string[] = []): Promise<RunsJson['runs']> {
  const r = await weft(dir, ['runs', id, '--json', ...extra]);
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as RunsJson).runs;
}

async function until(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('weft run --id', () => {
  it('runs a stored workflow with the same display and records the run', async () => {
    const id = await importText(dir, helloWorkflow);
    const r = await weft(dir, ['run', '--id', id]);
    expect(r.code).toBe(0);
    // Every event reached the display, the ones emitted inside start() included.
    expect(r.stdout).toMatch(/run started \(3 nodes\)/);
    expect(r.stdout).toMatch(/start\s+started \(try 1\)/);
    expect(r.stdout).toContain('Run succeeded');
    expect(r.stdout).toContain('Hello, Ada!');
    const runs = await runsOf(id);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'succeeded', workflowId: id, origin: { kind: 'run' } });
  });

  it('--json prints the run record, and --input is the run input', async () => {
    const id = await importText(dir, helloWorkflow);
    const r = await weft(dir, ['run', '--id', id, '--json', '--input', '{"name":"Lin"}']);
    expect(r.code).toBe(0);
    const record = JSON.parse(r.stdout) as {
      runId: string;
      status: string;
      outputs: Record<string, unknown>;
    };
    expect(record.status).toBe('succeeded');
    expect(record.outputs).toEqual({ greeting: { name: 'Lin', text: 'Hello, Lin!' } });
    const [stored] = await runsOf(id);
    expect(stored?.id).toBe(record.runId);
    const shown = await weft(dir, ['runs', 'show', record.runId, '--json']);
    expect(JSON.parse(shown.stdout)).toMatchObject({
      id: record.runId,
      input: { name: 'Lin' },
      status: 'succeeded',
    });
  });

  it('exits 1 for a failed run and records it failed, with the node error', async () => {
    const id = await importText(dir, failingWorkflow);
    const r = await weft(dir, ['run', '--id', id]);
    expect(r.code).toBe(1);
    const [run] = await runsOf(id);
    expect(run?.status).toBe('failed');
    const shown = await weft(dir, ['runs', 'show', run?.id ?? '']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^status\s+failed/m);
    expect(shown.stdout).toMatch(/^stop\s+core\.fail\s+failed\s+1\s+.*stop right here/m);
    expect(shown.stdout).toMatch(/^after\s+core\.set\s+cancelled\s+0/m);
  });

  it('Ctrl-C cancels the run, which is recorded cancelled', async () => {
    const id = await importText(dir, slowWorkflow);
    const io = createFakeIo();
    const pending = main(['run', '--id', id, '--data-dir', dir], io);
    await until(() => io.stdout.text.includes('wait') && io.interruptHandlers() > 0);
    io.interrupt();
    expect(await pending).toBe(1);
    expect(io.interruptHandlers()).toBe(0);
    const [run] = await runsOf(id);
    expect(run?.status).toBe('cancelled');
  });

  it('refuses with exit 2: an unknown id, another workspace’s id, bad --input, FILE with --id', async () => {
    const unknown = await weft(dir, ['run', '--id', 'wf_nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('weft run: workflow wf_nope not found\n');

    await weft(dir, ['workspaces', 'create', 'X']);
    const id = await importText(dir, helloWorkflow, ['--workspace', 'X']);
    const other = await weft(dir, ['run', '--id', id, '--json']);
    expect(other.code).toBe(2);
    expect(other.stdout).toBe('');
    expect(other.stderr).toBe(`weft run: workflow ${id} not found\n`);
    expect(await runsOf(id, ['--workspace', 'X'])).toEqual([]);

    const input = await weft(dir, ['run', '--id', id, '--workspace', 'X', '--input', '{bad']);
    expect(input.code).toBe(2);
    expect(input.stderr).toMatch(/^weft run: --input: not valid JSON: /);
    expect(await runsOf(id, ['--workspace', 'X'])).toEqual([]);

    const both = await weft(dir, ['run', 'h.json', '--id', id], { files: { 'h.json': helloWorkflow } });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('give FILE or --id ID, not both');
  });

  it('keeps `weft run FILE` unrecorded, and refuses store options without --id', async () => {
    const io = createFakeIo({ files: { 'h.json': helloWorkflow } });
    expect(await main(['run', 'h.json', '--json'], io)).toBe(0);
    const r = await weft(dir, ['run', 'h.json'], { files: { 'h.json': helloWorkflow } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('option --data-dir goes with --id ID');
  });
});

describe('weft runs', () => {
  it('lists runs newest first as a table, with --limit', async () => {
    const id = await importText(dir, helloWorkflow);
    const none = await weft(dir, ['runs', id]);
    expect(none.stdout).toContain(`No runs of ${id} recorded yet`);
    for (let i = 0; i < 3; i++) expect((await weft(dir, ['run', '--id', id, '--json'])).code).toBe(0);
    const all = await runsOf(id);
    expect(all).toHaveLength(3);
    const table = await weft(dir, ['runs', id]);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^RUN\s+STATUS\s+STARTED\s+DURATION\s+ORIGIN$/);
    expect(lines.slice(1).map((l) => l.split(/\s+/)[0])).toEqual(all.map((r) => r.id));
    const limited = await weft(dir, ['runs', id, '--limit', '2']);
    expect(limited.stdout).toContain('showing the newest 2 runs');
    expect(await runsOf(id, ['--limit', '2'])).toEqual(all.slice(0, 2));
  });

  it('answers not found (exit 2) for unknown or other workspaces’ workflows and runs', async () => {
    await weft(dir, ['workspaces', 'create', 'X']);
    const id = await importText(dir, helloWorkflow, ['--workspace', 'X']);
    const run = JSON.parse((await weft(dir, ['run', '--id', id, '--json', '--workspace', 'X'])).stdout) as {
      runId: string;
    };
    const list = await weft(dir, ['runs', id]);
    expect(list.code).toBe(2);
    expect(list.stderr).toBe(`weft runs: workflow ${id} not found\n`);
    const show = await weft(dir, ['runs', 'show', run.runId]);
    expect(show.code).toBe(2);
    expect(show.stderr).toBe(`weft runs: run ${run.runId} not found\n`);
    expect((await weft(dir, ['runs', 'show', run.runId, '--workspace', 'X'])).code).toBe(0);
    const missing = await weft(dir, ['runs', 'show']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing RUNID');
  });
});
