// Always visible above the bottom panels: the run's status (`run-status`, its text is the status),
// its elapsed time (ticking while it runs), a count of nodes by status and the run's id.
import { useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatDuration } from '../../canvas/node-status.js';
import type { NodeRunStatus } from '../../stores/run-fold.js';
import { useRunStore } from '../../stores/run.store.js';
import { shortRunId } from '../runs/run-history-model.js';
import './run.css';
import { useNow } from './use-now.js';

/** What is counted: the statuses, and apart from the succeeded the reused nodes, which did not run. */
type CountedStatus = NodeRunStatus | 'reused';

/** The order statuses are counted in: what is going on first, then how things ended. */
const STATUS_ORDER: readonly CountedStatus[] = [
  'running',
  'retrying',
  'pending',
  'reused',
  'succeeded',
  'failed',
  'skipped',
  'cancelled',
];

function useStatusCounts(): ReadonlyArray<readonly [CountedStatus, number]> {
  // Selected as text ("running:2 succeeded:3"), so a run event that changes no count renders nothing.
  const text = useRunStore((s) => {
    const counts = new Map<CountedStatus, number>();
    for (const n of Object.values(s.nodes)) {
      const counted: CountedStatus = n.pinned ? 'reused' : n.status;
      counts.set(counted, (counts.get(counted) ?? 0) + 1);
    }
    return STATUS_ORDER.filter((st) => counts.has(st))
      .map((st) => `${st}:${counts.get(st)!}`)
      .join(' ');
  });
  return useMemo(
    () =>
      text === ''
        ? []
        : text.split(' ').map((pair) => {
            const [st, n] = pair.split(':');
            return [st as CountedStatus, Number(n)] as const;
          }),
    [text],
  );
}

/**
 * When the run started: the host's time when the run's first event was seen, else (a run followed
 * from a snapshot, which carries no times) the moment this window first saw it running.
 */
function useStartedAt(runId: string | null, running: boolean, startedAt: number | undefined): number | undefined {
  const seen = useRef<{ runId: string; at: number } | null>(null);
  if (running && runId && seen.current?.runId !== runId) seen.current = { runId, at: Date.now() };
  return startedAt ?? (running && seen.current?.runId === runId ? seen.current.at : undefined);
}

function Elapsed({ startedAt, durationMs, running }: { startedAt?: number; durationMs?: number; running: boolean }) {
  const now = useNow(200, running && startedAt !== undefined);
  const ms = running && startedAt !== undefined ? Math.max(0, now - startedAt) : durationMs;
  if (ms === undefined) return null;
  return (
    <span className="muted elapsed" title={running ? 'Elapsed' : 'Duration'} data-testid="run-elapsed">
      {formatDuration(ms)}
    </span>
  );
}

export function RunStatusBar() {
  const { status, startedAt, durationMs, error, runId } = useRunStore(
    useShallow((s) => ({
      status: s.status,
      startedAt: s.startedAt,
      durationMs: s.durationMs,
      error: s.error,
      runId: s.runId,
    })),
  );
  const counts = useStatusCounts();
  const since = useStartedAt(runId, status === 'running', startedAt);
  return (
    <div className="status-bar">
      <span>
        Run:{' '}
        <strong className={`run-status status-${status}`} data-testid="run-status">
          {status}
        </strong>
      </span>
      <Elapsed
        running={status === 'running'}
        {...(since !== undefined ? { startedAt: since } : {})}
        {...(durationMs !== undefined ? { durationMs } : {})}
      />
      {counts.length > 0 && (
        <span className="status-counts" data-testid="run-counts">
          {counts.map(([st, n]) => (
            <span key={st} className="status-count" title={`${n} ${st}`}>
              <span className={`ui-status-dot status-${st}`} aria-hidden="true" />
              {n} {st}
            </span>
          ))}
        </span>
      )}
      {error && <span className="run-error">{error}</span>}
      {runId && (
        <span className="muted mono run-id" title={runId}>
          run {shortRunId(runId)}
        </span>
      )}
    </div>
  );
}
