// createApi's connections: each follows runs with its own subscriptions (snapshot first, then the
// numbered events until runFinished), and closing one stops only its own.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../engine/index.js';
import type { ApiEvent, RunFeedEvent } from '../../preload/contract.js';
import { sampleDoc } from '../db/testing/temp-store.js';
import { delayDoc, harness, type Harness } from './handlers/testing.js';

let h: Harness;
let ws: string;
beforeEach(async () => {
  h = harness();
  ws = h.store.defaultWorkspace.id;
});
afterEach(() => h.dispose());

/** A connection of h.api whose events are recorded, with a promise of its run's runFinished. */
function connection() {
  const events: ApiEvent[] = [];
  let finished!: () => void;
  const done = new Promise<void>((resolve) => (finished = resolve));
  const conn = h.api.openConnection((e) => {
    events.push(e);
    if (e.type === 'runEvent' && e.event.type === 'runFinished') finished();
  });
  return { conn, events, done };
}

/** Events after the snapshot must continue its numbering one by one, ending with runFinished. */
function expectSnapshotThenEvents(events: ApiEvent[], runId: string): RunEvent[] {
  const [first, ...rest] = events.filter((e): e is RunFeedEvent => e.type !== 'workspaceChanged');
  expect(first).toMatchObject({ type: 'runSnapshot', runId });
  const seqs = rest.map((e) => e.seq);
  expect(seqs).toEqual(seqs.map((_, i) => first!.seq + 1 + i));
  const runEvents = rest.map((e) => (e.type === 'runEvent' ? e.event : undefined));
  expect(runEvents.at(-1)?.type).toBe('runFinished');
  return runEvents.filter((e) => e !== undefined);
}

describe('createApi connections', () => {
  it('a subscriber mid-run gets the snapshot, then every later event until runFinished', async () => {
    const created = await h.ok('workflows.create', { workspaceId: ws, document: delayDoc(150) });
    const one = connection();
    const two = connection();
    const { runId } = await h.ok('runs.start', { workspaceId: ws, workflowId: created.id });
    await new Promise((r) => setTimeout(r, 30)); // the delay node is now waiting

    const r1 = await one.conn.call('runs.subscribe', { workspaceId: ws, runId });
    expect(r1).toMatchObject({
      ok: true,
      result: { snapshot: { runId, status: 'running', nodes: { wait: { status: 'running' } } } },
    });
    const r2 = await two.conn.call('runs.subscribe', { workspaceId: ws, runId });
    expect(r2.ok).toBe(true);
    await Promise.all([one.done, two.done]);

    const seen = expectSnapshotThenEvents(one.events, runId);
    expect(seen.map((e) => e.type)).toContain('nodeSucceeded');
    expect(seen.find((e) => e.type === 'runFinished')).toMatchObject({ status: 'succeeded' });
    expectSnapshotThenEvents(two.events, runId);
    // The harness's own connection never subscribed, so it received nothing.
    expect(h.events).toEqual([]);

    await h.api.runs.idle();
    const run = await h.ok('runs.get', { workspaceId: ws, runId });
    expect(run.status).toBe('succeeded');
    expect(run.nodes.wait).toMatchObject({ nodeType: 'core.delay', status: 'succeeded' });
    one.conn.close();
    two.conn.close();
  });

  it('connections are independent: unsubscribing or closing one leaves the other following', async () => {
    const created = await h.ok('workflows.create', { workspaceId: ws, document: delayDoc(120) });
    const one = connection();
    const two = connection();
    const { runId } = await h.ok('runs.start', { workspaceId: ws, workflowId: created.id });
    await one.conn.call('runs.subscribe', { workspaceId: ws, runId });
    await two.conn.call('runs.subscribe', { workspaceId: ws, runId });
    expect(await one.conn.call('runs.unsubscribe', { workspaceId: ws, runId })).toEqual({
      ok: true,
      result: null,
    });
    const stoppedAt = one.events.length;
    await two.done;
    expect(one.events).toHaveLength(stoppedAt);
    expectSnapshotThenEvents(two.events, runId);

    one.conn.close();
    expect(await one.conn.call('workspaces.list', {})).toMatchObject({
      ok: false,
      error: { code: 'CLOSED' },
    });
    expect((await two.conn.call('workspaces.list', {})).ok).toBe(true);
    two.conn.close();
  });

  it('a subscriber after the run finished gets its final state and nothing more', async () => {
    const { id } = await h.ok('workflows.create', { workspaceId: ws, document: sampleDoc() });
    const { runId } = await h.ok('runs.start', { workspaceId: ws, workflowId: id });
    await h.api.runs.idle();
    const sub = await h.ok('runs.subscribe', { workspaceId: ws, runId });
    expect(sub.snapshot).toEqual({
      runId,
      status: 'succeeded',
      nodes: {
        start: { status: 'succeeded', attempts: 1 },
        greet: { status: 'succeeded', attempts: 1 },
        result: { status: 'succeeded', attempts: 1 },
      },
    });
    expect(h.events).toEqual([{ type: 'runSnapshot', runId, seq: sub.seq, snapshot: sub.snapshot }]);
  });
});
