// The diff between two versions (`workflows.diff`): nodes and edges added, removed and changed, and the
// changed values per path, coloured by kind. A node or edge still on the canvas is selected (and shown)
// by a click. "Viewing" a version is this view from that version to the current one, plus the
// version's document, read-only.
import { useReactFlow } from '@xyflow/react';
import { useEffect, useMemo, useState } from 'react';
import type { WorkflowDocument } from '../../../engine/model/document.js';
import type { WorkflowDiff } from '../../../preload/contract.js';
import { errorMessage } from '../../api/client.js';
import { useDocumentStore } from '../../stores/document.store.js';
import { useUiStore } from '../../stores/ui.store.js';
import { buildDiffModel, summaryText, type EdgeRow, type NodeRow, type ValueLine } from './diff-model.js';
import type { DiffRequest } from './compare-selection.js';
import type { HistoryActions } from './history-actions.js';


interface Loaded {
  readonly key: string;
  readonly diff: WorkflowDiff | null;
  readonly from: WorkflowDocument | null;
  readonly to: WorkflowDocument | null;
  readonly error: string | null;
}

const MARK: Record<string, string> = { added: '+', removed: '−', changed: '~', moved: '↔' };

function useDiff(actions: HistoryActions, workflowId: string, from: number, to: number): Loaded | null {
  const key = `${workflowId}:${from}:${to}`;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    let live = true;
    const doc = (v: number) => actions.versionDocument(workflowId, v).catch(() => null);
    void Promise.all([actions.diff(workflowId, from, to), doc(from), doc(to)]).then(
      ([diff, a, b]) => live && setLoaded({ key, diff, from: a, to: b, error: null }),
      (err: unknown) => live && setLoaded({ key, diff: null, from: null, to: null, error: errorMessage(err) }),
    );
    return () => {
      live = false;
    };
  }, [actions, workflowId, from, to, key]);
  return loaded?.key === key ? loaded : null;
}

function Values({ values }: { values: readonly ValueLine[] }) {
  if (values.length === 0) return null;
  return (
    <ul className="diff-values">
      {values.map((v) => (
        <li key={v.path} className={`diff-value kind-${v.kind}`} data-testid="diff-value" data-kind={v.kind} data-path={v.path}>
          <code className="diff-path">{v.path}</code>
          {v.before !== null && <code className="diff-before">− {v.before}</code>}
          {v.after !== null && <code className="diff-after">+ {v.after}</code>}
        </li>
      ))}
    </ul>
  );
}

function NodeEntry({ row, onSelect }: { row: NodeRow; onSelect: (id: string) => void }) {
  return (
    <li className={`diff-row kind-${row.kind}`}>
      <button
        type="button"
        className="diff-row-head"
        data-testid={`diff-node-${row.id}`}
        data-kind={row.kind}
        disabled={!row.onCanvas}
        title={row.onCanvas ? 'Select it on the canvas' : 'Not on the canvas now'}
        onClick={() => onSelect(row.id)}
      >
        <span className="diff-mark" aria-label={row.kind}>
          {MARK[row.kind]}
        </span>
        <span className="diff-title">{row.title}</span>
        {row.type && <span className="muted diff-type">{row.type}</span>}
      </button>
      <Values values={row.values} />
    </li>
  );
}

function EdgeEntry({ row, onSelect }: { row: EdgeRow; onSelect: (id: string) => void }) {
  const onCanvas = useDocumentStore((s) => s.edges.some((e) => e.id === row.id));
  return (
    <li className={`diff-row kind-${row.kind}`}>
      <button
        type="button"
        className="diff-row-head"
        data-testid={`diff-edge-${row.id}`}
        data-kind={row.kind}
        disabled={!onCanvas}
        onClick={() => onSelect(row.id)}
      >
        <span className="diff-mark" aria-label={row.kind}>
          {MARK[row.kind]}
        </span>
        <span className="diff-title mono">{row.text}</span>
      </button>
      {row.before && <code className="diff-before diff-edge-before">− {row.before}</code>}
    </li>
  );
}

