// Workflows in the editor: new, open, save (create, then update with expectedVersion; a conflict offers
// reload or save as copy, and never drops the user's edits), export and import.
import type { WorkflowDetail } from '../../../preload/contract.js';
import type { WeftClient } from '../../api/client.js';
import { toDocument } from '../../stores/document-model.js';
import { isDocumentDirty, snapshotOf, useDocumentStore } from '../../stores/document.store.js';
import { useUiStore } from '../../stores/ui.store.js';
import { useWorkspaceStore } from '../../stores/workspace.store.js';
import { downloadText } from '../download.js';
import { showNewWorkflow, showWorkflow } from './open-document.js';
import { isConflict, reportFailure } from './report-error.js';
import { reportImported, showImportRefused } from '../../panels/import/import-dialog.js';

export interface WorkflowCommands {
  /** Runs `then` now, or after the user chose what to do with unsaved edits. */
  guardUnsaved(then: () => void | Promise<void>): void;
  newWorkflow(): void;
  openWorkflow(workflowId: string): Promise<void>;
  /**
   * Saves, with `note` kept beside the new version; answers true when the document is stored (false:
   * not saved, the user was told why).
   */
  save(note?: string): Promise<boolean>;
  /** The choices after a CONFLICT (reload, save as copy): for other calls with the save's version rule. */
  resolveConflict(): void;
  saveAsCopy(): Promise<boolean>;
  exportWorkflow(): Promise<void>;
  importFile(file: File): Promise<void>;
  /** Imports a file's text (the desktop menu's open dialog hands over text, not a File). */
  importText(fileName: string, text: string): Promise<void>;
}

export function createWorkflowCommands(
  client: WeftClient,
  refreshList: () => Promise<void>,
): WorkflowCommands {
  const ui = useUiStore.getState;
  const doc = useDocumentStore.getState;

  async function busy<T>(what: string, work: () => Promise<T>): Promise<T> {
    ui().setBusy(what, true);
    try {
      return await work();
    } finally {
      ui().setBusy(what, false);
    }
  }

  function stored(detail: WorkflowDetail, sent: ReturnType<typeof snapshotOf>): void {
    ui().setWorkflow(detail.id, detail.version);
    // What was sent is now stored; anything typed while the call was out stays dirty.
    doc().markSaved(sent);
    useWorkspaceStore.getState().upsertWorkflow(detail);
    ui().dismissSource('save');
  }

  function offerConflictChoices(): void {
    ui().openDialog({
      kind: 'choice',
      title: 'Changed elsewhere',
      message:
        'This workflow was saved from another window or tool since you opened it. Reload it (your changes here are dropped), or keep your version as a new workflow.',
      choices: [
        { label: 'Save as copy', testId: 'conflict-save-copy', run: () => void commands.saveAsCopy() },
        { label: 'Reload', testId: 'conflict-reload', run: () => void reload() },
        { label: 'Cancel', testId: 'conflict-cancel', run: () => {} },
      ],
    });
  }

  async function reload(): Promise<void> {
    const id = ui().workflowId;
    if (id) await commands.openWorkflow(id);
  }

  const commands: WorkflowCommands = {
    guardUnsaved(then) {
      if (!isDocumentDirty()) {
        void then();
        return;
      }
      ui().openDialog({
        kind: 'choice',
        title: 'Unsaved changes',
        message: `“${doc().meta.name}” has changes that are not saved.`,
        choices: [
          {
            label: 'Save',
            testId: 'unsaved-save',
            run: () => void commands.save().then((ok) => ok && then()),
          },
          { label: 'Discard', testId: 'unsaved-discard', run: () => void then() },
          { label: 'Cancel', testId: 'unsaved-cancel', run: () => {} },
        ],
      });
    },

    newWorkflow: () => showNewWorkflow(),

    openWorkflow: (workflowId) =>
      busy('open', async () => {
        const workspaceId = ui().workspaceId;
        if (!workspaceId) return;
        try {
          showWorkflow(await client.invoke('workflows.get', { workspaceId, workflowId }));
        } catch (err) {
          reportFailure('Could not open the workflow', err, 'open');
        }
      }),

    resolveConflict: () => offerConflictChoices(),

    save: (note) =>
      busy('save', async () => {
        const { workspaceId, workflowId, version } = ui();
        if (!workspaceId) return false;
        doc().endGesture();
        const sent = snapshotOf(doc());
        const document = toDocument(sent);
        try {
          const detail =
            workflowId && version !== null
              ? await client.invoke('workflows.update', {
                  workspaceId,
                  workflowId,
                  expectedVersion: version,
                  document,
                  ...(note ? { note } : {}),
                })
              : await client.invoke('workflows.create', { workspaceId, document, ...(note ? { note } : {}) });
          stored(detail, sent);
          return true;
        } catch (err) {
          if (isConflict(err)) offerConflictChoices();
          else reportFailure('Not saved', err, 'save');
          return false;
        }
      }),

    saveAsCopy: () =>
      busy('save', async () => {
        const workspaceId = ui().workspaceId;
        if (!workspaceId) return false;
        const current = snapshotOf(doc());
        const name = `${current.meta.name} (copy)`.slice(0, 200);
        doc().rename(name);
        const sent = snapshotOf(doc());
        try {
          stored(await client.invoke('workflows.create', { workspaceId, document: toDocument(sent) }), sent);
          return true;
        } catch (err) {
          reportFailure('Copy not saved', err, 'save');
          return false;
        }
      }),

    async exportWorkflow() {
      if ((!ui().workflowId || isDocumentDirty()) && !(await commands.save())) return;
      const { workspaceId, workflowId } = ui();
      if (!workspaceId || !workflowId) return;
      try {
        const file = await client.invoke('workflows.export', { workspaceId, workflowId });
        downloadText(file.fileName, file.text);
        if (file.strippedPaths.length > 0) {
          ui().notify('info', `Exported without secrets: ${file.strippedPaths.join(', ')}`, 'export');
        }
      } catch (err) {
        reportFailure('Not exported', err, 'export');
      }
    },

    async importFile(file) {
      await commands.importText(file.name, await file.text());
    },

    importText: (fileName, text) =>
      busy('import', async () => {
        const workspaceId = ui().workspaceId;
        if (!workspaceId) return;
        try {
          const detail = await client.invoke('workflows.import', { workspaceId, text });
          ui().dismissSource('import');
          void refreshList();
          commands.guardUnsaved(() => {
            showWorkflow(detail);
            reportImported(detail.name);
          });
        } catch (err) {
          showImportRefused(fileName, err);
        }
      }),
  };
  return commands;
}
