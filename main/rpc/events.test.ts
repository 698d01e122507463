import { describe, expect, it } from 'vitest';
import type { NodeStatus, RunEvent, RunSnapshot } from '../../engine/index.js';
import type { RunFeedEvent, RunSubscription } from '../../preload/contract.js';
import { NotFoundError } from '../errors.js';
import { createRunSubscriptions, type RunEventSource } from './events.js';
import { createRunFeed } from './run-feed.js';

type Status = RunSnapshot['status'];
interface State {
  status: Status;
  nodes: Record<string, { status: NodeStatus; attempts: number }>;
}

/** Folds one event into a snapshot-shaped state, as the renderer's run store will. */
function apply(state: State, e: RunEvent): void {
  if (e.type === 'runFinished') state.status = e.status;
  if (e.type === 'runStarted' || e.type === 'runFinished' || e.type === 'nodeLog') return;
  const node = (state.nodes[e.nodeId] ??= { status: 'pending', attempts: 0 });
  if (e.type === 'nodeStarted') Object.assign(node, { status: 'running', attempts: e.attempt });
  if (e.type === 'nodeSucceeded') node.status = 'succeeded';
  if (e.type === 'nodeFailed') node.status = 'failed';
}

/** A run of three nodes that emits its events one step at a time through a feed, keeping its own state. */
function fakeRun(runId = 'run-1') {
  const feed = createRunFeed();
  const state: State = { status: 'running', nodes: {} };
  const at = 0;
  const events: RunEvent[] = [{ type: 'runStarted', runId, at, nodeIds: ['a', 'b', 'c'] }];
  for (const nodeId of ['a', 'b', 'c']) {
    state.nodes[nodeId] = { status: 'pending', attempts: 0 };
    events.push({ type: 'nodeStarted', runId, nodeId, at, attempt: 1 });
    events.push({ type: 'nodeSucceeded', runId, nodeId, at, durationMs: 1, outputs: {} });
  }
  events.push({ type: 'runFinished', runId, at, status: 'succeeded', durationMs: 3 });
  let next = 0;
  const run = {
    feed,
    events,
    /** Emits the next `n` events (state first, then the feed, as the runs service would). */
    step(n = 1) {
      for (let i = 0; i < n && next < events.length; i++) {
        const e = events[next++]!;
        apply(state, e);
        feed.publish(e);
      }
    },
    snapshot(): RunSubscription {
      return { snapshot: structuredClone({ runId, ...state }), seq: feed.seqOf(runId) };
    },
    final(): State {
      const s: State = { status: 'running', nodes: { a: { status: 'pending', attempts: 0 }, b: { status: 'pending', attempts: 0 }, c: { status: 'pending', attempts: 0 } } };
      for (const e of events) apply(s, e);
      return s;
    },
  };
  return run;
}

/** A connection that records what was pushed to it and folds it like a client. */
function connection(source: RunEventSource) {
  const got: RunFeedEvent[] = [];
  const subs = createRunSubscriptions(source, (e) => got.push(e));
  function view(): State | undefined {
    let state: State | undefined;
    let last = -1;
    for (const e of got) {
      if (e.type === 'runSnapshot') {
        state = { status: e.snapshot.status, nodes: structuredClone({ ...e.snapshot.nodes }) };
        last = e.seq;
      } else {
        expect(e.seq).toBe(last + 1); // contiguous: nothing lost, nothing repeated
        last = e.seq;
        if (state) apply(state, e.event);
      }
    }
    return state;
  }
  return { got, subs, view };
}

function sourceOf(run: ReturnType<typeof fakeRun>, snapshotOf?: RunEventSource['snapshotOf']): RunEventSource {
  return { snapshotOf: snapshotOf ?? (() => run.snapshot()), listen: run.feed.listen };
}

