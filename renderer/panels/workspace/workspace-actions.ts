// The open workspace's settings on the host: rename, delete (then another workspace is entered),
// policy and run retention. Each answers the error message for the dialog, or null when done.
import type { Workspace, WorkspacePolicy } from '../../../preload/contract.js';
import { errorMessage, type WeftClient } from '../../api/client.js';
import type { Commands } from '../../app/commands/index.js';
import { useUiStore } from '../../stores/ui.store.js';
import { useWorkspaceStore } from '../../stores/workspace.store.js';

const DEFAULT_WORKSPACE = 'Default';

export interface WorkspaceActions {
  rename(id: string, name: string): Promise<string | null>;
  remove(id: string): Promise<string | null>;
  setPolicy(id: string, policy: WorkspacePolicy): Promise<string | null>;
  setRunRetention(id: string, runRetention: number): Promise<string | null>;
}

/** The workspace to enter when `removed` is gone: Default when it remains, else the first. */
export function nextWorkspace(workspaces: readonly Workspace[], removed: string): Workspace | null {
  const rest = workspaces.filter((w) => w.id !== removed);
  return rest.find((w) => w.name === DEFAULT_WORKSPACE) ?? rest[0] ?? null;
}

export function createWorkspaceActions(client: WeftClient, commands: Commands): WorkspaceActions {
  const lists = useWorkspaceStore.getState;

  function replace(updated: Workspace): void {
    lists().setWorkspaces(lists().workspaces.map((w) => (w.id === updated.id ? updated : w)));
  }

  async function attempt(work: () => Promise<void>): Promise<string | null> {
    try {
      await work();
      return null;
    } catch (err) {
      return errorMessage(err);
    }
  }

  return {
    rename: (id, name) => attempt(async () => replace(await client.invoke('workspaces.rename', { workspaceId: id, name }))),

    remove: (id) =>
      attempt(async () => {
        const next = nextWorkspace(lists().workspaces, id);
        if (!next) throw new Error('The last workspace cannot be deleted');
        await client.invoke('workspaces.delete', { workspaceId: id });
        lists().setWorkspaces(lists().workspaces.filter((w) => w.id !== id));
        if (useUiStore.getState().workspaceId === id) {
          // Its workflows are gone with it: the editor starts empty in the next workspace.
          commands.workflows.newWorkflow();
          await commands.workspaces.enterWorkspace(next.id);
        }
        useUiStore.getState().notify('info', 'Workspace deleted', 'workspaces');
      }),

    setPolicy: (id, policy) =>
      attempt(async () => {
        replace(await client.invoke('workspaces.setPolicy', { workspaceId: id, policy }));
        // The host lists only the types the policy allows: the palette follows.
        if (useUiStore.getState().workspaceId === id) await commands.workspaces.refreshCatalog();
      }),

    setRunRetention: (id, runRetention) =>
      attempt(async () => replace(await client.invoke('workspaces.setRunRetention', { workspaceId: id, runRetention }))),
  };
}
