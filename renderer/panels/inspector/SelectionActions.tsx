// What can be done with the selection from the inspector: one node's or several at once. Copy is
// offered where the selection is several things (one node is copied with the keyboard like any other).
import { copySelectionAsync, deleteSelection, duplicateSelection } from '../../canvas/clipboard-actions.js';

export function SelectionActions({ nodes, copy }: { nodes: boolean; copy: boolean }) {
  return (
    <div className="inspector-actions">
      {nodes && copy && (
        <button type="button" data-testid="inspector-copy" title="Copy (Ctrl+C)" onClick={copySelectionAsync}>
          Copy
        </button>
      )}
      {nodes && (
        <button
          type="button"
          data-testid="inspector-duplicate"
          title="Duplicate (Ctrl+D)"
          onClick={() => duplicateSelection()}
        >
          Duplicate
        </button>
      )}
      <button
        type="button"
        className="inspector-delete-button"
        data-testid="inspector-delete"
        title="Delete (Del)"
        onClick={deleteSelection}
      >
        Delete
      </button>
    </div>
  );
}
