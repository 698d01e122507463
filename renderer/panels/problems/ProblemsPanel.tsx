// The bottom "Problems" panel: every validation problem of the document (SPEC §1), the live ones and
// the host's last check merged (track-problems-list.ts). Clicking one selects its node and centres the
// canvas on it; "Check" asks the host to validate now (params schemas and policies included).
import { useShallow } from 'zustand/react/shallow';
import { useFocusNode } from '../../canvas/use-focus-node.js';
import { useDocumentStore } from '../../stores/document.store.js';
import type { ListedProblem } from './problem-list.js';
import { useProblemsListStore } from './problems-list.store.js';
import { requestCheck } from './track-problems-list.js';
import './problems.css';

/** Entries drawn at most; a document with thousands of problems lists the first ones and a count. */
const SHOWN = 300;

/** The labels of the nodes the shown problems concern, in the order of `ids` ('' when unlabelled). */
function useNodeLabels(ids: readonly string[]): readonly string[] {
  return useDocumentStore(
    useShallow((s) => {
      if (ids.length === 0) return [];
      const wanted = new Set(ids);
      const labels = new Map<string, string>();
      for (const n of s.nodes) if (wanted.has(n.id)) labels.set(n.id, n.label ?? '');
      return ids.map((id) => labels.get(id) ?? '');
    }),
  );
}

function CheckStatus() {
  const { status, error, at } = useProblemsListStore(
    useShallow((s) => ({ status: s.checkStatus, error: s.checkError, at: s.checkedAt })),
  );
  if (status === 'checking') return <span className="muted">Checking…</span>;
  if (status === 'failed') return <span className="problems-check-error">Check failed: {error}</span>;
  if (at === null) return <span className="muted">Live checks; the full check runs on save and run.</span>;
  return <span className="muted">Checked at {new Date(at).toLocaleTimeString()}</span>;
}

function ProblemEntry({
  problem,
  label,
  onShow,
}: {
  problem: ListedProblem;
  label: string;
  onShow: (nodeId: string) => void;
}) {
  const { nodeId } = problem;
  return (
    <li>
      <button
        type="button"
        className="problems-entry"
        data-testid="problem"
        data-path={problem.path}
        disabled={nodeId === undefined}
        title={nodeId ? `Show node ${nodeId}` : undefined}
        onClick={() => nodeId && onShow(nodeId)}
      >
        <span className="problems-entry-icon" aria-hidden="true">
          ⚠
        </span>
        <span className="problems-entry-text">
          <span className="problems-entry-message">{problem.message}</span>
          <span className="problems-entry-where">
            {nodeId && (
              <span className="problems-entry-node">
                {label || nodeId}
                {label && <span className="muted mono"> {nodeId}</span>}
              </span>
            )}
            <span className="mono muted problems-entry-path">{problem.path}</span>
          </span>
        </span>
        {problem.source === 'check' && (
          <span
            className="problems-entry-source muted"
            title="Found by the full check (save, run or Check); it goes away once you change what it is about"
          >
            full check
          </span>
        )}
      </button>
    </li>
  );
}

export function ProblemsPanel() {
  const listed = useProblemsListStore((s) => s.listed);
  const checking = useProblemsListStore((s) => s.checkStatus === 'checking');
  const shown = listed.length > SHOWN ? listed.slice(0, SHOWN) : listed;
  const labels = useNodeLabels(shown.map((p) => p.nodeId ?? ''));
  const focusNode = useFocusNode();
  return (
    <div className="problems-panel" data-testid="problems-panel">
      <div className="problems-toolbar">
        <strong>
          {listed.length === 0 ? 'No problems' : `${listed.length} problem${listed.length === 1 ? '' : 's'}`}
        </strong>
        <CheckStatus />
        <span className="ui-spacer" />
        <button
          type="button"
          data-testid="problems-check"
          title="Validate the workflow as save and run do"
          disabled={checking}
          onClick={() => requestCheck('request')}
        >
          Check
        </button>
      </div>
      {listed.length === 0 ? (
        <p className="muted panel-note">The workflow passes every check.</p>
      ) : (
        <ul className="problems-list">
          {shown.map((p, i) => (
            <ProblemEntry key={p.key} problem={p} label={labels[i] ?? ''} onShow={focusNode} />
          ))}
          {listed.length > SHOWN && <li className="muted panel-note">…and {listed.length - SHOWN} more</li>}
        </ul>
      )}
    </div>
  );
}
