import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../engine/events.js';
import type { ApiEvent, RunDetail } from '../../preload/contract.js';
import { foldEvents, IDLE_RUN, isFinished, mergeDetail, type RunView } from './run-fold.js';

const started: RunView = { ...IDLE_RUN, runId: 'r1', workflowId: 'w', status: 'running' };
let seq = 0;
const ev = (event: RunEvent, runId = 'r1'): ApiEvent => ({ type: 'runEvent', runId, seq: ++seq, event });
const base = { runId: 'r1', at: 1000 };

describe('foldEvents', () => {
  it('follows a node through retries to success, and the run to its end', () => {
    seq = 0;
    const run = foldEvents(started, [
      ev({ type: 'runStarted', runId: 'r1', at: 1000, nodeIds: ['a', 'b'] }),
      ev({ ...base, type: 'nodeStarted', nodeId: 'a', attempt: 1 }),
      ev({
        ...base,
        at: 1010,
        type: 'nodeRetrying',
        nodeId: 'a',
        attempt: 1,
        delayMs: 200,
        error: { message: 'boom', code: 'NODE_ERROR' },
      }),
    ]);
    expect(run.nodes['a']).toMatchObject({
      status: 'retrying',
      attempt: 1,
      retryDelayMs: 200,
      error: { message: 'boom' },
    });
    expect(run.nodes['b']).toEqual({ status: 'pending', attempt: 0 });
    const later = foldEvents(run, [
      ev({ ...base, at: 1300, type: 'nodeStarted', nodeId: 'a', attempt: 2 }),
      ev({ ...base, at: 1350, type: 'nodeSucceeded', nodeId: 'a', durationMs: 350, outputs: { out: 1 } }),
      ev({ ...base, at: 1360, type: 'nodeSkipped', nodeId: 'b', reason: 'no input' }),
      ev({ type: 'runFinished', runId: 'r1', at: 1400, status: 'succeeded', durationMs: 400 }),
    ]);
    expect(later.nodes['a']).toMatchObject({
      status: 'succeeded',
      attempt: 2,
      startedAt: 1000,
      durationMs: 350,
      outputs: { out: 1 },
      error: undefined,
    });
    expect(later.nodes['b']).toMatchObject({ status: 'skipped', reason: 'no input' });
    expect(later.status).toBe('succeeded');
    expect(isFinished(later.status)).toBe(true);
    expect(later.lastSeq).toBe(seq);
  });

  it('ignores other runs and events already applied', () => {
    seq = 0;
    const a = foldEvents(started, [ev({ ...base, type: 'nodeStarted', nodeId: 'a', attempt: 1 })]);
    expect(foldEvents(a, [ev({ ...base, type: 'nodeStarted', nodeId: 'x', attempt: 1 }, 'other')])).toBe(a);
    const replay: ApiEvent = {
      type: 'runEvent',
      runId: 'r1',
      seq: 1,
      event: { ...base, type: 'nodeFailed', nodeId: 'a', error: { message: 'x', code: 'NODE_ERROR' } },
    };
    expect(foldEvents(a, [replay]).nodes['a']!.status).toBe('running');
  });

  it('applies a snapshot over what is known, keeping details', () => {
    const known: RunView = {
      ...started,
      lastSeq: 2,
      nodes: { a: { status: 'succeeded', attempt: 1, durationMs: 5, outputs: { out: 1 } } },
    };
    const next = foldEvents(known, [
      {
        type: 'runSnapshot',
        runId: 'r1',
        seq: 7,
        snapshot: {
          runId: 'r1',
          status: 'running',
          nodes: { a: { status: 'succeeded', attempts: 1 }, b: { status: 'running', attempts: 2 } },
        },
      },
    ]);
    expect(next.nodes['a']).toBe(known.nodes['a']);
    expect(next.nodes['b']).toEqual({ status: 'running', attempt: 2 });
    expect(next.lastSeq).toBe(7);
  });

  it('keeps the last log lines of a node', () => {
    seq = 0;
    const logs = Array.from({ length: 250 }, (_, i) =>
      ev({ ...base, type: 'nodeLog', nodeId: 'a', level: 'info', message: `l${i}` }),
    );
    const run = foldEvents(started, logs);
    expect(run.nodes['a']!.logs).toHaveLength(200);
    expect(run.nodes['a']!.logs![199]!.message).toBe('l249');
  });
});

describe('mergeDetail', () => {
  it('takes the record as the final word', () => {
    const detail: RunDetail = {
      id: 'r1',
      workflowId: 'w',
      workflowVersion: 1,
      status: 'failed',
      origin: { kind: 'run' },
      startedAt: 1,
      finishedAt: 9,
      durationMs: 8,
      error: null,
      input: null,
      outputs: {},
      nodes: {
        a: {
          status: 'failed',
          attempts: 3,
          nodeType: 'core.http',
          error: { message: '503', code: 'NODE_ERROR' },
          durationMs: 7,
          inputs: { in: { url: 'https://example.test' } },
        },
      },
    };
    const run = mergeDetail(started, detail);
    expect(run.status).toBe('failed');
    expect(run.nodes['a']).toMatchObject({
      status: 'failed',
      attempt: 3,
      durationMs: 7,
      error: { message: '503' },
      inputs: { in: { url: 'https://example.test' } },
    });
    expect(mergeDetail(started, { ...detail, id: 'other' })).toBe(started);
  });
});

describe('the run store', () => {
  it('forgets everything of the last run when cleared', async () => {
    const { createRunStore } = await import('./run.store.js');
    const store = createRunStore();
    store.getState().started('r1', 'w');
    store.getState().applyEvents([
      {
        type: 'runEvent',
        runId: 'r1',
        seq: 1,
        event: { type: 'runFinished', runId: 'r1', at: 5, status: 'cancelled', durationMs: 5 },
      },
    ]);
    store.getState().clear();
    expect(store.getState()).toMatchObject({
      status: 'idle',
      runId: null,
      durationMs: undefined,
      finishedAt: undefined,
      nodes: {},
    });
  });
});
