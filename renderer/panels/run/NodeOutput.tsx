// A node's part of the run: status, attempts, duration, error, logs, and its outputs in
// `data-testid="node-output-<id>"` (fetched with `runs.nodeOutputs` when they did not come with the run).
import { useEffect } from 'react';
import { useCommands } from '../../app/app-context.js';
import { formatDuration } from '../../canvas/node-status.js';
import { isFinished } from '../../stores/run-fold.js';
import { selectNodeRun, useRunStore } from '../../stores/run.store.js';

function json(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? 'undefined';
  } catch {
    return String(value);
  }
}

export function NodeOutput({ nodeId }: { nodeId: string }) {
  const { runs } = useCommands();
  const run = useRunStore(selectNodeRun(nodeId));
  const runFinished = useRunStore((s) => isFinished(s.status));
  const needsFetch =
    run?.status === 'succeeded' &&
    (run.outputsDeferred === true || (run.outputs === undefined && runFinished));

  useEffect(() => {
    if (needsFetch) void runs.loadNodeOutputs(nodeId);
  }, [needsFetch, nodeId, runs]);

  if (!run) return <p className="muted panel-note">{nodeId} has not run.</p>;
  return (
    <div className="node-output">
      <div className="node-output-facts">
        <strong>{nodeId}</strong>
        <span className={`status-word status-${run.status}`}>{run.status}</span>
        {run.attempt > 0 && <span className="muted">attempt {run.attempt}</span>}
        {run.durationMs !== undefined && <span className="muted">{formatDuration(run.durationMs)}</span>}
        {run.recovered && <span className="muted">recovered</span>}
      </div>
      {run.error &&
        (run.status === 'succeeded' ? (
          // A retry or an onError policy got past it: worth knowing, not the node's outcome.
          <p className="muted">
            {run.recovered ? 'Recovered from' : 'An earlier attempt failed with'} {run.error.code}:{' '}
            {run.error.message}
          </p>
        ) : (
          <p className="node-error" data-testid={`output-error-${nodeId}`}>
            {run.error.code}: {run.error.message}
          </p>
        ))}
      {run.reason && <p className="muted">{run.reason}</p>}
      {run.outputs !== undefined && (
        <pre className="node-output-value" data-testid={`node-output-${nodeId}`}>
          {json(run.outputs)}
        </pre>
      )}
      {needsFetch && <p className="muted">Loading outputs…</p>}
      {run.logs && run.logs.length > 0 && (
        <pre className="node-logs">{run.logs.map((l) => `[${l.level}] ${l.message}`).join('\n')}</pre>
      )}
    </div>
  );
}
