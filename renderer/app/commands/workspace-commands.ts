// Workspaces and the workflow list: load, switch, create; the list's search, sort and paging. The
// workspace entered is watched (`workspaces.watch`), so the list follows changes made elsewhere: in
// another window or tab, by a script over REST.
import { MAX_PAGE, type ApiEvent } from '../../../preload/contract.js';
import { isBackendStatusEvent } from '../../../preload/contract/backend-status.js';
import type { WeftClient } from '../../api/client.js';
import { useCatalogStore } from '../../stores/catalog.store.js';
import { useRunStore } from '../../stores/run.store.js';
import { useUiStore } from '../../stores/ui.store.js';
import { useWorkspaceStore } from '../../stores/workspace.store.js';
import { reportFailure } from './report-error.js';
import { debounce, LIVE_REFRESH_MS, listsConcerned } from './workspace-changes.js';

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
  /** The list again as far as it was loaded (pages kept), for changes made elsewhere. */
  syncWorkflows(): Promise<void>;
  loadMoreWorkflows(): Promise<void>;
  /**
   * Follows the watched workspace's changes made elsewhere (workflow list, workspace names, node
   * types) and watches it again after the link to the host was lost; answers the function that stops.
   */
  start(): () => void;
}

export function createWorkspaceCommands(client: WeftClient): WorkspaceCommands {
  const ui = useUiStore.getState;
  const lists = useWorkspaceStore.getState;
  // A slow answer for an old query must not overwrite the answer for the new one.
  let listRequest = 0;

  async function listPage(cursor: string | null, limit = PAGE): Promise<void> {
    const workspaceId = ui().workspaceId;
    if (!workspaceId) return;
    const request = ++listRequest;
    const { search, sort, tag } = lists();
    lists().setListLoading(true);
    try {
      const page = await client.invoke('workflows.list', {
        workspaceId,
        limit,
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

  /** Hears the workspace's changes on this connection; lists still refresh on this window's own acts without it. */
  async function watch(workspaceId: string): Promise<void> {
    try {
      await client.invoke('workspaces.watch', { workspaceId });
    } catch {
      // Changes made elsewhere then show on the next refresh; a lost link watches again on reconnect.
    }
  }

  /** The workspaces again (names), the node types (policy, plugins); leaves a workspace deleted elsewhere. */
  async function reloadWorkspace(): Promise<void> {
    const current = ui().workspaceId;
    try {
      const workspaces = await client.invoke('workspaces.list', {});
      lists().setWorkspaces(workspaces);
      if (current === null || ui().workspaceId !== current) return;
      if (workspaces.some((w) => w.id === current)) await commands.refreshCatalog();
      else {
        // Its workflows and runs are gone; what is on the canvas stays, as a workflow not yet saved.
        ui().setWorkflow(null, null);
        useRunStore.getState().clear();
        ui().notify(
          'info',
          'This workspace was deleted elsewhere, with its workflows. What was open is kept here unsaved: save it to keep it.',
          'workspaces',
        );
        await commands.loadWorkspaces();
      }
    } catch (err) {
      reportFailure('Could not reload the workspace', err, 'workspaces');
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
      // Asked first, so a change made while the lists load is heard.
      await Promise.all([watch(workspaceId), commands.refreshCatalog(), commands.refreshWorkflows()]);
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
    syncWorkflows: () => listPage(null, Math.min(MAX_PAGE, Math.max(PAGE, lists().workflows.length))),
    async loadMoreWorkflows() {
      const cursor = lists().nextCursor;
      if (cursor) await listPage(cursor);
    },
    start() {
      const syncList = debounce(() => void commands.syncWorkflows(), LIVE_REFRESH_MS);
      const syncWorkspace = debounce(() => void reloadWorkspace(), LIVE_REFRESH_MS);
      // Typed loosely: the desktop bridge also carries events outside the contract's ApiEvent.
      const stopEvents = client.onEvent((event: unknown) => {
        // The desktop app's backend was restarted: the new one knows nothing of this window's watch.
        if (isBackendStatusEvent(event)) {
          const workspaceId = ui().workspaceId;
          if (event.status === 'restarted' && workspaceId) {
            void watch(workspaceId);
            syncList();
          }
          return;
        }
        const concerned = listsConcerned(event as ApiEvent, ui());
        if (concerned.has('workflows')) syncList();
        if (concerned.has('workspace')) syncWorkspace();
      });
      let wasOpen = client.transport.connection().state === 'open';
      const stopLink = client.transport.onConnectionChange((link) => {
        const open = link.state === 'open';
        const workspaceId = ui().workspaceId;
        // A new socket is a new connection on the host: it watches nothing yet.
        if (open && !wasOpen && workspaceId) void watch(workspaceId);
        wasOpen = open;
      });
      return () => {
        stopEvents();
        stopLink();
        syncList.cancel();
        syncWorkspace.cancel();
      };
    },
  };
  return commands;
}
