import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../events.js';
import { createTestKit, sleep } from '../testing/nodes.js';
import { edge, eventsOf, node, run, start, workflow } from '../testing/workflow.js';

const TERMINAL = new Set(['nodeSucceeded', 'nodeFailed', 'nodeSkipped', 'nodeCancelled']);

/** Checks the per-node grammar of SPEC §3.8 on every node of the run, and the framing. */
function expectWellFormed(events: readonly RunEvent[]): void {
  expect(events[0]!.type).toBe('runStarted');
  expect(events.at(-1)!.type).toBe('runFinished');
  expect(events.filter((e) => e.type === 'runStarted' || e.type === 'runFinished')).toHaveLength(2);
  const started = events[0] as Extract<RunEvent, { type: 'runStarted' }>;
  for (const id of started.nodeIds) {
    const mine = eventsOf(events, id);
    const terminal = mine.filter((e) => TERMINAL.has(e.type));
    expect(terminal, `terminal events of ${id}`).toHaveLength(1);
    expect(mine.at(-1), `last event of ${id}`).toBe(terminal[0]);
    // Between start and end: nodeStarted k, then (nodeRetrying k, nodeStarted k+1)*.
    let attempt = 0;
    for (const e of mine.slice(0, -1)) {
      if (e.type === 'nodeStarted') expect(e.attempt, `${id} attempts`).toBe(++attempt);
      else if (e.type === 'nodeRetrying') expect(e.attempt, `${id} retrying`).toBe(attempt);
      else throw new Error(`unexpected ${e.type} for ${id} before its end`);
    }
  }
  for (let i = 1; i < events.length; i++) expect(events[i]!.at).toBeGreaterThanOrEqual(events[i - 1]!.at);
}

describe('run events (SPEC §3.8)', () => {
  it('frames the run and gives a retrying node exactly started, retrying, started, …, one terminal event', async () => {
    const kit = createTestKit();
    const doc = workflow(
      [
        node(
          'f',
          'test.flaky',
          { failures: 2 },
          { retry: { maxAttempts: 3, initialDelayMs: 5, jitter: false } },
        ),
        node('g', 'test.pass'),
      ],
      [edge('f', 'g')],
    );
    const { record, events } = await run(doc, kit, { runId: 'run-42' });
    expect(events[0]).toMatchObject({ type: 'runStarted', runId: 'run-42', nodeIds: ['f', 'g'] });
    expect(eventsOf(events, 'f').map((e) => ({ ...e, at: 0 }))).toEqual([
      { type: 'nodeStarted', runId: 'run-42', nodeId: 'f', at: 0, attempt: 1 },
      {
        type: 'nodeRetrying',
        runId: 'run-42',
        nodeId: 'f',
        at: 0,
        attempt: 1,
        delayMs: 5,
        error: { message: 'attempt 1 failed', code: 'NODE_ERROR' },
      },
      { type: 'nodeStarted', runId: 'run-42', nodeId: 'f', at: 0, attempt: 2 },
      {
        type: 'nodeRetrying',
        runId: 'run-42',
        nodeId: 'f',
        at: 0,
        attempt: 2,
        delayMs: 10,
        error: { message: 'attempt 2 failed', code: 'NODE_ERROR' },
      },
      { type: 'nodeStarted', runId: 'run-42', nodeId: 'f', at: 0, attempt: 3 },
      {
        type: 'nodeSucceeded',
        runId: 'run-42',
        nodeId: 'f',
        at: 0,
        durationMs: record.nodes.f!.durationMs,
        outputs: { out: 3 },
      },
    ]);
    expect(events.at(-1)).toMatchObject({
      type: 'runFinished',
      runId: 'run-42',
      status: 'succeeded',
      durationMs: record.durationMs,
    });
    expect(record.runId).toBe('run-42');
    expectWellFormed(events);
  });

  it('ends a failed run with nodeFailed, then the cancellations, then runFinished failed', async () => {
    const kit = createTestKit();
    const doc = workflow(
      [
        node('slow', 'test.delay', { ms: 500 }),
        node('bad', 'test.flaky', { message: 'x' }),
        node('next', 'test.pass'),
      ],
      [edge('slow', 'next')],
    );
    const { events } = await run(doc, kit);
    expectWellFormed(events);
    const tail = events.slice(-4).map((e) => [e.type, 'nodeId' in e ? e.nodeId : '']);
    expect(tail).toEqual([
      ['nodeFailed', 'bad'],
      ['nodeCancelled', 'slow'],
      ['nodeCancelled', 'next'],
      ['runFinished', ''],
    ]);
    expect(events.at(-1)).toMatchObject({ status: 'failed' });
    expect(events.find((e) => e.type === 'nodeFailed')).toMatchObject({
      nodeId: 'bad',
      error: { message: 'x', code: 'NODE_ERROR' },
    });
  });

  it('gives skipped nodes one nodeSkipped with a reason, and no nodeStarted', async () => {
    const kit = createTestKit();
    const doc = workflow(
      [node('br', 'test.branch', { port: 'yes' }), node('n', 'test.pass'), node('m', 'test.pass')],
      [edge('br', 'n', 'no'), edge('n', 'm')],
    );
    const { events } = await run(doc, kit);
    expectWellFormed(events);
    for (const id of ['n', 'm']) {
      const mine = eventsOf(events, id);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({
        type: 'nodeSkipped',
        reason: expect.stringContaining('received nothing'),
      });
    }
  });

  it('stays well formed for every outcome at once', async () => {
    const kit = createTestKit();
    const doc = workflow([
      node('ok', 'test.delay', { ms: 5 }),
      node('skip', 'test.flaky', {}, { onError: 'skip', retry: { maxAttempts: 2, initialDelayMs: 1 } }),
      node('fb', 'test.flaky', {}, { onError: 'fallback', fallback: { out: 0 } }),
      node('route', 'test.flaky', {}, { onError: 'route' }),
      node('timeout', 'test.hang', {}, { timeoutMs: 20, onError: 'skip' }),
    ]);
    const { record, events } = await run(doc, kit);
    expect(record.status).toBe('succeeded');
    expectWellFormed(events);
  });

  it('keeps running when a listener throws', async () => {
    const kit = createTestKit();
    const doc = workflow(
      [
        node('a', 'test.delay', { ms: 5, value: 1 }),
        node('b', 'test.pass'),
        node('o', 'test.output', { name: 'r' }),
      ],
      [edge('a', 'b'), edge('b', 'o')],
    );
    const { handle, events } = start(doc, kit, {
      onEvent: () => {
        throw new Error('listener bug');
      },
    });
    const record = await handle.done;
    expect(record.status).toBe('succeeded');
    expect(record.outputs).toEqual({ r: 1 });
    expectWellFormed(events);
  });
});

