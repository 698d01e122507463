// Always visible above the bottom panels: the run's status (`run-status`, its text is the status),
// its duration and a count of nodes by status.
import { useShallow } from 'zustand/react/shallow';
import { formatDuration } from '../../canvas/node-status.js';
import { useRunStore } from '../../stores/run.store.js';

function useStatusCounts(): string {
  return useRunStore(
    useShallow((s) => {
      const counts: Record<string, number> = {};
      for (const n of Object.values(s.nodes)) counts[n.status] = (counts[n.status] ?? 0) + 1;
      return Object.entries(counts)
        .map(([status, n]) => `${n} ${status}`)
        .join(' · ');
    }),
  );
}

export function RunStatusBar() {
  const { status, durationMs, error, runId } = useRunStore(
    useShallow((s) => ({ status: s.status, durationMs: s.durationMs, error: s.error, runId: s.runId })),
  );
  const counts = useStatusCounts();
  return (
    <div className="status-bar">
      <span>
        Run:{' '}
        <strong className={`run-status status-${status}`} data-testid="run-status">
          {status}
        </strong>
      </span>
      {durationMs !== undefined && <span className="muted">{formatDuration(durationMs)}</span>}
      {counts && <span className="muted">{counts}</span>}
      {error && <span className="run-error">{error}</span>}
      {runId && <span className="muted mono run-id">{runId}</span>}
    </div>
  );
}
