// Workspaces and the workflow list: load, switch, create; the list's search, sort and paging.
import type { WeftClient } from '../../api/client.js';
import { useCatalogStore } from '../../stores/catalog.store.js';
import { useUiStore } from '../../stores/ui.store.js';
import { useWorkspaceStore } from '../../stores/workspace.store.js';
import { reportFailure } from './report-error.js';

const DEFAULT_WORKSPACE = 'Default';
const PAGE = 100;

export interface WorkspaceCommands {
  /** Loads the workspaces and opens the last one used (or Default); answers its id. */
  loadWorkspaces(): Promise<string | null>;
  /** Makes `workspaceId` current: its node types and workflows. The caller handles unsaved edits. */
  enterWorkspace(workspaceId: string): Promise<void>;
  createWorkspace(name: string): Promise<string | null>;
  refreshCatalog(): Promise<void>;
  /** First page of the list with the current search and sort. */
  refreshWorkflows(): Promise<void>;
  loadMoreWorkflows(): Promise<void>;
}

export function createWorkspaceCommands(client: WeftClient): WorkspaceCommands {
  const ui = useUiStore.getState;
  const lists = useWorkspaceStore.getState;
  // A slow answer for an old query must not overwrite the answer for the new one.
  let listRequest = 0;

  async function listPage(cursor: string | null): Promise<void> {
    const workspaceId = ui().workspaceId;
    if (!workspaceId) return;
    const request = ++listRequest;
    const { search, sort, tag } = lists();
    lists().setListLoading(true);
    try {
      const page = await client.invoke('workflows.list', {
        workspaceId,
        limit: PAGE,
        sort,
        ...(search.trim() ? { search: search.trim() } : {}),
        ...(tag ? { tag } : {}),
        ...(cursor ? { cursor } : {}),
      });
      if (request === listRequest) lists().setWorkflows(page.items, page.nextCursor, cursor !== null);
    } catch (err) {
      reportFailure('Could not list workflows', err, 'list');
    } finally {
      if (request === listRequest) lists().setListLoading(false);
    }
  }

  const commands: WorkspaceCommands = {
    async loadWorkspaces() {
      try {
        let workspaces = await client.invoke('workspaces.list', {});
        if (workspaces.length === 0) {
          await client.invoke('workspaces.create', { name: DEFAULT_WORKSPACE });
          workspaces = await client.invoke('workspaces.list', {});
        }
        lists().setWorkspaces(workspaces);
        const remembered = workspaces.find((w) => w.id === ui().workspaceId);
        const chosen = remembered ?? workspaces.find((w) => w.name === DEFAULT_WORKSPACE) ?? workspaces[0];
        if (!chosen) return null;
        await commands.enterWorkspace(chosen.id);
        return chosen.id;
      } catch (err) {
        reportFailure('Could not load workspaces', err, 'workspaces');
        return null;
      }
    },
    async enterWorkspace(workspaceId) {
      ui().setWorkspace(workspaceId);
      lists().setWorkflows([], null, false);
      // Tags belong to a workspace: another workspace's tag would filter out everything.
      lists().setTag(null);
      await Promise.all([commands.refreshCatalog(), commands.refreshWorkflows()]);
    },
    async createWorkspace(name) {
      try {
        const created = await client.invoke('workspaces.create', { name });
        lists().setWorkspaces(await client.invoke('workspaces.list', {}));
        return created.id;
      } catch (err) {
        reportFailure('Workspace not created', err, 'workspaces');
        return null;
      }
    },
    async refreshCatalog() {
      const workspaceId = ui().workspaceId;
      if (!workspaceId) return;
      try {
        useCatalogStore.getState().setTypes(await client.invoke('nodeTypes.list', { workspaceId }));
      } catch (err) {
        reportFailure('Could not load node types', err, 'catalog');
      }
    },
    refreshWorkflows: () => listPage(null),
    async loadMoreWorkflows() {
      const cursor = lists().nextCursor;
      if (cursor) await listPage(cursor);
    },
  };
  return commands;
}
