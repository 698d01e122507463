// More than one thing selected (or only connections): how many, which nodes, and what can be done
// with them all at once (copy, duplicate, delete).
import { useShallow } from 'zustand/react/shallow';
import { useDocumentStore } from '../../stores/document.store.js';
import { useUiStore } from '../../stores/ui.store.js';
import { SelectionActions } from './SelectionActions.js';

/** Selected nodes listed by name at most; the rest are counted. */
const LISTED = 12;

function plural(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}

function useListedNodes(ids: readonly string[]): ReadonlyArray<{ id: string; name: string; type: string }> {
  return useDocumentStore(
    useShallow((s) => {
      const wanted = new Set(ids.slice(0, LISTED));
      return s.nodes
        .filter((n) => wanted.has(n.id))
        .map((n) => `${n.id}\u0000${n.label ?? ''}\u0000${n.type}`);
    }),
  ).map((row) => {
    const [id = '', label = '', type = ''] = row.split('\u0000');
    return { id, name: label || id, type };
  });
}

export function SelectionSummary({
  nodeIds,
  edgeIds,
}: {
  nodeIds: readonly string[];
  edgeIds: readonly string[];
}) {
  const listed = useListedNodes(nodeIds);
  const parts = [
    nodeIds.length > 0 ? plural(nodeIds.length, 'node') : null,
    edgeIds.length > 0 ? plural(edgeIds.length, 'connection') : null,
  ].filter(Boolean);
  return (
    <div className="inspector-body">
      <p className="selection-count" data-testid="selection-count">
        {parts.join(' and ')} selected
      </p>
      <SelectionActions nodes={nodeIds.length > 0} copy />
      {listed.length > 0 && (
        <ul className="selection-list">
          {listed.map((n) => (
            <li key={n.id}>
              <button
                type="button"
                title="Select only this node"
                onClick={() => useUiStore.getState().select({ nodeIds: [n.id], edgeIds: [] })}
              >
                <span>{n.name}</span>
                <span className="muted mono">{n.type}</span>
              </button>
            </li>
          ))}
          {nodeIds.length > LISTED && <li className="muted">…and {nodeIds.length - LISTED} more</li>}
        </ul>
      )}
    </div>
  );
}