function useSelectOnCanvas() {
  const flow = useReactFlow();
  return useMemo(
    () => ({
      node(id: string) {
        useUiStore.getState().select({ nodeIds: [id], edgeIds: [] });
        void flow.fitView({
          nodes: [{ id }],
          duration: 300,
          maxZoom: 1.2,
          padding: 0.6,
          includeHiddenNodes: true,
        });
      },
      edge(id: string) {
        useUiStore.getState().select({ nodeIds: [], edgeIds: [id] });
      },
    }),
    [flow],
  );
}

export function DiffView({
  workflowId,
  request,
  actions,
}: {
  workflowId: string;
  request: DiffRequest;
  actions: HistoryActions;
}) {
  const { from, to, viewing } = request;
  const loaded = useDiff(actions, workflowId, from, to);
  const [showMoves, setShowMoves] = useState(false);
  const canvasNodes = useDocumentStore((s) => s.nodes);
  const canvasNodeIds = useMemo(() => new Set(canvasNodes.map((n) => n.id)), [canvasNodes]);
  const select = useSelectOnCanvas();
  const model = useMemo(
    () =>
      loaded?.diff
        ? buildDiffModel(loaded.diff, { from: loaded.from, to: loaded.to, canvasNodeIds, showMoves })
        : null,
    [loaded, canvasNodeIds, showMoves],
  );
  const viewedDocument = viewing === undefined ? null : viewing === from ? loaded?.from : loaded?.to;

  if (!loaded) return <p className="muted panel-note" data-testid="diff-view" aria-busy="true">Comparing…</p>;
  if (loaded.error || !model)
    return (
      <p className="problem-text panel-note" data-testid="diff-view">
        Could not compare: {loaded.error}
      </p>
    );

  return (
    <div className="diff-view" data-testid="diff-view" data-from={from} data-to={to}>
      <p className="diff-summary" data-testid="diff-summary">
        {(['added', 'removed', 'changed', 'moved'] as const).map(
          (k) =>
            model.counts[k] > 0 && (
              <span key={k} className={`diff-count kind-${k}`}>
                {model.counts[k]} {k}
              </span>
            ),
        )}
        {model.same && <span className="muted">{from === to ? 'The same version.' : summaryText(model.counts)}</span>}
      </p>
      {(model.hiddenMoves > 0 || showMoves) && (
        <label className="diff-moves muted">
          <input
            type="checkbox"
            data-testid="diff-show-moves"
            checked={showMoves}
            onChange={(e) => setShowMoves(e.target.checked)}
          />
          Show moved nodes{model.hiddenMoves > 0 ? ` (${model.hiddenMoves})` : ''}
        </label>
      )}
      {model.nodes.length > 0 && (
        <section aria-label="Nodes">
          <h3 className="diff-heading">Nodes</h3>
          <ul className="diff-rows">
            {model.nodes.map((row) => (
              <NodeEntry key={row.id} row={row} onSelect={select.node} />
            ))}
          </ul>
        </section>
      )}
      {model.edges.length > 0 && (
        <section aria-label="Edges">
          <h3 className="diff-heading">Edges</h3>
          <ul className="diff-rows">
            {model.edges.map((row) => (
              <EdgeEntry key={row.id} row={row} onSelect={select.edge} />
            ))}
          </ul>
        </section>
      )}
      {model.document.length > 0 && (
        <section aria-label="Workflow">
          <h3 className="diff-heading">Workflow</h3>
          <Values values={model.document} />
        </section>
      )}
      {viewedDocument && (
        <details className="version-document" data-testid="version-document">
          <summary>Version {viewing} as JSON (read-only)</summary>
          <pre className="mono">{JSON.stringify(viewedDocument, null, 2)}</pre>
        </details>
      )}
    </div>
  );
}
