// The services behind the desktop window: the store (weft.db in the user-data folder), each workspace's
// plugins (from the user-data plugins folder, run in plugin runner processes), and the API — the same
// dispatch, with the same per-call preparation, as browser mode (main/web/web-api.ts). The desktop app
// runs it in its backend process (process.ts, with runners brokered by main); it is plain Node, so the
// tests also open it in-process in a temporary folder, with runners as child processes.
import { join } from 'node:path';
import { createRegistry } from '../../engine/index.js';
import type { ApiEvent } from '../../preload/contract.js';
import { coreNodeTypes } from '../../plugins/core/index.js';
import type { RunnerLauncher } from '../plugins/runner/index.js';
import { createWorkspacePlugins, type WorkspacePlugins } from '../plugins/workspace-plugins.js';
import { createApi, type ApiConnection } from '../rpc/api.js';
import { openStore, type OpenStore } from '../services/store.js';
import { createWebApi, type WebApi } from '../web/web-api.js';
import { createShutdown } from './shutdown.js';
import { PLUGINS_FOLDER, preparePluginsFolder } from './plugins-folder.js';

export interface BackendOptions {
  /** The app's user-data folder: the database and the plugins folder go in it. */
  readonly userDataDir: string;
  /** How plugin runners start (the app: utility processes started by main; tests: child processes). */
  readonly launcher?: RunnerLauncher;
  /** Plugins copied into the plugins folder when this start creates it. */
  readonly bundledPluginsDir?: string;
  readonly log?: (message: string) => void;
  /** How long shutdown waits for cancelled runs to be recorded (default 5 s). */
  readonly runsTimeoutMs?: number;
}

export interface Backend {
  readonly dataDir: string;
  readonly pluginsDir: string;
  readonly store: OpenStore;
  /** A window's connection: its own run subscriptions, its events to `send`. */
  openConnection(send: (event: ApiEvent) => void): ApiConnection;
  /** Closes the connections, cancels runs (and waits for their records), stops runners, closes the database. Once. */
  shutdown(): Promise<void>;
}

/** Opens the store and plugins; throws (with nothing left open) when the database cannot be opened. */
export function openBackend(options: BackendOptions): Backend {
  const log = options.log ?? ((message: string) => console.error(message));
  const dataDir = options.userDataDir;
  const pluginsDir = join(dataDir, PLUGINS_FOLDER);
  const prepared = preparePluginsFolder(pluginsDir, options.bundledPluginsDir);
  if (prepared.seeded.length > 0) log(`weft: made ${pluginsDir} with ${prepared.seeded.join(', ')}`);

  const store = openStore({ dataDir, registry: createRegistry(coreNodeTypes) });
  if (store.interruptedRuns > 0)
    log(`weft: ${store.interruptedRuns} run(s) left running by the last session are now interrupted`);

  let plugins: WorkspacePlugins;
  let host: WebApi;
  try {
    plugins = createWorkspacePlugins({
      // Every workspace reads the one plugins folder, each in its own runner.
      dirFor: () => pluginsDir,
      bundled: coreNodeTypes,
      ...(options.launcher === undefined ? {} : { launcher: options.launcher }),
      // A plugin dropped into the folder (File → Open Plugins Folder) shows up without a restart.
      watch: true,
      onError: (error) => log(`weft: reloading plugins failed: ${error.message}`),
    });
    const api = createApi({
      store,
      plugins,
      logger: {
        error: (message, error) =>
          log(`${message} ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
      },
    });
    host = createWebApi({ api, plugins, log });
  } catch (error) {
    store.close();
    throw error;
  }
  // The Default workspace's runner starts now, so the window's first calls do not wait for it; a
  // shutdown in the meantime makes this fail, which is no news.
  let stopping = false;
  plugins.ensure(store.defaultWorkspace.id).catch((error: unknown) => {
    if (!stopping)
      log(`weft: loading plugins failed: ${error instanceof Error ? error.message : String(error)}`);
  });
  const connections = new Set<ApiConnection>();

  const shutdown = createShutdown(
    [
      {
        name: "closing the windows' connections",
        run: () => {
          stopping = true;
          for (const connection of connections) connection.close();
          connections.clear();
        },
      },
      {
        name: 'cancelling runs',
        run: () => {
          const cancelled = host.cancelRuns();
          if (cancelled > 0) log(`weft: cancelled ${cancelled} run(s) at shutdown`);
        },
      },
      {
        name: 'recording the cancelled runs',
        run: () => host.idle(),
        timeoutMs: options.runsTimeoutMs ?? 5_000,
      },
      { name: 'stopping the plugin runners', run: () => plugins.close() },
      { name: 'closing the database', run: () => store.close() },
    ],
    log,
  );

  return {
    dataDir,
    pluginsDir,
    store,
    openConnection(send) {
      const connection = host.openConnection(send);
      connections.add(connection);
      return {
        call: (method, input) => connection.call(method, input),
        close() {
          connections.delete(connection);
          connection.close();
        },
      };
    },
    shutdown,
  };
}
