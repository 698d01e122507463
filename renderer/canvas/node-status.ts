// How a run status looks on a node: an icon and a word (the colour comes from CSS by status).
import type { NodeRunStatus } from '../stores/run-fold.js';

export type ShownStatus = NodeRunStatus | 'idle';

export const STATUS_ICON: Readonly<Record<ShownStatus, string>> = {
  idle: '',
  pending: '○',
  running: '◔',
  retrying: '↻',
  succeeded: '✓',
  failed: '✕',
  skipped: '⤼',
  cancelled: '⊘',
};

/** A duration as people read it: 0.4 ms, 12 ms, 1.5 s, 2 min 05 s. */
export function formatDuration(ms: number): string {
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}
