// The API as the browser mode's transports (socket and REST) call it: the same dispatch, with what a
// long-lived server adds around each call. A workspace's plugins are loaded before its first call, so
// the palette, validation and runs see its plugin nodes from the start; a deleted workspace's runner
// is stopped; and the runs started here are known, so a shutdown can cancel them.
import type { ApiEvent, ApiResponse } from '../../preload/contract.js';
import { ID_RE } from '../../preload/contract.js';
import type { WorkspacePlugins } from '../plugins/workspace-plugins.js';
import type { Api, ApiConnection } from '../rpc/api.js';
import { workspaceExists } from '../services/workspaces.service.js';

export interface WebApiOptions {
  readonly api: Api;
  /** The workspaces' plugins; absent: the store's node types only (tests). */
  readonly plugins?: Pick<WorkspacePlugins, 'ensure' | 'drop'>;
  /** Hears what goes wrong outside any one call (a plugin folder that cannot be loaded). */
  readonly log?: (message: string) => void;
}

export interface WebApi {
  /** A connection whose pushed events go to `send` (one per socket; REST shares one without events). */
  openConnection(send: (event: ApiEvent) => void): ApiConnection;
  /** Cancels every run started through this API that is still going; answers how many. */
  cancelRuns(): number;
  /** Resolves once every run has finished and been stored. */
  idle(): Promise<void>;
}

/** The workspace a call's input names, when it names one in a valid id. */
function workspaceOf(input: unknown): string | undefined {
  if (input === null || typeof input !== 'object') return undefined;
  const id = (input as { workspaceId?: unknown }).workspaceId;
  return typeof id === 'string' && ID_RE.test(id) ? id : undefined;
}

export function createWebApi(options: WebApiOptions): WebApi {
  const { api, plugins } = options;
  const log = options.log ?? ((message: string) => console.error(message));
  /** Runs started here, by id, with their workspace; pruned of finished ones as new ones start. */
  const started = new Map<string, string>();

  function stillRunning(runId: string, workspaceId: string): boolean {
    return api.runs.snapshotOf(workspaceId, runId) !== undefined;
  }

  function remember(workspaceId: string, response: ApiResponse): void {
    if (!response.ok) return;
    const runId = (response.result as { runId?: unknown } | null)?.runId;
    if (typeof runId !== 'string') return;
    for (const [id, ws] of started) if (!stillRunning(id, ws)) started.delete(id);
    started.set(runId, workspaceId);
  }

  /**
   * Loads the workspace's plugins before its call. Only for a workspace that exists: an id made up by a
   * caller must not start a runner process. A folder that cannot be loaded at all fails the call (the
   * next call tries again) rather than letting it validate against the bundled node types alone.
   */
  async function prepare(workspaceId: string | undefined): Promise<ApiResponse | undefined> {
    if (plugins === undefined || workspaceId === undefined || !workspaceExists(api.store, workspaceId))
      return undefined;
    try {
      await plugins.ensure(workspaceId);
      return undefined;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      log(`weft serve: the plugins of workspace ${workspaceId} could not be loaded: ${reason}`);
      return {
        ok: false,
        error: {
          code: 'PLUGINS_UNAVAILABLE',
          message: `the workspace's plugins could not be loaded: ${reason}`,
        },
      };
    }
  }

  return {
    openConnection(send) {
      const connection = api.openConnection(send);
      return {
        async call(method, input) {
          const workspaceId = workspaceOf(input);
          // Managing a workspace (rename, policy, delete…) involves no node type: no runner for it.
          const refused = method.startsWith('workspaces.') ? undefined : await prepare(workspaceId);
          if (refused !== undefined) return refused;
          const response = await connection.call(method, input);
          if (workspaceId !== undefined && response.ok) {
            if (method === 'runs.start' || method === 'runs.rerun') remember(workspaceId, response);
            // Its runner has nothing left to serve.
            if (method === 'workspaces.delete') {
              plugins
                ?.drop(workspaceId)
                .catch((error: unknown) => log(`weft serve: stopping a runner failed: ${String(error)}`));
            }
          }
          return response;
        },
        close: () => connection.close(),
      };
    },
    cancelRuns() {
      let cancelled = 0;
      for (const [runId, workspaceId] of started) {
        try {
          if (api.runs.cancel(workspaceId, runId).cancelled) cancelled += 1;
        } catch {
          // Deleted with its workspace, or finished and pruned: nothing to cancel.
        }
      }
      started.clear();
      return cancelled;
    },
    idle: () => api.runs.idle(),
  };
}
