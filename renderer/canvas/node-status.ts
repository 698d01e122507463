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

/** The tail of a run id, enough to tell runs apart in a list (`run_3f9a…` → `3f9a1c`). */
export function shortRunId(runId: string): string {
  const bare = runId.startsWith('run_') ? runId.slice(4) : runId;
  return bare.slice(0, 6);
}

/**
 * How a node that did not run reads: its outputs were reused from an earlier run ("run from here").
 * `reusedFrom` is that run, when known.
 */
export function reusedLabel(reusedFrom: string | undefined): string {
  return reusedFrom ? `reused from run ${shortRunId(reusedFrom)}` : 'reused';
}
