// The right-hand inspector (`data-testid="inspector"`): the selected node's form, a summary of a
// multiple selection, or a hint when nothing is selected.
import { useShallow } from 'zustand/react/shallow';
import { useUiStore } from '../../stores/ui.store.js';
import { NodeInspector } from './NodeInspector.js';
import { SelectionSummary } from './SelectionSummary.js';
import './inspector.css';

export function Inspector() {
  const { nodeIds, edgeIds } = useUiStore(
    useShallow((s) => ({ nodeIds: s.selection.nodeIds, edgeIds: s.selection.edgeIds })),
  );
  let body;
  if (nodeIds.length === 1 && edgeIds.length === 0) {
    body = <NodeInspector key={nodeIds[0]} nodeId={nodeIds[0]!} />;
  } else if (nodeIds.length > 0 || edgeIds.length > 0) {
    body = <SelectionSummary nodeIds={nodeIds} edgeIds={edgeIds} />;
  } else {
    body = (
      <div className="panel-note muted">
        <p>Select a node to edit it.</p>
        <p>
          Press <kbd>?</kbd> for the keyboard shortcuts.
        </p>
      </div>
    );
  }
  return (
    <div className="inspector" data-testid="inspector">
      {body}
    </div>
  );
}
