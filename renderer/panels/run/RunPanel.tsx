// The bottom "Run" panel: the run shown as a timeline, and beside it what the picked node did (picked
// on the canvas or on the timeline). A run of another workflow version than the one open says so.
import { useCallback, useEffect, useState } from 'react';
import { useDocumentStore } from '../../stores/document.store.js';
import { useRunStore } from '../../stores/run.store.js';
import { useUiStore } from '../../stores/ui.store.js';
import { describeOrigin, versionNotice } from '../runs/run-history-model.js';
import { selectRunVersion, useShownRunStore } from '../runs/shown-run.store.js';
import { NodeOutput } from './NodeOutput.js';
import './run.css';
import { Timeline } from './Timeline.js';

function RunContext() {
  const runId = useRunStore((s) => s.runId);
  const runVersion = useShownRunStore(selectRunVersion(runId));
  const origin = useShownRunStore((s) => (s.facts?.runId === runId ? s.facts.origin : undefined));
  const openVersion = useUiStore((s) => s.version);
  const openPanel = useUiStore((s) => s.openPanel);
  const notice = runVersion === null ? null : versionNotice(runVersion, openVersion);
  if (!notice && (!origin || origin.kind === 'run')) return null;
  return (
    <div className="run-context">
      {origin && origin.kind !== 'run' && <span className="muted ui-small">{describeOrigin(origin)}</span>}
      {notice && (
        <p className="run-version-notice" data-testid="run-version-notice" role="status">
          {notice}{' '}
          <button type="button" className="ui-link-button" onClick={() => openPanel('right', 'history')}>
            View version {runVersion} in History
          </button>
        </p>
      )}
    </div>
  );
}

function EmptyRun() {
  const openPanel = useUiStore((s) => s.openPanel);
  const saved = useUiStore((s) => s.workflowId !== null);
  return (
    <div className="panel-note muted">
      <p className="run-empty">
        No run shown. Run the workflow (Ctrl+Enter)
        {saved ? (
          <>
            , or{' '}
            <button type="button" className="ui-link-button" onClick={() => openPanel('right', 'runs')}>
              open a past run
            </button>
            .
          </>
        ) : (
          '.'
        )}
      </p>
    </div>
  );
}

export function RunPanel() {
  const selected = useUiStore((s) => (s.selection.nodeIds.length === 1 ? s.selection.nodeIds[0]! : null));
  const status = useRunStore((s) => s.status);
  const [picked, setPicked] = useState<string | null>(selected);
  useEffect(() => {
    if (selected) setPicked(selected);
  }, [selected]);

  const onPick = useCallback((nodeId: string) => {
    setPicked(nodeId);
    // Picking on the timeline selects on the canvas too, when the node is there.
    if (useDocumentStore.getState().nodes.some((n) => n.id === nodeId)) {
      useUiStore.getState().select({ nodeIds: [nodeId], edgeIds: [] });
    }
  }, []);

  if (status === 'idle') return <EmptyRun />;
  const shown = picked;
  return (
    <div className={`run-panel${shown ? ' with-detail' : ''}`}>
      <div className="run-panel-main">
        <RunContext />
        {status === 'starting' ? <p className="muted panel-note">Starting…</p> : <Timeline picked={shown} onPick={onPick} />}
      </div>
      {shown && (
        <div className="run-panel-detail">
          <button
            type="button"
            className="detail-close"
            aria-label="Close the node's details"
            title="Close"
            onClick={() => setPicked(null)}
          >
            ×
          </button>
          <NodeOutput nodeId={shown} />
        </div>
      )}
    </div>
  );
}
