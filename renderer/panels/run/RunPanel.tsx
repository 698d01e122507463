// The bottom "Output" panel: what the selected node did in the run shown.
import { useUiStore } from '../../stores/ui.store.js';
import { NodeOutput } from './NodeOutput.js';

export function RunPanel() {
  const selected = useUiStore((s) => s.selection.nodeIds);
  if (selected.length !== 1) {
    return <p className="muted panel-note">Run the workflow, then select a node to see its output.</p>;
  }
  return <NodeOutput nodeId={selected[0]!} />;
}
