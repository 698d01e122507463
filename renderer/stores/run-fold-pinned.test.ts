// A run from a node: the nodes upstream of it did not run, their recorded outputs were reused. Whatever
// way the editor learns of the run (live events, a late snapshot, the stored record), those nodes are
// marked as reused, never shown as a success that took 0 ms.
import { describe, expect, it } from 'vitest';
import type { ApiEvent, RunDetail } from '../../preload/contract.js';
import { foldEvents, IDLE_RUN, mergeDetail, type RunView } from './run-fold.js';

const started: RunView = { ...IDLE_RUN, runId: 'r2', workflowId: 'w', status: 'running', reusedFrom: 'r1' };

describe('reused (pinned) nodes', () => {
  it('are marked from the live nodeSucceeded event, without a duration', () => {
    const events: ApiEvent[] = [
      {
        type: 'runEvent',
        runId: 'r2',
        seq: 1,
        event: { type: 'runStarted', runId: 'r2', at: 1000, nodeIds: ['a', 'b'] },
      },
      {
        type: 'runEvent',
        runId: 'r2',
        seq: 2,
        event: {
          type: 'nodeSucceeded',
          runId: 'r2',
          nodeId: 'a',
          at: 1000,
          durationMs: 0,
          outputs: { out: 1 },
          pinned: true,
        },
      },
      {
        type: 'runEvent',
        runId: 'r2',
        seq: 3,
        event: { type: 'nodeSucceeded', runId: 'r2', nodeId: 'b', at: 1000, durationMs: 0, outputs: {} },
      },
    ];
    const run = foldEvents(started, events);
    expect(run.nodes['a']).toMatchObject({ status: 'succeeded', pinned: true, outputs: { out: 1 } });
    expect(run.nodes['a']!.durationMs).toBeUndefined();
    // A node that ran in no measurable time is still one that ran.
    expect(run.nodes['b']).toMatchObject({ status: 'succeeded', durationMs: 0 });
    expect(run.nodes['b']!.pinned).toBeUndefined();
    expect(run.reusedFrom).toBe('r1');
  });

  it('are marked from a snapshot, for a window that subscribed after they settled', () => {
    const run = foldEvents(started, [
      {
        type: 'runSnapshot',
        runId: 'r2',
        seq: 4,
        snapshot: {
          runId: 'r2',
          status: 'running',
          nodes: {
            a: { status: 'succeeded', attempts: 0, pinned: true },
            b: { status: 'running', attempts: 1 },
          },
        },
      },
    ]);
    expect(run.nodes['a']).toEqual({ status: 'succeeded', attempt: 0, pinned: true });
    expect(run.nodes['b']).toEqual({ status: 'running', attempt: 1 });
  });

  it('are marked from the stored record, which names the run they came from', () => {
    const detail: RunDetail = {
      id: 'r2',
      workflowId: 'w',
      workflowVersion: 2,
      status: 'succeeded',
      origin: { kind: 'fromNode', nodeId: 'b', sourceRunId: 'r1' },
      startedAt: 1000,
      finishedAt: 1010,
      durationMs: 10,
      error: null,
      input: null,
      outputs: {},
      nodes: {
        a: { nodeType: 'core.manual', status: 'succeeded', attempts: 0, finishedAt: 1000, outputs: { out: 1 }, pinned: true },
        b: { nodeType: 'core.set', status: 'succeeded', attempts: 1, startedAt: 1001, finishedAt: 1009, durationMs: 8 },
      },
    };
    // Opened from the history: the view did not know where the outputs came from.
    const opened: RunView = { ...IDLE_RUN, runId: 'r2', workflowId: 'w', status: 'running' };
    const run = mergeDetail(opened, detail);
    expect(run.reusedFrom).toBe('r1');
    expect(run.nodes['a']).toMatchObject({ status: 'succeeded', attempt: 0, pinned: true, outputs: { out: 1 } });
    expect(run.nodes['a']!.durationMs).toBeUndefined();
    expect(run.nodes['a']!.inputs).toBeUndefined();
    expect(run.nodes['b']).toMatchObject({ attempt: 1, durationMs: 8 });
    expect(run.nodes['b']!.pinned).toBeUndefined();
  });

  it('ignore workspace changes, even one naming the run shown', () => {
    const change: ApiEvent = { type: 'workspaceChanged', workspaceId: 'ws', what: 'runs', workflowId: 'w', runId: 'r2' };
    expect(foldEvents(started, [change])).toBe(started);
  });
});