describe('run subscriptions', () => {
  it('sends the snapshot first, then the later events in order, and ends at runFinished', async () => {
    const run = fakeRun();
    run.step(3);
    const c = connection(sourceOf(run));
    const answer = await c.subs.subscribe('ws', 'run-1');
    expect(answer.seq).toBe(3);
    expect(c.got[0]).toEqual({ type: 'runSnapshot', runId: 'run-1', seq: 3, snapshot: answer.snapshot });
    run.step(100);
    expect(c.got.map((e) => e.seq)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(c.view()).toEqual(run.final());
    expect(c.subs.size).toBe(0);
  });

  it('loses and repeats nothing when the run emits while an early snapshot is on its way', async () => {
    const run = fakeRun();
    run.step(2);
    const c = connection(
      sourceOf(run, async () => {
        const taken = run.snapshot(); // taken now, answered after two more events
        run.step(2);
        await Promise.resolve();
        return taken;
      }),
    );
    await c.subs.subscribe('ws', 'run-1');
    run.step(100);
    expect(c.got.map((e) => e.seq)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(c.view()).toEqual(run.final());
  });

  it('loses and repeats nothing when the snapshot is taken after events it already reflects', async () => {
    const run = fakeRun();
    run.step(1);
    const c = connection(
      sourceOf(run, async () => {
        run.step(3); // these reach the listener before the snapshot that includes them
        await Promise.resolve();
        return run.snapshot();
      }),
    );
    const answer = await c.subs.subscribe('ws', 'run-1');
    expect(answer.seq).toBe(4);
    run.step(100);
    expect(c.got.map((e) => e.seq)).toEqual([4, 5, 6, 7, 8]);
    expect(c.view()).toEqual(run.final());
  });

  it('sends only the snapshot of a finished run', async () => {
    const run = fakeRun();
    run.step(100);
    const c = connection(sourceOf(run));
    const answer = await c.subs.subscribe('ws', 'run-1');
    expect(answer.snapshot.status).toBe('succeeded');
    expect(c.got).toHaveLength(1);
    expect(c.subs.size).toBe(0);
  });

  it('stops sending after unsubscribe, even one made while the snapshot was pending', async () => {
    const run = fakeRun();
    run.step(1);
    const c = connection(sourceOf(run));
    await c.subs.subscribe('ws', 'run-1');
    c.subs.unsubscribe('run-1');
    run.step(2);
    expect(c.got).toHaveLength(1);

    const d = connection(sourceOf(run, async () => (await Promise.resolve(), run.snapshot())));
    const pending = d.subs.subscribe('ws', 'run-1');
    d.subs.unsubscribe('run-1');
    await pending;
    run.step(2);
    expect(d.got).toEqual([]);
  });

  it('replaces an earlier subscription to the same run: nothing doubled', async () => {
    const run = fakeRun();
    run.step(1);
    const c = connection(sourceOf(run));
    await c.subs.subscribe('ws', 'run-1');
    run.step(1);
    await c.subs.subscribe('ws', 'run-1');
    run.step(100);
    expect(c.got.filter((e) => e.type === 'runEvent').map((e) => e.seq)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(c.got.filter((e) => e.type === 'runSnapshot').map((e) => e.seq)).toEqual([1, 2]);
  });

  it('answers NOT_FOUND for a run the workspace does not have, and stops listening', async () => {
    const run = fakeRun();
    const c = connection(sourceOf(run, () => undefined));
    await expect(c.subs.subscribe('other', 'run-1')).rejects.toBeInstanceOf(NotFoundError);
    run.step(3);
    expect(c.got).toEqual([]);
    expect(c.subs.size).toBe(0);
  });

  it('keeps connections apart; close() stops one; a failing send closes only its connection', async () => {
    const run = fakeRun();
    run.step(1);
    const a = connection(sourceOf(run));
    const b = connection(sourceOf(run));
    const broken = createRunSubscriptions(sourceOf(run), (e) => {
      if (e.type === 'runEvent') throw new Error('socket closed');
    });
    await a.subs.subscribe('ws', 'run-1');
    await b.subs.subscribe('ws', 'run-1');
    await broken.subscribe('ws', 'run-1');
    a.subs.close();
    run.step(100);
    expect(a.got).toHaveLength(1);
    expect(b.view()).toEqual(run.final());
    expect(broken.size).toBe(0);
    await expect(a.subs.subscribe('ws', 'run-1')).rejects.toMatchObject({ code: 'CLOSED' });
  });
});

describe('run feed', () => {
  it('numbers events per run and forgets a run once finished and unheard', () => {
    const feed = createRunFeed();
    const seen: number[] = [];
    const stop = feed.listen('r', (_e, seq) => seen.push(seq));
    feed.publish({ type: 'runStarted', runId: 'r', at: 0, nodeIds: [] });
    feed.publish({ type: 'runStarted', runId: 'other', at: 0, nodeIds: [] });
    feed.publish({ type: 'runFinished', runId: 'r', at: 0, status: 'succeeded', durationMs: 0 });
    expect(seen).toEqual([1, 2]);
    expect(feed.seqOf('other')).toBe(1);
    expect(feed.seqOf('r')).toBe(0);
    stop();
  });

  it('keeps going when a listener throws', () => {
    const feed = createRunFeed();
    const seen: number[] = [];
    feed.listen('r', () => {
      throw new Error('boom');
    });
    feed.listen('r', (_e, seq) => seen.push(seq));
    feed.publish({ type: 'runStarted', runId: 'r', at: 0, nodeIds: [] });
    expect(seen).toEqual([1]);
  });
});
