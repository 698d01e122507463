// The API as every transport uses it (the CLI, Electron IPC, the browser mode's WebSocket): one
// dispatcher over the handlers and services, and one connection per window or socket, each with its
// own run subscriptions so one window's follows never push to another, and its own watched workspace,
// whose changes (made by any connection, REST included, or by a run ending) it hears.
import type { ApiEvent, ApiResponse } from '../../preload/contract.js';
import type { WorkspacePlugins } from '../plugins/workspace-plugins.js';
import { createRunsService, type RunsService } from '../services/runs.service.js';
import type { Store } from '../services/store.js';
import { workspaceExists } from '../services/workspaces.service.js';
import { changeOfCall } from './call-changes.js';
import { createDispatcher, type Dispatch, type DispatchLogger, type Handlers } from './dispatch.js';
import { createRunSubscriptions } from './events.js';
import { createHandlers } from './handlers.js';
import type { PluginsView } from './handlers/plugins.js';
import { createRunEventSource } from './handlers/run-source.js';
import { createRunFeed, type RunFeed } from './run-feed.js';
import { createWorkspaceChanges, createWorkspaceWatch, type WorkspaceChanges } from './workspace-changes.js';

export interface ApiOptions {
  readonly store: Store;
  /**
   * Each workspace's plugins (one runner per workspace): documents are validated and compiled against
   * the workspace's node types, and `nodeTypes.list` lists them. The caller awaits `ensure` when a
   * workspace is opened. A `runs` given too must be made over the store this returns as `store`.
   */
  readonly plugins?: Pick<WorkspacePlugins, 'registryFor' | 'catalogFor'> &
    Partial<Pick<WorkspacePlugins, 'reportsFor' | 'descriptorsFor' | 'reload'>>;
  /** The process's run feed; made here when absent. Pass the one `runs` publishes to when giving `runs`. */
  readonly feed?: RunFeed;
  /**
   * The runs service; made here over `store` and `feed` when absent. One given here must announce its
   * runs' changes to `changes` (createRunsService's `onChange`), or watchers miss them.
   */
  readonly runs?: RunsService;
  /** Where workspace changes are announced; made here when absent. */
  readonly changes?: WorkspaceChanges;
  readonly logger?: DispatchLogger;
  /** Answer INTERNAL for results that are not plain data (tests and development). */
  readonly checkResults?: boolean;
}

/** One window's or socket's view of the API. */
export interface ApiConnection {
  /** Calls a method with untrusted input; always resolves. */
  call(method: string, input: unknown): Promise<ApiResponse>;
  /** Stops every run this connection follows; later calls answer CLOSED. */
  close(): void;
}

export interface Api {
  /** The store the services work over (with the workspaces' plugins when `plugins` was given). */
  readonly store: Store;
  readonly dispatch: Dispatch;
  readonly handlers: Handlers;
  readonly runs: RunsService;
  readonly feed: RunFeed;
  readonly changes: WorkspaceChanges;
  /** Opens a connection whose pushed events (run snapshots and events, workspace changes) go to `send`. */
  openConnection(send: (event: ApiEvent) => void): ApiConnection;
}

/** The plugin reports `plugins.list` answers, when the caller's plugins can give them. */
function pluginsView(plugins: ApiOptions['plugins']): { plugins?: PluginsView } {
  if (plugins?.reportsFor === undefined || plugins.descriptorsFor === undefined) return {};
  // Called through the object, so an implementation that relies on `this` keeps working.
  const source = plugins as Required<NonNullable<ApiOptions['plugins']>>;
  return {
    plugins: {
      reportsFor: (workspaceId) => source.reportsFor(workspaceId),
      descriptorsFor: (workspaceId) => source.descriptorsFor(workspaceId),
      ...(plugins.reload === undefined ? {} : { reload: (workspaceId: string) => source.reload(workspaceId) }),
    },
  };
}

export function createApi(options: ApiOptions): Api {
  const { plugins } = options;
  const store: Store =
    plugins === undefined
      ? options.store
      : {
          ...options.store,
          registryFor: (workspaceId) => plugins.registryFor(workspaceId),
          pluginsFor: (workspaceId) => plugins.catalogFor(workspaceId),
        };
  const feed = options.feed ?? createRunFeed();
  const changes = options.changes ?? createWorkspaceChanges();
  const runs =
    options.runs ?? createRunsService(store, { feed, onChange: (run) => changes.publish({ ...run, what: 'runs' }) });
  const handlers = createHandlers({ store, runs, feed, ...pluginsView(plugins) });
  const dispatch = createDispatcher(handlers, {
    workspaceExists: (id) => workspaceExists(store, id),
    afterCall(method, args, result) {
      const change = changeOfCall(method, args, result);
      if (change) changes.publish(change);
    },
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.checkResults ? { checkResults: true } : {}),
  });
  const source = createRunEventSource(runs, feed);

  return {
    store,
    dispatch,
    handlers,
    runs,
    feed,
    changes,
    openConnection(send) {
      const subscriptions = createRunSubscriptions(source, send);
      const watch = createWorkspaceWatch(changes, send);
      const ctx = { subscriptions, watch };
      let closed = false;
      return {
        call(method, input) {
          if (closed) {
            return Promise.resolve({
              ok: false,
              error: { code: 'CLOSED', message: 'the connection is closed' },
            });
          }
          return dispatch(method, input, ctx);
        },
        close() {
          closed = true;
          subscriptions.close();
          watch.close();
        },
      };
    },
  };
}
