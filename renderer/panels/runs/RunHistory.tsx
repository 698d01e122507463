// The open workflow's runs (panel `runs`): status, when, how long, which version and what started each;
// a click shows the run on the canvas; re-run and delete per run. Refreshes itself as runs start and end.
import type { RunSummary } from '../../../preload/contract.js';
import { useApiClient } from '../../app/app-context.js';
import { formatDuration } from '../../canvas/node-status.js';
import { useRunStore } from '../../stores/run.store.js';
import { useUiStore } from '../../stores/ui.store.js';
import { useNow } from '../run/use-now.js';
import './runs.css';
import { useRunActions, type RunActions } from './run-actions.js';
import { describeOrigin, formatWhen, shortRunId } from './run-history-model.js';
import { useRunHistory } from './use-run-history.js';

function RunRow({
  run,
  shown,
  openVersion,
  now,
  actions,
  removed,
}: {
  run: RunSummary;
  shown: boolean;
  openVersion: number | null;
  now: number;
  actions: RunActions;
  removed: (runId: string) => void;
}) {
  const running = run.status === 'running';
  const duration = run.durationMs ?? (running ? now - run.startedAt : null);
  return (
    <li className={`run-row${shown ? ' shown' : ''}`} data-run-status={run.status}>
      <button
        type="button"
        className="run-row-main"
        data-testid={`run-item-${run.id}`}
        aria-current={shown ? 'true' : undefined}
        title={`Show run ${run.id} on the canvas`}
        onClick={() => void actions.openRun(run.id)}
      >
        <span className="run-row-line">
          <span className={`ui-status-dot status-${run.status}`} aria-hidden="true" />
          <strong className={`ui-status-word status-${run.status}`}>{run.status}</strong>
          <span className="muted" title={new Date(run.startedAt).toLocaleString()}>
            {formatWhen(run.startedAt, now)}
          </span>
          {duration !== null && <span className="muted">· {formatDuration(Math.max(0, duration))}</span>}
        </span>
        <span className="run-row-line muted ui-small">
          <span className={run.workflowVersion !== openVersion ? 'version-other' : undefined}>
            v{run.workflowVersion}
          </span>
          <span>· {describeOrigin(run.origin)}</span>
          <span className="mono">· {shortRunId(run.id)}</span>
        </span>
        {run.error && (
          <span className="run-row-error ui-small" title={run.error.message}>
            {run.error.code}: {run.error.message}
          </span>
        )}
      </button>
      <span className="run-row-actions">
        <button
          type="button"
          className="icon-button"
          data-testid={`run-rerun-${run.id}`}
          title={`Run again with the same input and version ${run.workflowVersion}`}
          aria-label={`Re-run ${shortRunId(run.id)}`}
          onClick={() => void actions.rerun(run)}
        >
          ↻
        </button>
        <button
          type="button"
          className="icon-button"
          data-testid={`run-delete-${run.id}`}
          title="Delete this run"
          aria-label={`Delete run ${shortRunId(run.id)}`}
          disabled={running}
          onClick={() => actions.deleteRun(run, () => removed(run.id))}
        >
          ✕
        </button>
      </span>
    </li>
  );
}

export function RunHistory() {
  const client = useApiClient();
  const actions = useRunActions();
  const { history, refresh, loadMore, remove } = useRunHistory(client);
  const shownRunId = useRunStore((s) => s.runId);
  const openVersion = useUiStore((s) => s.version);
  const anyRunning = history.items.some((r) => r.status === 'running');
  const now = useNow(anyRunning ? 1000 : 30_000);

  if (!history.workflowId) {
    return <p className="muted panel-note">Save the workflow to keep a history of its runs.</p>;
  }
  return (
    <div className="runs-panel">
      <div className="panel-row runs-toolbar">
        <span className="muted ui-small">
          {history.items.length} run{history.items.length === 1 ? '' : 's'}
          {history.nextCursor ? '+' : ''}
        </span>
        <span className="ui-spacer" />
        <button type="button" data-testid="runs-refresh" onClick={() => void refresh()} disabled={history.loading}>
          {history.loading ? 'Loading…' : 'Refresh'}
        </button>
      </div>
      {history.error && <p className="run-error panel-note">Could not list runs: {history.error}</p>}
      <ul className="run-list panel-scroll" data-testid="run-history" aria-busy={history.loading}>
        {history.items.map((run) => (
          <RunRow
            key={run.id}
            run={run}
            shown={run.id === shownRunId}
            openVersion={openVersion}
            now={now}
            actions={actions}
            removed={remove}
          />
        ))}
        {!history.loading && history.items.length === 0 && !history.error && (
          <li className="muted panel-note">No runs yet. Run the workflow (Ctrl+Enter) to see it here.</li>
        )}
        {history.nextCursor && (
          <li>
            <button
              type="button"
              className="load-more"
              data-testid="runs-load-more"
              disabled={history.loading}
              onClick={() => void loadMore()}
            >
              Load more
            </button>
          </li>
        )}
      </ul>
    </div>
  );
}
