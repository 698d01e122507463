// The open workspace's settings: name, node type policy, runs kept per workflow, and deletion
// (asked first; never the last workspace).
import { useMemo, useState, type FormEvent } from 'react';
import { useApiClient, useCommands } from '../../app/app-context.js';
import type { DialogProps } from '../../app/dialogs.js';
import { useUiStore } from '../../stores/ui.store.js';
import { useWorkspaceStore } from '../../stores/workspace.store.js';
import { CONFIRM_DIALOG, type ConfirmDialogProps } from '../workflows/ConfirmDialog.js';
import { PolicyEditor } from './PolicyEditor.js';
import { retentionProblem, RETENTION_MAX, RETENTION_MIN } from './policy-model.js';
import { useCurrentWorkspace, useKnownTypes } from './use-workspace-policy.js';
import { createWorkspaceActions, type WorkspaceActions } from './workspace-actions.js';
import './workspace.css';

export const WORKSPACE_DIALOG = 'workspace-settings';

function useSubmit(work: () => Promise<string | null>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    setBusy(true);
    setDone(false);
    const problem = await work();
    setError(problem);
    setDone(problem === null);
    setBusy(false);
  };
  return { busy, error, done, submit };
}

function NameSection({ id, name, actions }: { id: string; name: string; actions: WorkspaceActions }) {
  const [text, setText] = useState(name);
  const { busy, error, submit } = useSubmit(() => actions.rename(id, text.trim()));
  const changed = text.trim() !== name && text.trim() !== '';
  return (
    <form className="ws-section" onSubmit={(e) => void submit(e)}>
      <label className="ws-label" htmlFor="ws-name">
        Name
      </label>
      <div className="ws-row">
        <input
          id="ws-name"
          type="text"
          data-testid="workspace-rename-input"
          value={text}
          maxLength={100}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" data-testid="workspace-rename-save" disabled={!changed || busy}>
          Rename
        </button>
      </div>
      {error && (
        <p className="ws-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function RetentionSection({ id, keep, actions }: { id: string; keep: number; actions: WorkspaceActions }) {
  const [text, setText] = useState(String(keep));
  const problem = retentionProblem(text);
  const { busy, error, done, submit } = useSubmit(() => actions.setRunRetention(id, Number(text)));
  const changed = !problem && Number(text) !== keep;
  return (
    <form className="ws-section" onSubmit={(e) => void submit(e)}>
      <label className="ws-label" htmlFor="ws-retention">
        Runs kept per workflow
      </label>
      <div className="ws-row">
        <input
          id="ws-retention"
          type="number"
          min={RETENTION_MIN}
          max={RETENTION_MAX}
          step={1}
          data-testid="run-retention"
          aria-invalid={problem !== null}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" data-testid="run-retention-save" disabled={!changed || busy}>
          Apply
        </button>
        {done && !changed && <span className="muted">Saved</span>}
      </div>
      <p className="muted ws-help">Older runs are deleted when a workflow has more.</p>
      {(problem ?? error) && (
        <p className="ws-error" role="alert">
          {problem ?? error}
        </p>
      )}
    </form>
  );
}

export function WorkspaceDialog({ close }: DialogProps<unknown>) {
  const client = useApiClient();
  const commands = useCommands();
  const actions = useMemo(() => createWorkspaceActions(client, commands), [client, commands]);
  const workspace = useCurrentWorkspace();
  const count = useWorkspaceStore((s) => s.workspaces.length);
  const known = useKnownTypes();
  if (!workspace) return null;

  const confirmDelete = () => {
    const props: ConfirmDialogProps = {
      title: `Delete the workspace “${workspace.name}”?`,
      message:
        'Its workflows, their versions and runs are deleted with it. This cannot be undone. Unsaved changes in the editor are dropped.',
      confirmLabel: 'Delete workspace',
      testId: 'workspace-delete-confirm',
      onConfirm: () =>
        void actions.remove(workspace.id).then((problem) => {
          if (problem) useUiStore.getState().notify('problem', `Workspace not deleted: ${problem}`, 'workspaces');
        }),
    };
    useUiStore.getState().openDialog({ kind: CONFIRM_DIALOG, props });
  };

  return (
    <div
      className="dialog workspace-dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby="ws-title"
      data-testid="workspace-dialog"
    >
      <div className="ws-title-row">
        <h2 id="ws-title">Workspace settings</h2>
        <button type="button" className="icon" aria-label="Close" data-testid="workspace-dialog-close" onClick={close}>
          ✕
        </button>
      </div>
      <div className="ws-body" key={workspace.id}>
        <NameSection id={workspace.id} name={workspace.name} actions={actions} />
        <PolicyEditor workspace={workspace} known={known} onSave={(policy) => actions.setPolicy(workspace.id, policy)} />
        <RetentionSection id={workspace.id} keep={workspace.runRetention} actions={actions} />
        <section className="ws-section ws-danger">
          <h3>Delete this workspace</h3>
          <div className="ws-row">
            <span className="muted ws-help">
              {count <= 1 ? 'The only workspace cannot be deleted.' : 'Deletes its workflows and runs too.'}
            </span>
            <button
              type="button"
              className="danger"
              data-testid="workspace-delete"
              disabled={count <= 1}
              title={count <= 1 ? 'Create another workspace first' : undefined}
              onClick={confirmDelete}
            >
              Delete workspace
            </button>
          </div>
        </section>
      </div>
    </div>
  );
}
