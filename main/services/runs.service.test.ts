import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleDoc, tempStore } from '../db/testing/temp-store.js';
import { NotFoundError, PolicyDeniedError } from '../errors.js';
import { createRunFeed } from '../rpc/run-feed.js';
import { createRunsService, type RunsService } from './runs.service.js';
import * as wf from './workflows.service.js';
import * as wsSvc from './workspaces.service.js';

let store: ReturnType<typeof tempStore>;
let runs: RunsService;
let ws: string;
let workflowId: string;

beforeEach(() => {
  store = tempStore();
  runs = createRunsService(store, { flushMs: 5 });
  ws = wsSvc.createWorkspace(store, 'Team').id;
  workflowId = wf.createWorkflow(store, ws, sampleDoc()).id;
});
afterEach(async () => {
  await runs.idle();
  store.dispose();
});

function slowDoc(ms: number): Record<string, unknown> {
  return {
    format: 'weft.workflow',
    formatVersion: 1,
    name: 'Slow',
    nodes: [
      { id: 'start', type: 'core.manual', params: { payload: { n: 1 } } },
      { id: 'wait', type: 'core.delay', params: { ms } },
      { id: 'out', type: 'core.output', params: { name: 'r' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourcePort: 'out', target: 'wait', targetPort: 'in' },
      { id: 'e2', source: 'wait', sourcePort: 'out', target: 'out', targetPort: 'in' },
    ],
  };
}

describe('runs service', () => {
  it('records a run: status, outputs, every node with attempts, timings, inputs and outputs', async () => {
    const { runId, done } = runs.start(ws, workflowId, { input: { name: 'Grace' } });
    const record = await done;
    expect(record.status).toBe('succeeded');
    const detail = runs.get(ws, runId);
    expect(detail).toMatchObject({ id: runId, workflowId, workflowVersion: 1, status: 'succeeded', input: { name: 'Grace' } });
    expect(detail.outputs).toEqual({ greeting: { name: 'Grace', text: 'Hello, Grace!' } });
    expect(detail.nodes.greet).toMatchObject({ nodeType: 'core.set', status: 'succeeded', attempts: 1, inputs: { in: { name: 'Grace' } } });
    expect(detail.nodes.greet!.durationMs).toBeGreaterThanOrEqual(0);
    expect(runs.list(ws, workflowId).items.map((r) => r.id)).toEqual([runId]);
  });

  it('keeps the record of a run in progress in the store while it runs', async () => {
    const slow = wf.createWorkflow(store, ws, slowDoc(150)).id;
    const { runId, done } = runs.start(ws, slow);
    await new Promise((r) => setTimeout(r, 60));
    const mid = runs.get(ws, runId);
    expect(mid.status).toBe('running');
    expect(mid.nodes.start?.status).toBe('succeeded');
    expect(mid.nodes.wait?.status).toBe('running');
    expect(runs.snapshotOf(ws, runId)?.snapshot.nodes.wait?.status).toBe('running');
    await done;
    expect(runs.get(ws, runId).status).toBe('succeeded');
    expect(runs.snapshotOf(ws, runId)).toBeUndefined();
  });

  it('cancels a run of its own workspace only', async () => {
    const slow = wf.createWorkflow(store, ws, slowDoc(5000)).id;
    const other = wsSvc.createWorkspace(store, 'Other').id;
    const { runId, done } = runs.start(ws, slow);
    expect(() => runs.cancel(other, runId)).toThrow(NotFoundError);
    expect(runs.cancel(ws, runId)).toEqual({ cancelled: true });
    expect((await done).status).toBe('cancelled');
    expect(runs.get(ws, runId).status).toBe('cancelled');
  });

  it('re-runs a past run exactly: its version and its input, even after the workflow changed', async () => {
    const first = await runs.start(ws, workflowId, { input: { name: 'Ada' } }).done;
    wf.updateWorkflow(store, ws, workflowId, sampleDoc({ text: 'Bye, {{ input.in.name }}!' }), 1);
    const again = runs.rerun(ws, first.runId);
    await again.done;
    const detail = runs.get(ws, again.runId);
    expect(detail.workflowVersion).toBe(1);
    expect(detail.origin).toEqual({ kind: 'rerun', sourceRunId: first.runId });
    expect(detail.outputs).toEqual({ greeting: { name: 'Ada', text: 'Hello, Ada!' } });
  });

  it('runs from a chosen node, reusing the recorded outputs upstream of it', async () => {
    const first = await runs.start(ws, workflowId, { input: { name: 'Ada' } }).done;
    wf.updateWorkflow(store, ws, workflowId, sampleDoc({ text: 'Hi {{ input.in.name }}' }), 1);
    const { runId, done } = runs.start(ws, workflowId, { fromNode: { nodeId: 'greet', sourceRunId: first.runId } });
    await done;
    const detail = runs.get(ws, runId);
    expect(detail.nodes.start?.attempts).toBe(0);
    expect(detail.outputs).toEqual({ greeting: { name: 'Ada', text: 'Hi Ada' } });
    // The reused node is recorded as reused (its outputs the source run's, no inputs: it did not run);
    // the origin names the run they came from.
    expect(detail.origin).toEqual({ kind: 'fromNode', nodeId: 'greet', sourceRunId: first.runId });
    expect(detail.nodes.start).toMatchObject({ status: 'succeeded', attempts: 0, pinned: true });
    expect(detail.nodes.start?.outputs).toEqual(runs.get(ws, first.runId).nodes.start?.outputs);
    expect(detail.nodes.start?.inputs).toBeUndefined();
    expect(detail.nodes.greet).toMatchObject({ status: 'succeeded', attempts: 1 });
    expect(detail.nodes.greet?.pinned).toBeUndefined();
    expect(runs.get(ws, first.runId).nodes.start?.pinned).toBeUndefined();
    expect(() => runs.start(ws, workflowId, { fromNode: { nodeId: 'ghost', sourceRunId: first.runId } })).toThrow(NotFoundError);
    expect(() => runs.start(ws, workflowId, { fromNode: { nodeId: 'greet', sourceRunId: 'run_nope' } })).toThrow(NotFoundError);
  });

  it('marks reused nodes while a run from a node is still going, and in its snapshot', async () => {
    const slow = wf.createWorkflow(store, ws, slowDoc(150)).id;
    const first = await runs.start(ws, slow).done;
    const { runId, done } = runs.start(ws, slow, { fromNode: { nodeId: 'wait', sourceRunId: first.runId } });
    await new Promise((r) => setTimeout(r, 60)); // flushed (flushMs 5), `wait` still waiting
    expect(runs.get(ws, runId).nodes.start).toMatchObject({ status: 'succeeded', attempts: 0, pinned: true });
    expect(runs.snapshotOf(ws, runId)?.snapshot.nodes.start).toEqual({ status: 'succeeded', attempts: 0, pinned: true });
    await done;
    expect(runs.get(ws, runId).nodes.start?.pinned).toBe(true);
    expect(runs.get(ws, runId).nodes.wait?.pinned).toBeUndefined();
  });

  it('refuses a workflow whose node types the workspace policy denies, naming the nodes', () => {
    wsSvc.setWorkspacePolicy(store, ws, { deniedNodeTypes: ['core.set'] });
    expect(() => runs.start(ws, workflowId)).toThrow(PolicyDeniedError);
    expect(runs.list(ws, workflowId).items).toEqual([]);
  });

  it('keeps the last N runs per workflow and pages through them newest first', async () => {
    wsSvc.setRunRetention(store, ws, 3);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await runs.start(ws, workflowId).done).runId);
    const page1 = runs.list(ws, workflowId, { limit: 2 });
    const page2 = runs.list(ws, workflowId, { limit: 2, cursor: page1.nextCursor! });
    expect([...page1.items, ...page2.items].map((r) => r.id)).toEqual(ids.slice(2).reverse());
    expect(page2.nextCursor).toBeNull();
  });

  it('answers not found for another workspace’s runs, and deletes its own', async () => {
    const { runId, done } = runs.start(ws, workflowId);
    await done;
    const other = wsSvc.createWorkspace(store, 'Other').id;
    for (const call of [
      () => runs.get(other, runId),
      () => runs.rerun(other, runId),
      () => runs.delete(other, runId),
      () => runs.nodeOutputs(other, runId, 'greet'),
      () => runs.list(other, workflowId),
      () => runs.start(other, workflowId),
    ]) {
      expect(call).toThrow(NotFoundError);
    }
    expect(runs.nodeOutputs(ws, runId, 'greet').outputs).toEqual({ out: { name: 'Ada', text: 'Hello, Ada!' } });
    runs.delete(ws, runId);
    expect(() => runs.get(ws, runId)).toThrow(NotFoundError);
  });

  it('counts errors by node type and code', async () => {
    const failing = wf.createWorkflow(store, ws, {
      format: 'weft.workflow',
      formatVersion: 1,
      nodes: [{ id: 'stop', type: 'core.fail', params: { message: 'broken' } }],
      edges: [],
    }).id;
    await runs.start(ws, failing).done;
    await runs.start(ws, failing).done;
    const stats = runs.errorStats(ws);
    expect(stats.entries).toEqual([expect.objectContaining({ nodeType: 'core.fail', code: 'NODE_ERROR', count: 2, lastMessage: 'broken' })]);
  });

  it('publishes every event to the feed, numbered', async () => {
    const feed = createRunFeed();
    const withFeed = createRunsService(store, { feed });
    const seen: string[] = [];
    const { runId, done } = withFeed.start(ws, workflowId);
    feed.listen(runId, (e, seq) => seen.push(`${seq}:${e.type}`));
    await done;
    expect(seen.at(-1)).toMatch(/:runFinished$/);
  });
});
