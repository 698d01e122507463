// What a workflow list entry can do besides open: rename, duplicate, delete. The open workflow is
// renamed in the editor (its name is part of the document being edited); another one is renamed on the
// host as a new version, with the usual expectedVersion check.
import type { WeftClient } from '../../api/client.js';
import type { Commands } from '../../app/commands/index.js';
import { reportFailure } from '../../app/commands/report-error.js';
import { isDocumentDirty, useDocumentStore } from '../../stores/document.store.js';
import { useUiStore } from '../../stores/ui.store.js';
import { useWorkspaceStore } from '../../stores/workspace.store.js';
import type { WorkflowSummary } from '../../../preload/contract.js';
import { CONFIRM_DIALOG, type ConfirmDialogProps } from './ConfirmDialog.js';

const SOURCE = 'workflow-list';

/** The note kept with the version a rename saves (the contract allows 500 characters). */
const renameNote = (name: string): string => `renamed to “${name}”`.slice(0, 500);

export interface WorkflowActions {
  rename(workflow: WorkflowSummary, name: string): Promise<void>;
  duplicate(workflow: WorkflowSummary): Promise<void>;
  /** Asks first; deleting the open workflow leaves a new empty one in the editor. */
  confirmDelete(workflow: WorkflowSummary): void;
}

export function createWorkflowActions(client: WeftClient, commands: Commands): WorkflowActions {
  const ui = useUiStore.getState;
  const lists = useWorkspaceStore.getState;

  async function renameOpen(name: string): Promise<void> {
    const wasDirty = isDocumentDirty();
    useDocumentStore.getState().rename(name);
    // Saving now would also store edits the user has not chosen to save yet.
    if (wasDirty) ui().notify('info', 'Renamed. Save to keep the new name with your other changes.', SOURCE);
    else await commands.workflows.save(renameNote(name));
  }

  async function renameStored(workflow: WorkflowSummary, name: string): Promise<void> {
    const workspaceId = ui().workspaceId;
    if (!workspaceId) return;
    const detail = await client.invoke('workflows.get', { workspaceId, workflowId: workflow.id });
    const updated = await client.invoke('workflows.update', {
      workspaceId,
      workflowId: workflow.id,
      expectedVersion: detail.version,
      document: { ...detail.document, name },
      note: renameNote(name),
    });
    lists().upsertWorkflow(updated);
  }

  async function remove(workflow: WorkflowSummary): Promise<void> {
    const workspaceId = ui().workspaceId;
    if (!workspaceId) return;
    try {
      await client.invoke('workflows.delete', { workspaceId, workflowId: workflow.id });
    } catch (err) {
      reportFailure(`“${workflow.name}” not deleted`, err, SOURCE);
      return;
    }
    lists().removeWorkflow(workflow.id);
    if (ui().workflowId === workflow.id) commands.workflows.newWorkflow();
    ui().notify('info', `Deleted “${workflow.name}”`, SOURCE);
  }

  return {
    async rename(workflow, name) {
      const trimmed = name.trim();
      if (trimmed === workflow.name) return;
      try {
        if (ui().workflowId === workflow.id) await renameOpen(trimmed);
        else await renameStored(workflow, trimmed);
      } catch (err) {
        reportFailure(`“${workflow.name}” not renamed`, err, SOURCE);
      }
    },

    async duplicate(workflow) {
      const workspaceId = ui().workspaceId;
      if (!workspaceId) return;
      try {
        const copy = await client.invoke('workflows.duplicate', { workspaceId, workflowId: workflow.id });
        lists().upsertWorkflow(copy);
        ui().notify('info', `Duplicated as “${copy.name}”`, SOURCE);
      } catch (err) {
        reportFailure(`“${workflow.name}” not duplicated`, err, SOURCE);
      }
    },

    confirmDelete(workflow) {
      const open = ui().workflowId === workflow.id;
      const props: ConfirmDialogProps = {
        title: `Delete “${workflow.name}”?`,
        message: `Its ${workflow.version === 1 ? 'version' : `${workflow.version} versions`} and runs are deleted too. This cannot be undone.${
          open && isDocumentDirty() ? ' Your unsaved changes to it are dropped.' : ''
        }`,
        confirmLabel: 'Delete workflow',
        testId: 'workflow-delete-confirm',
        onConfirm: () => void remove(workflow),
      };
      ui().openDialog({ kind: CONFIRM_DIALOG, props });
    },
  };
}
