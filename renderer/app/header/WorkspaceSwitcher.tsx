// The workspace select and the "new workspace" button (an inline name field, no browser prompt).
import { useState, type FormEvent } from 'react';
import { useUiStore } from '../../stores/ui.store.js';
import { useWorkspaceStore } from '../../stores/workspace.store.js';
import { useCommands } from '../app-context.js';
import { WorkspaceSettingsButton } from '../../panels/workspace/WorkspaceSettingsButton.js';

export function WorkspaceSwitcher() {
  const { workspaces: ws, workflows } = useCommands();
  const workspaces = useWorkspaceStore((s) => s.workspaces);
  const current = useUiStore((s) => s.workspaceId);
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');

  const enter = (id: string) =>
    workflows.guardUnsaved(async () => {
      workflows.newWorkflow();
      await ws.enterWorkspace(id);
    });

  const create = async (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    const id = await ws.createWorkspace(trimmed);
    if (id) {
      setCreating(false);
      setName('');
      enter(id);
    }
  };

  return (
    <div className="group" style={{ position: 'relative' }}>
      <label className="visually-hidden" htmlFor="workspace-switcher">
        Workspace
      </label>
      <select
        id="workspace-switcher"
        data-testid="workspace-switcher"
        value={current ?? ''}
        onChange={(e) => enter(e.target.value)}
      >
        {current === null && <option value="">…</option>}
        {workspaces.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        data-testid="new-workspace"
        title="New workspace"
        onClick={() => setCreating((c) => !c)}
      >
        + Workspace
      </button>
      <WorkspaceSettingsButton />
      {creating && (
        <form className="popover" style={{ top: '100%', left: 0 }} onSubmit={create}>
          <input
            type="text"
            autoFocus
            aria-label="New workspace name"
            data-testid="new-workspace-name"
            placeholder="Workspace name"
            value={name}
            maxLength={100}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && setCreating(false)}
          />
          <button
            type="submit"
            className="primary"
            data-testid="new-workspace-create"
            disabled={!name.trim()}
          >
            Create
          </button>
        </form>
      )}
    </div>
  );
}
