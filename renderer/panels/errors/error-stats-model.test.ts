import { describe, expect, it } from 'vitest';
import type { ErrorStat, RunSummary } from '../../../preload/contract.js';
import { failureTrend, groupErrorStats, trendDirection } from './error-stats-model.js';

function stat(nodeType: string, code: string, count: number, lastAt: number, message = `${code} in ${nodeType}`): ErrorStat {
  return { nodeType, code, count, lastMessage: message, lastAt, lastRunId: `run_${lastAt}`, lastNodeId: `${nodeType}-node` };
}

const entries = [
  stat('core.http', 'TIMEOUT', 6, 100),
  stat('core.http', 'NODE_ERROR', 2, 300, 'boom'),
  stat('core.code', 'NODE_ERROR', 3, 200, 'boom'),
  stat('core.fail', 'NODE_ERROR', 1, 50),
];

describe('groupErrorStats', () => {
  it('groups by node type with the codes as breakdown and the latest failure', () => {
    const chart = groupErrorStats(entries, 'nodeType');
    expect(chart.total).toBe(12);
    expect(chart.bars.map((b) => [b.key, b.count])).toEqual([
      ['core.http', 8],
      ['core.code', 3],
      ['core.fail', 1],
    ]);
    const http = chart.bars[0]!;
    expect(http.breakdown).toEqual([
      { key: 'TIMEOUT', count: 6 },
      { key: 'NODE_ERROR', count: 2 },
    ]);
    expect(http.last).toMatchObject({ lastAt: 300, code: 'NODE_ERROR', lastNodeId: 'core.http-node' });
    expect(http.scale).toBe(1);
    expect(chart.bars[1]!.scale).toBeCloseTo(3 / 8);
    expect(http.share).toBeCloseTo(8 / 12);
    expect(chart.other).toBeNull();
  });

  it('groups by code and by message', () => {
    expect(groupErrorStats(entries, 'code').bars.map((b) => [b.key, b.count])).toEqual([
      ['NODE_ERROR', 6],
      ['TIMEOUT', 6],
    ]);
    const byMessage = groupErrorStats(entries, 'message');
    expect(byMessage.bars[0]).toMatchObject({ key: 'TIMEOUT in core.http', count: 6 });
    expect(byMessage.bars.find((b) => b.key === 'boom')).toMatchObject({
      count: 5,
      breakdown: [
        { key: 'core.code', count: 3 },
        { key: 'core.http', count: 2 },
      ],
    });
  });

  it('breaks ties by the latest failure and folds the rest into "other"', () => {
    const chart = groupErrorStats(entries, 'code', 1);
    // NODE_ERROR and TIMEOUT both count 6; NODE_ERROR failed last (at 300).
    expect(chart.bars.map((b) => b.key)).toEqual(['NODE_ERROR']);
    expect(chart.other).toEqual({ count: 6, groups: 1 });
  });

  it('copes with no failures', () => {
    expect(groupErrorStats([], 'nodeType')).toEqual({ total: 0, bars: [], other: null });
  });
});

function run(id: string, status: RunSummary['status'], startedAt: number): RunSummary {
  return { id, workflowId: 'wf', workflowVersion: 1, status, origin: { kind: 'run' }, startedAt, finishedAt: null, durationMs: null, error: null };
}

describe('failureTrend', () => {
  it('orders oldest first, leaves running runs out and compares the halves', () => {
    // Newest first, as runs.list answers.
    const runs = [
      run('r6', 'running', 6),
      run('r5', 'failed', 5),
      run('r4', 'interrupted', 4),
      run('r3', 'succeeded', 3),
      run('r2', 'succeeded', 2),
      run('r1', 'cancelled', 1),
    ];
    const trend = failureTrend(runs);
    expect(trend.points.map((p) => p.runId)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
    expect(trend.points.map((p) => p.failed)).toEqual([false, false, false, true, true]);
    expect(trend.recentRate).toBe(1);
    expect(trend.earlierRate).toBe(0);
    expect(trendDirection(trend)).toBe('up');
  });

  it('has no direction with fewer than two runs', () => {
    const trend = failureTrend([run('r1', 'failed', 1)]);
    expect(trend.recentRate).toBe(1);
    expect(trendDirection(trend)).toBeNull();
    expect(trendDirection(failureTrend([]))).toBeNull();
    expect(trendDirection(failureTrend([run('b', 'failed', 2), run('a', 'failed', 1)]))).toBe('flat');
  });
});
