import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkflow } from '../services/workflows.service.js';
import { createWorkspace } from '../services/workspaces.service.js';
import { deleteRunBlob, getRunBlob, putRunBlob } from './run-blobs.repo.js';
import {
  BLOB_THRESHOLD_BYTES,
  errorStats,
  getRunNodeOutputs,
  getRunNodes,
  upsertRunNode,
} from './run-nodes.repo.js';
import {
  deleteRun,
  finishRun,
  getRun,
  insertRun,
  listRuns,
  markRunningAsInterrupted,
  pruneRuns,
  updateRunStatus,
} from './runs.repo.js';
import { sampleDoc, tempStore } from './testing/temp-store.js';

let store: ReturnType<typeof tempStore>;
let ws: string;
let wf: string;
beforeEach(() => {
  store = tempStore();
  ws = store.defaultWorkspace.id;
  wf = createWorkflow(store, ws, sampleDoc()).id;
});
afterEach(() => store.dispose());

function run(id: string, startedAt: number, workflowId = wf, workspaceId = ws): void {
  insertRun(store.db, workspaceId, {
    id,
    workflowId,
    workflowVersion: 1,
    origin: { kind: 'run' },
    input: { x: 1 },
    startedAt,
  });
}

describe('runs.repo', () => {
  it('records a run as running, then its status and end', () => {
    run('r1', 1000);
    expect(getRun(store.db, ws, 'r1')).toEqual({
      id: 'r1',
      workflowId: wf,
      workflowVersion: 1,
      status: 'running',
      origin: { kind: 'run' },
      input: { x: 1 },
      startedAt: 1000,
    });
    expect(updateRunStatus(store.db, ws, 'r1', 'cancelled')).toBe(true);
    expect(
      finishRun(store.db, ws, 'r1', {
        status: 'failed',
        outputs: { a: 1 },
        error: { code: 'X', message: 'm' },
        finishedAt: 2000,
      }),
    ).toBe(true);
    expect(getRun(store.db, ws, 'r1')).toMatchObject({
      status: 'failed',
      outputs: { a: 1 },
      error: { code: 'X' },
      finishedAt: 2000,
    });
    expect(updateRunStatus(store.db, ws, 'missing', 'failed')).toBe(false);
    expect(finishRun(store.db, ws, 'missing', { status: 'failed', finishedAt: 1 })).toBe(false);
    expect(getRun(store.db, ws, 'missing')).toBeUndefined();
  });

  it("lists a workflow's runs newest first, by keyset pages", () => {
    for (let i = 0; i < 7; i++) run(`r${i}`, 1000 + (i % 3)); // ties on started_at are broken by id
    const seen: string[] = [];
    let after: { startedAt: number; id: string } | undefined;
    for (;;) {
      const rows = listRuns(store.db, ws, wf, after, 3);
      const page = rows.slice(0, 3);
      seen.push(...page.map((r) => r.id));
      if (rows.length <= 3) break;
      const last = page[2]!;
      after = { startedAt: last.startedAt, id: last.id };
    }
    expect(seen).toEqual(['r5', 'r2', 'r4', 'r1', 'r6', 'r3', 'r0']);
  });

  it('deletes a run with its nodes and blobs', () => {
    run('r1', 1);
    upsertRunNode(store.db, ws, 'r1', 'n', {
      nodeType: 'core.set',
      status: 'succeeded',
      attempts: 1,
      outputs: { big: 'x'.repeat(BLOB_THRESHOLD_BYTES) },
    });
    expect(deleteRun(store.db, ws, 'r1')).toBe(true);
    expect(deleteRun(store.db, ws, 'r1')).toBe(false);
    expect(getRunNodes(store.db, ws, 'r1')).toEqual([]);
    expect(getRunBlob(store.db, ws, 'r1', 'n')).toBeUndefined();
  });

  it('marks runs left running, in every workspace, as interrupted, with their running nodes', () => {
    const other = createWorkspace(store, 'Other').id;
    const otherWf = createWorkflow(store, other, sampleDoc()).id;
    run('a', 1);
    run('b', 2);
    finishRun(store.db, ws, 'b', { status: 'succeeded', finishedAt: 3 });
    run('c', 1, otherWf, other);
    upsertRunNode(store.db, ws, 'a', 'n1', {
      nodeType: 'core.set',
      status: 'running',
      attempts: 1,
      startedAt: 1,
    });
    upsertRunNode(store.db, ws, 'a', 'n0', {
      nodeType: 'core.set',
      status: 'succeeded',
      attempts: 1,
      startedAt: 1,
      finishedAt: 2,
    });
    expect(markRunningAsInterrupted(store.db, 99)).toBe(2);
    expect(getRun(store.db, ws, 'a')).toMatchObject({ status: 'interrupted', finishedAt: 99 });
    expect(getRun(store.db, ws, 'b')).toMatchObject({ status: 'succeeded', finishedAt: 3 });
    expect(getRun(store.db, other, 'c')?.status).toBe('interrupted');
    expect(getRunNodes(store.db, ws, 'a').map((n) => [n.nodeId, n.status])).toEqual([
      ['n0', 'succeeded'],
      ['n1', 'interrupted'],
    ]);
    expect(markRunningAsInterrupted(store.db, 100)).toBe(0);
  });

  it('prunes all but the newest N finished runs of one workflow, never a running one', () => {
    const wf2 = createWorkflow(store, ws, sampleDoc()).id;
    for (let i = 0; i < 10; i++) {
      run(`r${i}`, i);
      if (i !== 0) finishRun(store.db, ws, `r${i}`, { status: 'succeeded', finishedAt: i });
    }
    run('other', 0, wf2);
    finishRun(store.db, ws, 'other', { status: 'succeeded', finishedAt: 0 });
    expect(pruneRuns(store.db, ws, wf, 3)).toBe(6); // r1..r6; r0 is still running
    expect(listRuns(store.db, ws, wf, undefined, 100).map((r) => r.id)).toEqual(['r9', 'r8', 'r7', 'r0']);
    expect(getRun(store.db, ws, 'other')).toBeDefined();
  });
});

