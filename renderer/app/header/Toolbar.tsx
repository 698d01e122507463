// The toolbar: new, save, run, stop, undo, redo, auto-layout, export, import (a file input).
import { useStore } from 'zustand';
import { isFinished } from '../../stores/run-fold.js';
import { useDocumentStore } from '../../stores/document.store.js';
import { useRunStore } from '../../stores/run.store.js';
import { useUiStore } from '../../stores/ui.store.js';
import { useAutoLayout } from '../../canvas/use-auto-layout.js';
import { useCommands } from '../app-context.js';

export function Toolbar() {
  const { workflows, runs } = useCommands();
  const canUndo = useStore(useDocumentStore.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(useDocumentStore.temporal, (s) => s.futureStates.length > 0);
  const saving = useUiStore((s) => s.busy['save'] === true);
  const starting = useUiStore((s) => s.busy['run'] === true);
  const hasWorkspace = useUiStore((s) => s.workspaceId !== null);
  const runStatus = useRunStore((s) => s.status);
  const running = runStatus === 'running' || runStatus === 'starting';
  const autoLayout = useAutoLayout();

  return (
    <div className="group" role="toolbar" aria-label="Workflow">
      <button
        type="button"
        data-testid="new-workflow"
        onClick={() => workflows.guardUnsaved(() => workflows.newWorkflow())}
      >
        New
      </button>
      <button
        type="button"
        data-testid="save"
        title="Save (Ctrl+S)"
        disabled={saving || !hasWorkspace}
        onClick={() => void workflows.save()}
      >
        Save
      </button>
      <button
        type="button"
        className="primary"
        data-testid="run"
        title="Run (Ctrl+Enter)"
        disabled={running || starting || !hasWorkspace}
        onClick={() => void runs.run()}
      >
        ▶ Run
      </button>
      <button
        type="button"
        data-testid="stop"
        title="Stop the run"
        disabled={!running || isFinished(runStatus)}
        onClick={() => void runs.stop()}
      >
        ■ Stop
      </button>
      <button
        type="button"
        data-testid="undo"
        title="Undo (Ctrl+Z)"
        disabled={!canUndo}
        onClick={() => useDocumentStore.getState().undo()}
      >
        ↶
      </button>
      <button
        type="button"
        data-testid="redo"
        title="Redo (Ctrl+Shift+Z)"
        disabled={!canRedo}
        onClick={() => useDocumentStore.getState().redo()}
      >
        ↷
      </button>
      <button type="button" data-testid="auto-layout" title="Arrange the nodes" onClick={autoLayout}>
        Arrange
      </button>
      <button
        type="button"
        data-testid="export"
        title="Export as a .weft.json file"
        disabled={!hasWorkspace}
        onClick={() => void workflows.exportWorkflow()}
      >
        Export
      </button>
      <label className="button" title="Import a .weft.json file">
        Import
        <input
          type="file"
          className="visually-hidden"
          data-testid="import"
          accept=".json,application/json"
          onChange={(e) => {
            const file = e.target.files?.[0];
            // Cleared so that choosing the same file again imports it again.
            e.target.value = '';
            if (file) void workflows.importFile(file);
          }}
        />
      </label>
    </div>
  );
}
