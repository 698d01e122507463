// The history panel's calls: a version's document (kept, since a stored version never changes), the
// diff of two versions, export of one version, and restore, which saves an old version as the newest
// under the save's rule (expectedVersion; a CONFLICT offers the save's choices).
import type { WorkflowDocument } from '../../../engine/model/document.js';
import type { WorkflowDiff } from '../../../preload/contract.js';
import type { WeftClient } from '../../api/client.js';
import { downloadText } from '../../app/download.js';
import type { Commands } from '../../app/commands/index.js';
import { showWorkflow } from '../../app/commands/open-document.js';
import { isConflict, reportFailure } from '../../app/commands/report-error.js';
import { useUiStore } from '../../stores/ui.store.js';
import { useWorkspaceStore } from '../../stores/workspace.store.js';

const SOURCE = 'history';
/** Version documents kept in memory; older ones are fetched again when needed. */
const KEPT_DOCUMENTS = 40;

export interface HistoryActions {
  versionDocument(workflowId: string, version: number): Promise<WorkflowDocument>;
  diff(workflowId: string, from: number, to: number): Promise<WorkflowDiff>;
  exportVersion(workflowId: string, version: number): Promise<void>;
  /** Asks about unsaved edits first; answers when the restore is done or dropped. */
  restore(workflowId: string, version: number): void;
}

function workspaceOf(): string {
  const id = useUiStore.getState().workspaceId;
  if (!id) throw new Error('no workspace is open');
  return id;
}

export function createHistoryActions(client: WeftClient, commands: Commands): HistoryActions {
  const documents = new Map<string, Promise<WorkflowDocument>>();
  const ui = useUiStore.getState;

  async function restoreNow(workflowId: string, version: number): Promise<void> {
    const { workspaceId, version: expectedVersion } = ui();
    // The editor moved on (another workflow opened) while the unsaved-changes question was up.
    if (!workspaceId || ui().workflowId !== workflowId || expectedVersion === null) return;
    ui().setBusy('restore', true);
    try {
      const detail = await client.invoke('workflows.restore', { workspaceId, workflowId, version, expectedVersion });
      showWorkflow(detail);
      useWorkspaceStore.getState().upsertWorkflow(detail);
      ui().dismissSource(SOURCE);
      ui().notify('info', `Restored version ${version} as version ${detail.version}`, SOURCE);
    } catch (err) {
      if (isConflict(err)) commands.workflows.resolveConflict();
      else reportFailure(`Version ${version} not restored`, err, SOURCE);
    } finally {
      ui().setBusy('restore', false);
    }
  }

  return {
    versionDocument(workflowId, version) {
      const workspaceId = workspaceOf();
      const key = `${workspaceId}/${workflowId}@${version}`;
      let found = documents.get(key);
      if (!found) {
        found = client.invoke('workflows.getVersion', { workspaceId, workflowId, version }).then((v) => v.document);
        // A failed fetch is not kept: the next look tries again.
        found.catch(() => documents.delete(key));
        documents.set(key, found);
        if (documents.size > KEPT_DOCUMENTS) documents.delete(documents.keys().next().value as string);
      }
      return found;
    },

    diff: (workflowId, from, to) => client.invoke('workflows.diff', { workspaceId: workspaceOf(), workflowId, from, to }),

    async exportVersion(workflowId, version) {
      try {
        const file = await client.invoke('workflows.export', { workspaceId: workspaceOf(), workflowId, version });
        downloadText(file.fileName, file.text);
      } catch (err) {
        reportFailure(`Version ${version} not exported`, err, SOURCE);
      }
    },

    restore(workflowId, version) {
      commands.workflows.guardUnsaved(() => restoreNow(workflowId, version));
    },
  };
}
