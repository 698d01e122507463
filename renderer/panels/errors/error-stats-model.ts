// The error statistics as the chart shows them: `runs.errorStats` answers failures per (node type,
// code); the chart groups them by node type, by code or by message, keeps the largest groups and
// folds the rest into one "other" bar. The trend is read from the recent runs' statuses.
import type { ErrorStat, RunSummary } from '../../../preload/contract.js';

export type ErrorGrouping = 'nodeType' | 'code' | 'message';

export interface ErrorBar {
  readonly key: string;
  readonly count: number;
  /** Of all failures counted, 0..1. */
  readonly share: number;
  /** Of the largest bar, 0..1: the bar's drawn length. */
  readonly scale: number;
  /** What it is made of, by the other dimension (codes of a node type, node types of a code). */
  readonly breakdown: ReadonlyArray<{ readonly key: string; readonly count: number }>;
  /** The latest failure in the group. */
  readonly last: Pick<ErrorStat, 'lastMessage' | 'lastAt' | 'lastRunId' | 'lastNodeId' | 'nodeType' | 'code'>;
}

export interface ErrorChart {
  readonly total: number;
  readonly bars: readonly ErrorBar[];
  /** Failures in the groups beyond the `top` shown, or null when every group is shown. */
  readonly other: { readonly count: number; readonly groups: number } | null;
}

function keyOf(stat: ErrorStat, by: ErrorGrouping): string {
  if (by === 'nodeType') return stat.nodeType;
  if (by === 'code') return stat.code;
  return stat.lastMessage.trim() || '(no message)';
}

function breakdownKey(stat: ErrorStat, by: ErrorGrouping): string {
  return by === 'nodeType' ? stat.code : stat.nodeType;
}

/** Groups the statistics for the chart, largest first (ties: latest first), at most `top` bars. */
export function groupErrorStats(entries: readonly ErrorStat[], by: ErrorGrouping, top = 10): ErrorChart {
  const groups = new Map<string, { count: number; parts: Map<string, number>; last: ErrorStat }>();
  let total = 0;
  for (const stat of entries) {
    total += stat.count;
    const key = keyOf(stat, by);
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { count: stat.count, parts: new Map([[breakdownKey(stat, by), stat.count]]), last: stat });
      continue;
    }
    group.count += stat.count;
    const part = breakdownKey(stat, by);
    group.parts.set(part, (group.parts.get(part) ?? 0) + stat.count);
    if (stat.lastAt > group.last.lastAt) group.last = stat;
  }
  const sorted = [...groups.entries()].sort(
    ([ka, a], [kb, b]) => b.count - a.count || b.last.lastAt - a.last.lastAt || ka.localeCompare(kb),
  );
  const shown = sorted.slice(0, Math.max(0, top));
  const max = shown[0]?.[1].count ?? 0;
  const bars = shown.map(([key, g]): ErrorBar => ({
    key,
    count: g.count,
    share: total === 0 ? 0 : g.count / total,
    scale: max === 0 ? 0 : g.count / max,
    breakdown: [...g.parts.entries()]
      .sort(([ka, a], [kb, b]) => b - a || ka.localeCompare(kb))
      .map(([k, count]) => ({ key: k, count })),
    last: {
      lastMessage: g.last.lastMessage,
      lastAt: g.last.lastAt,
      lastRunId: g.last.lastRunId,
      lastNodeId: g.last.lastNodeId,
      nodeType: g.last.nodeType,
      code: g.last.code,
    },
  }));
  const rest = sorted.slice(shown.length);
  const other = rest.length === 0 ? null : { count: rest.reduce((n, [, g]) => n + g.count, 0), groups: rest.length };
  return { total, bars, other };
}

/** Run statuses that count as a failure in the trend. */
const FAILED = new Set<RunSummary['status']>(['failed', 'interrupted']);

export interface TrendPoint {
  readonly runId: string;
  readonly status: RunSummary['status'];
  readonly failed: boolean;
  readonly startedAt: number;
}

export interface FailureTrend {
  /** Finished runs, oldest first. */
  readonly points: readonly TrendPoint[];
  /** Share of failed runs among the newer half, and among the older half (null when too few runs). */
  readonly recentRate: number | null;
  readonly earlierRate: number | null;
}

/** The failure trend over `runs` (newest first, as `runs.list` answers); running runs are left out. */
export function failureTrend(runs: readonly RunSummary[]): FailureTrend {
  const points = runs
    .filter((r) => r.status !== 'running')
    .map((r) => ({ runId: r.id, status: r.status, failed: FAILED.has(r.status), startedAt: r.startedAt }))
    .reverse();
  const rate = (slice: readonly TrendPoint[]) =>
    slice.length === 0 ? null : slice.filter((p) => p.failed).length / slice.length;
  if (points.length < 2) return { points, recentRate: rate(points), earlierRate: null };
  const half = Math.floor(points.length / 2);
  return { points, recentRate: rate(points.slice(points.length - half)), earlierRate: rate(points.slice(0, points.length - half)) };
}

/** "up", "down" or "flat" (within 5 points), or null when there is nothing to compare. */
export function trendDirection(trend: FailureTrend): 'up' | 'down' | 'flat' | null {
  if (trend.recentRate === null || trend.earlierRate === null) return null;
  const delta = trend.recentRate - trend.earlierRate;
  if (Math.abs(delta) < 0.05) return 'flat';
  return delta > 0 ? 'up' : 'down';
}
