// The run timeline's geometry, apart from React so it can be tested: one row per node of the run,
// ordered by when it started, each with a bar from its first try's start to its last try's end
// (waits between tries included, as SPEC §6 defines `durationMs`), plus the time axis and the window
// of rows a scrolled list has to draw.
import type { NodeRunState, NodeRunStatus } from '../../stores/run-fold.js';

export interface TimelineRow {
  readonly nodeId: string;
  readonly status: NodeRunStatus;
  /** Tries made (1-based); more than one means the node was retried. */
  readonly attempts: number;
  /** Start of its first try, in ms from the timeline's origin; undefined when it never started. */
  readonly startMs?: number;
  /** End of its last try (or "now" while it runs), in ms from the origin. */
  readonly endMs?: number;
  /** Still running or waiting for its next try: the bar grows with the clock. */
  readonly open: boolean;
  /** Did not run: its outputs were reused from an earlier run. It has no bar and is listed first. */
  readonly pinned?: true;
}

export interface TimelineLayout {
  /** Epoch ms that offset 0 stands for (the run's start, else its first node's). */
  readonly origin: number;
  /** Length of the axis in ms; never 0, so widths can be divided by it. */
  readonly spanMs: number;
  readonly rows: readonly TimelineRow[];
}

export interface TimelineClock {
  readonly runStartedAt?: number | undefined;
  readonly runFinishedAt?: number | undefined;
  /** Epoch ms: where bars of running nodes end. */
  readonly now: number;
  /** Node ids in document order, to break ties and to order the nodes that never started. */
  readonly order?: readonly string[];
}

const OPEN_STATUSES: ReadonlySet<NodeRunStatus> = new Set(['running', 'retrying']);

export function layoutTimeline(
  nodes: Readonly<Record<string, NodeRunState>>,
  clock: TimelineClock,
): TimelineLayout {
  const rank = new Map((clock.order ?? []).map((id, i) => [id, i]));
  const entries = Object.entries(nodes);
  let origin = clock.runStartedAt ?? Infinity;
  if (!Number.isFinite(origin)) {
    for (const [, n] of entries) if (n.startedAt !== undefined) origin = Math.min(origin, n.startedAt);
  }
  if (!Number.isFinite(origin)) origin = clock.now;

  let end = clock.runFinishedAt ?? origin;
  const rows: TimelineRow[] = entries.map(([nodeId, n]) => {
    const open = OPEN_STATUSES.has(n.status);
    if (n.pinned) return { nodeId, status: n.status, attempts: n.attempt, open: false, pinned: true };
    if (n.startedAt === undefined) return { nodeId, status: n.status, attempts: n.attempt, open };
    const finished = open ? clock.now : (n.finishedAt ?? (n.durationMs !== undefined ? n.startedAt + n.durationMs : n.startedAt));
    end = Math.max(end, finished);
    return {
      nodeId,
      status: n.status,
      attempts: n.attempt,
      startMs: n.startedAt - origin,
      endMs: Math.max(n.startedAt, finished) - origin,
      open,
    };
  });
  if (clock.runFinishedAt === undefined && rows.some((r) => r.open)) end = Math.max(end, clock.now);

  const byDocument = (a: TimelineRow, b: TimelineRow) =>
    (rank.get(a.nodeId) ?? Infinity) - (rank.get(b.nodeId) ?? Infinity) || a.nodeId.localeCompare(b.nodeId);
  // Reused nodes were settled before anything ran; then by start; nodes that never started last.
  const group = (r: TimelineRow) => (r.pinned ? 0 : r.startMs === undefined ? 2 : 1);
  rows.sort((a, b) => {
    if (group(a) !== group(b)) return group(a) - group(b);
    if (a.startMs === undefined || b.startMs === undefined) {
      if (a.startMs !== b.startMs) return a.startMs === undefined ? 1 : -1;
      return byDocument(a, b);
    }
    return a.startMs - b.startMs || byDocument(a, b);
  });
  return { origin, spanMs: Math.max(end - origin, 1), rows };
}

/** Where a row's bar sits, in percent of the axis; at least `minWidthPct` wide so instant nodes show. */
export function barGeometry(
  row: TimelineRow,
  spanMs: number,
  minWidthPct = 0.5,
): { leftPct: number; widthPct: number } | null {
  if (row.startMs === undefined || row.endMs === undefined) return null;
  const widthPct = Math.min(100, Math.max(minWidthPct, ((row.endMs - row.startMs) / spanMs) * 100));
  // A minimum-width bar at the very end is drawn ending at the axis's end, not past it.
  const leftPct = Math.min(clampPct((row.startMs / spanMs) * 100), 100 - widthPct);
  return { leftPct, widthPct };
}

function clampPct(pct: number): number {
  return Math.min(100, Math.max(0, pct));
}

export interface AxisTick {
  readonly atMs: number;
  readonly pct: number;
  readonly label: string;
}

const STEP_FACTORS = [1, 2, 5];

/** Round tick marks (1, 2 or 5 × 10ⁿ ms apart) over `spanMs`, at most `maxTicks` + 1 of them. */
export function axisTicks(spanMs: number, maxTicks = 6): AxisTick[] {
  const rough = spanMs / Math.max(1, maxTicks);
  let step = 0;
  for (let power = 10 ** Math.floor(Math.log10(Math.max(rough, 1e-3))); step === 0; power *= 10) {
    for (const f of STEP_FACTORS) {
      if (f * power >= rough) {
        step = f * power;
        break;
      }
    }
  }
  const ticks: AxisTick[] = [];
  for (let at = 0; at <= spanMs + step * 1e-9; at += step) {
    ticks.push({ atMs: at, pct: (at / spanMs) * 100, label: formatTick(at, step) });
  }
  return ticks;
}

/** A tick's label in the unit its value reads best in, with no more decimals than its step needs. */
export function formatTick(ms: number, step: number): string {
  if (ms === 0) return '0';
  if (ms < 1000) return `${ms.toFixed(decimals(step))} ms`;
  if (ms < 60_000) return `${trim((ms / 1000).toFixed(decimals(step / 1000)))} s`;
  return `${trim((ms / 60_000).toFixed(decimals(step / 60_000)))} min`;
}

function decimals(step: number): number {
  return step >= 1 ? 0 : Math.min(3, Math.ceil(-Math.log10(step) - 1e-9));
}

function trim(fixed: string): string {
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

/** The rows a scrolled list of fixed-height rows must draw: [first, end) with `overscan` extra each side. */
export function visibleRows(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
  overscan = 4,
): { first: number; end: number } {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const end = Math.min(count, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscan);
  return { first, end: Math.max(first, end) };
}
