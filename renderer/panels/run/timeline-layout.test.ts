import { describe, expect, it } from 'vitest';
import type { NodeRunState } from '../../stores/run-fold.js';
import { axisTicks, barGeometry, formatTick, layoutTimeline, visibleRows } from './timeline-layout.js';

const T0 = 1_764_180_000_000;

function node(partial: Partial<NodeRunState>): NodeRunState {
  return { status: 'succeeded', attempt: 1, ...partial };
}

describe('layoutTimeline', () => {
  it('orders rows by start, then by document order, with the never-started last', () => {
    const layout = layoutTimeline(
      {
        c: node({ startedAt: T0 + 10, finishedAt: T0 + 30 }),
        a: node({ startedAt: T0, finishedAt: T0 + 5 }),
        b: node({ startedAt: T0 + 10, finishedAt: T0 + 20 }),
        z: node({ status: 'cancelled', attempt: 0 }),
        y: node({ status: 'pending', attempt: 0 }),
      },
      { runStartedAt: T0, runFinishedAt: T0 + 40, now: T0 + 1000, order: ['a', 'b', 'c', 'y', 'z'] },
    );
    expect(layout.rows.map((r) => r.nodeId)).toEqual(['a', 'b', 'c', 'y', 'z']);
    expect(layout.origin).toBe(T0);
    expect(layout.spanMs).toBe(40);
    expect(layout.rows[2]).toMatchObject({ startMs: 10, endMs: 30, open: false });
    expect(layout.rows[3]!.startMs).toBeUndefined();
  });

  it('lists reused (pinned) nodes first, without a bar, even when the record gives them a time', () => {
    const layout = layoutTimeline(
      {
        late: node({ startedAt: T0 + 10, finishedAt: T0 + 30 }),
        up2: node({ attempt: 0, pinned: true, finishedAt: T0 }),
        up1: node({ attempt: 0, pinned: true, startedAt: T0, finishedAt: T0 }),
        never: node({ status: 'pending', attempt: 0 }),
      },
      { runStartedAt: T0, runFinishedAt: T0 + 40, now: T0 + 1000, order: ['up1', 'up2', 'late', 'never'] },
    );
    expect(layout.rows.map((r) => r.nodeId)).toEqual(['up1', 'up2', 'late', 'never']);
    expect(layout.rows[0]).toEqual({ nodeId: 'up1', status: 'succeeded', attempts: 0, open: false, pinned: true });
    expect(barGeometry(layout.rows[0]!, layout.spanMs)).toBeNull();
    expect(layout.rows[2]!.pinned).toBeUndefined();
  });

  it('grows running and retrying bars to now and keeps the attempt count', () => {
    const layout = layoutTimeline(
      {
        a: node({ startedAt: T0, finishedAt: T0 + 100 }),
        flaky: node({ status: 'retrying', attempt: 2, startedAt: T0 + 100 }),
      },
      { runStartedAt: T0, now: T0 + 500 },
    );
    const flaky = layout.rows.find((r) => r.nodeId === 'flaky')!;
    expect(flaky).toMatchObject({ startMs: 100, endMs: 500, open: true, attempts: 2, status: 'retrying' });
    expect(layout.spanMs).toBe(500);
  });

  it('takes the origin from the first node when the run start is unknown, and never spans 0', () => {
    const layout = layoutTimeline({ a: node({ startedAt: T0 + 7, finishedAt: T0 + 7 }) }, { now: T0 + 9 });
    expect(layout.origin).toBe(T0 + 7);
    expect(layout.spanMs).toBe(1);
    expect(layoutTimeline({}, { now: T0 }).rows).toEqual([]);
  });

  it('uses durationMs when a finished node has no finish time', () => {
    const layout = layoutTimeline({ a: node({ startedAt: T0, durationMs: 25 }) }, { runStartedAt: T0, now: T0 + 99 });
    expect(layout.rows[0]).toMatchObject({ startMs: 0, endMs: 25 });
    expect(layout.spanMs).toBe(25);
  });

  it('lays out 2,000 nodes quickly', () => {
    const nodes: Record<string, NodeRunState> = {};
    for (let i = 0; i < 2000; i++) nodes[`n${i}`] = node({ startedAt: T0 + (i % 50), finishedAt: T0 + (i % 50) + 3 });
    const started = performance.now();
    const layout = layoutTimeline(nodes, { runStartedAt: T0, runFinishedAt: T0 + 60, now: T0 + 60 });
    expect(layout.rows).toHaveLength(2000);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('barGeometry', () => {
  it('places a bar in percent of the span', () => {
    expect(barGeometry({ nodeId: 'a', status: 'succeeded', attempts: 1, startMs: 25, endMs: 75, open: false }, 100)).toEqual({
      leftPct: 25,
      widthPct: 50,
    });
  });

  it('gives instant nodes a minimum width that stays inside the axis', () => {
    const g = barGeometry({ nodeId: 'a', status: 'succeeded', attempts: 1, startMs: 100, endMs: 100, open: false }, 100, 1);
    expect(g).toEqual({ leftPct: 99, widthPct: 1 });
  });

  it('has no bar for a node that never started', () => {
    expect(barGeometry({ nodeId: 'a', status: 'pending', attempts: 0, open: false }, 100)).toBeNull();
  });
});

describe('axisTicks', () => {
  it('picks round steps', () => {
    expect(axisTicks(1000, 5).map((t) => t.atMs)).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(axisTicks(2500, 5).map((t) => t.label)).toEqual(['0', '500 ms', '1 s', '1.5 s', '2 s', '2.5 s']);
    expect(axisTicks(12_000, 6).map((t) => t.label)).toEqual(['0', '2 s', '4 s', '6 s', '8 s', '10 s', '12 s']);
  });

  it('copes with sub-millisecond spans', () => {
    const ticks = axisTicks(0.4, 4);
    expect(ticks[0]!.atMs).toBe(0);
    expect(ticks.at(-1)!.pct).toBeLessThanOrEqual(100.0001);
    expect(ticks[1]!.label).toBe('0.1 ms');
  });

  it('labels minutes', () => {
    expect(formatTick(90_000, 30_000)).toBe('1.5 min');
    expect(formatTick(1500, 500)).toBe('1.5 s');
    expect(formatTick(1200, 200)).toBe('1.2 s');
    expect(formatTick(3000, 1000)).toBe('3 s');
    expect(formatTick(0.5, 0.1)).toBe('0.5 ms');
  });
});

describe('visibleRows', () => {
  it('answers the window of rows to draw, with overscan, inside the list', () => {
    expect(visibleRows(0, 100, 20, 1000, 2)).toEqual({ first: 0, end: 7 });
    expect(visibleRows(400, 100, 20, 1000, 2)).toEqual({ first: 18, end: 27 });
    expect(visibleRows(19_990, 100, 20, 1000, 2)).toEqual({ first: 997, end: 1000 });
    expect(visibleRows(0, 100, 20, 0)).toEqual({ first: 0, end: 0 });
  });
});