describe('run: snapshot()', () => {
  it('shows running and pending nodes with their attempts mid-run, and the final status after', async () => {
    const kit = createTestKit();
    const doc = workflow(
      [node('a', 'test.delay', { ms: 80 }), node('b', 'test.pass'), node('c', 'test.source')],
      [edge('a', 'b')],
    );
    const { handle } = start(doc, kit, { runId: 'snap' });
    await sleep(30);
    expect(handle.snapshot()).toEqual({
      runId: 'snap',
      status: 'running',
      nodes: {
        a: { status: 'running', attempts: 1 },
        b: { status: 'pending', attempts: 0 },
        c: { status: 'succeeded', attempts: 1 },
      },
    });
    await handle.done;
    expect(handle.snapshot()).toEqual({
      runId: 'snap',
      status: 'succeeded',
      nodes: {
        a: { status: 'succeeded', attempts: 1 },
        b: { status: 'succeeded', attempts: 1 },
        c: { status: 'succeeded', attempts: 1 },
      },
    });
  });

  it('counts attempts while a node waits between tries', async () => {
    const kit = createTestKit();
    const doc = workflow([
      node(
        'f',
        'test.flaky',
        { failures: 2 },
        { retry: { maxAttempts: 3, initialDelayMs: 60, backoffFactor: 1, jitter: false } },
      ),
    ]);
    const { handle } = start(doc, kit);
    await sleep(30);
    expect(handle.snapshot().nodes.f).toEqual({ status: 'running', attempts: 1 });
    await sleep(60);
    expect(handle.snapshot().nodes.f).toEqual({ status: 'running', attempts: 2 });
    expect((await handle.done).nodes.f!.attempts).toBe(3);
  });

  it('shows a cancelled run as cancelled', async () => {
    const kit = createTestKit();
    const { handle } = start(workflow([node('h', 'test.hang')]), kit);
    await sleep(10);
    handle.cancel();
    await handle.done;
    expect(handle.snapshot()).toMatchObject({
      status: 'cancelled',
      nodes: { h: { status: 'cancelled', attempts: 1 } },
    });
  });
});
