// The header's way into the open workspace's settings (next to the workspace switcher).
import { useUiStore } from '../../stores/ui.store.js';
import { WORKSPACE_DIALOG } from './WorkspaceDialog.js';

export function WorkspaceSettingsButton() {
  const hasWorkspace = useUiStore((s) => s.workspaceId !== null);
  return (
    <button
      type="button"
      className="icon"
      data-testid="workspace-settings"
      title="Workspace settings: name, allowed node types, runs kept"
      aria-label="Workspace settings"
      disabled={!hasWorkspace}
      onClick={() => useUiStore.getState().openDialog({ kind: WORKSPACE_DIALOG })}
    >
      ⚙
    </button>
  );
}