describe('run-nodes.repo and run-blobs.repo', () => {
  beforeEach(() => run('r1', 1000));

  it('upserts a node: later writes keep fields they leave out', () => {
    upsertRunNode(store.db, ws, 'r1', 'n', {
      nodeType: 'core.set',
      status: 'running',
      attempts: 1,
      startedAt: 5,
      inputs: { in: 1 },
    });
    upsertRunNode(store.db, ws, 'r1', 'n', {
      nodeType: 'core.set',
      status: 'succeeded',
      attempts: 2,
      finishedAt: 9,
      outputs: { out: 2 },
    });
    expect(getRunNodes(store.db, ws, 'r1')).toEqual([
      {
        nodeId: 'n',
        nodeType: 'core.set',
        status: 'succeeded',
        attempts: 2,
        startedAt: 5,
        finishedAt: 9,
        inputs: { in: 1 },
        outputs: { out: 2 },
        outputsInBlob: false,
        pinned: false,
      },
    ]);
    expect(getRunNodeOutputs(store.db, ws, 'r1', 'n')).toEqual({ found: true, outputs: { out: 2 } });
    expect(getRunNodeOutputs(store.db, ws, 'r1', 'none')).toEqual({ found: false });
  });

  it('records a reused ("pinned") node, and a later write that leaves the flag out keeps it', () => {
    upsertRunNode(store.db, ws, 'r1', 'up', {
      nodeType: 'core.set',
      status: 'succeeded',
      attempts: 0,
      outputs: { out: 1 },
      pinned: true,
    });
    upsertRunNode(store.db, ws, 'r1', 'up', { nodeType: 'core.set', status: 'succeeded', attempts: 0 });
    upsertRunNode(store.db, ws, 'r1', 'ran', { nodeType: 'core.set', status: 'succeeded', attempts: 1 });
    expect(getRunNodes(store.db, ws, 'r1').map((n) => [n.nodeId, n.pinned])).toEqual([
      ['ran', false],
      ['up', true],
    ]);
  });

  it('stores outputs over 1 MiB as a blob, reads them back intact, and moves them back inline when small', () => {
    const big = { out: { text: 'é'.repeat(BLOB_THRESHOLD_BYTES / 2 + 10), list: [1, 2, 3] } }; // > 1 MiB in UTF-8 only
    upsertRunNode(store.db, ws, 'r1', 'n', {
      nodeType: 'core.set',
      status: 'succeeded',
      attempts: 1,
      outputs: big,
    });
    const [row] = getRunNodes(store.db, ws, 'r1');
    expect(row).toMatchObject({ outputsInBlob: true });
    expect(row).not.toHaveProperty('outputs');
    expect(store.db.prepare(`SELECT outputs, outputs_blob AS b FROM run_nodes`).get()).toEqual({
      outputs: null,
      b: 1,
    });
    expect(getRunNodeOutputs(store.db, ws, 'r1', 'n')).toEqual({ found: true, outputs: big });
    upsertRunNode(store.db, ws, 'r1', 'n', {
      nodeType: 'core.set',
      status: 'succeeded',
      attempts: 1,
      outputs: { out: 1 },
    });
    expect(getRunBlob(store.db, ws, 'r1', 'n')).toBeUndefined();
    expect(getRunNodeOutputs(store.db, ws, 'r1', 'n')).toEqual({ found: true, outputs: { out: 1 } });
  });

  it('blob functions put, get and delete by workspace, run and node', () => {
    upsertRunNode(store.db, ws, 'r1', 'n', { nodeType: 't', status: 'running', attempts: 1 });
    putRunBlob(store.db, ws, 'r1', 'n', '"data"');
    expect(getRunBlob(store.db, ws, 'r1', 'n')).toBe('"data"');
    expect(getRunBlob(store.db, 'ws_other', 'r1', 'n')).toBeUndefined();
    deleteRunBlob(store.db, ws, 'r1', 'n');
    expect(getRunBlob(store.db, ws, 'r1', 'n')).toBeUndefined();
    expect(() => putRunBlob(store.db, ws, 'r1', 'no-node', '1')).toThrow(/FOREIGN KEY/);
  });

  it('counts errors by node type and code over the last N runs, with the last message of each', () => {
    const fail = (runId: string, node: string, type: string, code: string, message: string, at: number) =>
      upsertRunNode(store.db, ws, runId, node, {
        nodeType: type,
        status: 'failed',
        attempts: 1,
        startedAt: at,
        finishedAt: at,
        error: { code, message },
      });
    fail('r1', 'a', 'core.http', 'TIMEOUT', 'old timeout', 1001);
    run('r2', 2000);
    fail('r2', 'a', 'core.http', 'TIMEOUT', 'new timeout', 2001);
    fail('r2', 'b', 'core.code', 'NODE_ERROR', 'boom', 2002);
    upsertRunNode(store.db, ws, 'r2', 'c', { nodeType: 'core.set', status: 'succeeded', attempts: 1 });
    run('r3', 3000);
    fail('r3', 'b', 'core.code', 'NODE_ERROR', 'boom again', 3001);
    fail('r3', 'a', 'core.http', 'NODE_ERROR', 'http 500', 3002);
    expect(errorStats(store.db, ws, 10)).toEqual([
      { nodeType: 'core.code', code: 'NODE_ERROR', count: 2, lastMessage: 'boom again', lastAt: 3001 },
      { nodeType: 'core.http', code: 'TIMEOUT', count: 2, lastMessage: 'new timeout', lastAt: 2001 },
      { nodeType: 'core.http', code: 'NODE_ERROR', count: 1, lastMessage: 'http 500', lastAt: 3002 },
    ]);
    // Only the 2 most recent runs (r3, r2).
    expect(errorStats(store.db, ws, 2).find((s) => s.code === 'TIMEOUT')).toMatchObject({
      count: 1,
      lastMessage: 'new timeout',
    });
    expect(errorStats(store.db, 'ws_other', 10)).toEqual([]);
  });
});
