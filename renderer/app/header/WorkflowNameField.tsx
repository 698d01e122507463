// The open workflow's name (the document's `name`). Each keystroke goes to the document store, which
// makes a burst of typing one undo step.
import { selectIsDirty, useDocumentStore } from '../../stores/document.store.js';
import { useUiStore } from '../../stores/ui.store.js';

export function WorkflowNameField() {
  const name = useDocumentStore((s) => s.meta.name);
  const rename = useDocumentStore((s) => s.rename);
  const dirty = useDocumentStore(selectIsDirty);
  const saved = useUiStore((s) => s.workflowId !== null);
  return (
    <div className="group">
      <input
        type="text"
        className="workflow-name"
        aria-label="Workflow name"
        data-testid="workflow-name"
        value={name}
        maxLength={200}
        onChange={(e) => rename(e.target.value)}
      />
      <span className="dirty-mark" data-testid="dirty-state">
        {saved ? (dirty ? 'unsaved changes' : 'saved') : dirty ? 'not saved yet' : 'new'}
      </span>
    </div>
  );
}
