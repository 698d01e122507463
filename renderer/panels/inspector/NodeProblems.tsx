// The selected node's problems, first thing in the inspector: the live ones and the host's last check
// (the problems list's entries for this node). Clicking one moves to its field when it has one.
import { useShallow } from 'zustand/react/shallow';
import { pathWithinNode } from '../problems/problem-list.js';
import { useProblemsListStore } from '../problems/problems-list.store.js';
import { fieldIdOf } from './field-ids.js';

function focusField(pathInNode: string): void {
  const id = fieldIdOf(pathInNode);
  const el = id ? document.getElementById(id) : null;
  if (!el) return;
  el.closest('details')?.setAttribute('open', '');
  el.focus();
}

export function NodeProblems({ nodeId }: { nodeId: string }) {
  const problems = useProblemsListStore(useShallow((s) => s.listed.filter((p) => p.nodeId === nodeId)));
  if (problems.length === 0) return null;
  return (
    <ul className="inspector-problems" data-testid="inspector-problems" aria-label="Problems of this node">
      {problems.map((p) => {
        const where = pathWithinNode(p.path);
        return (
          <li key={p.key} data-testid="inspector-problem">
            <button type="button" onClick={() => focusField(where)} title={p.path}>
              <span className="mono">{where}</span>
              <span>{p.message}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
