// A node's part of the run shown: status, tries, duration, error, its inputs and outputs (outputs in
// `data-testid="node-output-<id>"`, fetched with `runs.nodeOutputs` when they did not come with the
// run) and its log. Offers "run from here" when the run recorded everything upstream of the node. A
// node the run reused (it did not run) says from which run, and shows the outputs it passed on.
import { useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useCommands } from '../../app/app-context.js';
import { formatDuration, shortRunId } from '../../canvas/node-status.js';
import { useDocumentStore } from '../../stores/document.store.js';
import { isFinished } from '../../stores/run-fold.js';
import { selectNodeRun, useRunStore } from '../../stores/run.store.js';
import { useUiStore } from '../../stores/ui.store.js';
import { useRunActions } from '../runs/run-actions.js';
import { canRunFromHere } from '../runs/run-from-here.js';
import { JsonView } from './JsonView.js';
import { toJsonText } from './json-view-model.js';
import { NodeLogs } from './NodeLogs.js';

function useRunFromHere(nodeId: string) {
  const { nodes, edges } = useDocumentStore(useShallow((s) => ({ nodes: s.nodes, edges: s.edges })));
  const run = useRunStore(
    useShallow((s) => ({ runId: s.runId, workflowId: s.workflowId, status: s.status, nodes: s.nodes })),
  );
  const openWorkflowId = useUiStore((s) => s.workflowId);
  const check = useMemo(
    () =>
      canRunFromHere(nodeId, {
        nodeIds: new Set(nodes.map((n) => n.id)),
        edges,
        runNodes: run.nodes,
        runFinished: isFinished(run.status),
        sameWorkflow: run.workflowId !== null && run.workflowId === openWorkflowId,
      }),
    [nodeId, nodes, edges, run.nodes, run.status, run.workflowId, openWorkflowId],
  );
  return { check, runId: run.runId };
}

function RunFromHereButton({ nodeId }: { nodeId: string }) {
  const actions = useRunActions();
  const busy = useUiStore((s) => s.busy['run'] === true);
  const { check, runId } = useRunFromHere(nodeId);
  if (!runId) return null;
  return (
    <button
      type="button"
      data-testid="run-from-here"
      disabled={!check.ok || busy}
      title={
        check.ok
          ? `Run ${nodeId} and what follows it, reusing the ${check.reused} upstream node${check.reused === 1 ? '' : 's'}' outputs recorded by this run`
          : check.reason
      }
      onClick={() => void actions.runFromNode(nodeId, runId)}
    >
      ▶ Run from here
    </button>
  );
}

/** "reused from run 3f9a1c", the run a link that shows it. */
function ReusedBadge({ reusedFrom }: { reusedFrom: string | undefined }) {
  const actions = useRunActions();
  return (
    <span className="reused-badge" data-testid="reused-from" title="This node did not run in this run: its outputs were reused">
      reused
      {reusedFrom && (
        <>
          {' from run '}
          <button
            type="button"
            className="ui-link-button mono"
            title={`Show run ${reusedFrom}, which recorded these outputs`}
            onClick={() => void actions.openRun(reusedFrom)}
          >
            {shortRunId(reusedFrom)}
          </button>
        </>
      )}
    </span>
  );
}

function copy(value: unknown): void {
  void navigator.clipboard?.writeText(toJsonText(value)).catch(() => {});
}

export function NodeOutput({ nodeId }: { nodeId: string }) {
  const { runs } = useCommands();
  const run = useRunStore(selectNodeRun(nodeId));
  const runKey = useRunStore((s) => s.runId);
  const runFinished = useRunStore((s) => isFinished(s.status));
  const reusedFrom = useRunStore((s) => s.reusedFrom);
  const nodeType = useDocumentStore((s) => s.nodes.find((n) => n.id === nodeId)?.type);
  const pinned = run?.pinned === true;
  // A reused node's outputs are known at once from the run that recorded them (a window that joined
  // the run by its snapshot has not seen them); other outputs once the run has finished.
  const needsFetch =
    run?.status === 'succeeded' &&
    (run.outputsDeferred === true || (run.outputs === undefined && (runFinished || (pinned && reusedFrom !== undefined))));
  const fetchFrom = pinned && !runFinished ? reusedFrom : undefined;

  useEffect(() => {
    if (needsFetch) void runs.loadNodeOutputs(nodeId, fetchFrom);
  }, [needsFetch, nodeId, runs, fetchFrom]);

  if (!run) return <p className="muted panel-note">{nodeId} has not run.</p>;
  return (
    <div className="node-output">
      <div className="node-output-facts">
        <strong className="mono">{nodeId}</strong>
        {nodeType && <span className="muted mono ui-small">{nodeType}</span>}
        {pinned ? (
          <ReusedBadge reusedFrom={reusedFrom} />
        ) : (
          <span className={`ui-status-word status-${run.status}`}>{run.status}</span>
        )}
        {run.attempt > 1 && <span className="attempts-badge">{run.attempt} tries</span>}
        {run.attempt === 1 && <span className="muted">1 try</span>}
        {run.durationMs !== undefined && <span className="muted">{formatDuration(run.durationMs)}</span>}
        {run.status === 'retrying' && run.retryDelayMs !== undefined && (
          <span className="muted">next try in {formatDuration(run.retryDelayMs)}</span>
        )}
        {run.recovered && <span className="muted">recovered</span>}
        <span className="ui-spacer" />
        <RunFromHereButton nodeId={nodeId} />
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
            <strong>{run.error.code}</strong>: {run.error.message}
            {run.error.retryable === false && <span className="muted"> (not retryable)</span>}
          </p>
        ))}
      {run.reason && <p className="muted">{run.reason}</p>}
      <div className="node-output-columns">
        <section className="node-output-column" aria-label="Inputs">
          <h3 className="column-title">
            Inputs
            {run.inputs !== undefined && (
              <button type="button" className="ui-link-button" onClick={() => copy(run.inputs)}>
                copy
              </button>
            )}
          </h3>
          {run.inputs !== undefined ? (
            <JsonView key={`${runKey}:${nodeId}:in`} value={run.inputs} />
          ) : pinned ? (
            <p className="muted ui-small">
              Not recorded: the node did not run in this run. Its outputs were reused
              {reusedFrom ? ` from run ${shortRunId(reusedFrom)}` : ''}.
            </p>
          ) : (
            <p className="muted ui-small">{runFinished ? 'Not recorded.' : 'Known when the run has finished.'}</p>
          )}
        </section>
        <section className="node-output-column" aria-label="Outputs">
          <h3 className="column-title">
            {pinned ? 'Outputs (reused)' : 'Outputs'}
            {run.outputs !== undefined && (
              <button type="button" className="ui-link-button" onClick={() => copy(run.outputs)}>
                copy
              </button>
            )}
          </h3>
          {run.outputs !== undefined && (
            <JsonView key={`${runKey}:${nodeId}:out`} value={run.outputs} testId={`node-output-${nodeId}`} />
          )}
          {needsFetch && <p className="muted ui-small">Loading outputs…</p>}
          {run.outputs === undefined && !needsFetch && <p className="muted ui-small">None.</p>}
        </section>
        {run.logs && run.logs.length > 0 && (
          <section className="node-output-column" aria-label="Log">
            <h3 className="column-title">Log ({run.logs.length})</h3>
            <NodeLogs logs={run.logs} />
          </section>
        )}
      </div>
    </div>
  );
}
