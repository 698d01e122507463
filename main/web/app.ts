// Everything `weft serve` runs, started and stopped as one: the store, each workspace's plugins (one
// runner per workspace), the API over them, and the HTTP server. `close` stops them in the order that
// loses nothing: no new requests, running runs cancelled and stored, runners stopped, database closed.
import { join } from 'node:path';
import type { NodeType, NodeTypeRegistry } from '../../engine/index.js';
import { createWorkspacePlugins, type WorkspacePlugins } from '../plugins/workspace-plugins.js';
import { createApi } from '../rpc/api.js';
import { openStore, type OpenStore } from '../services/store.js';
import { startWebServer, type WebServer } from './server.js';
import { createWebApi } from './web-api.js';

export interface WebAppOptions {
  readonly dataDir: string;
  /** Default: the data folder's plugins/. Every workspace loads this folder, each in its own runner. */
  readonly pluginsDir?: string;
  readonly host?: string;
  readonly port?: number;
  readonly rendererDir?: string;
  readonly token?: string;
  /** The bundled node types (every workspace has them; `core.code` runs in the workspace's runner). */
  readonly bundled: readonly NodeType[];
  /** The node types the store falls back to (never used once workspace plugins are in place). */
  readonly registry: NodeTypeRegistry;
  /** Reload a workspace's plugins when the folder changes (default true). */
  readonly watchPlugins?: boolean;
  /** Where problems outside any request go (default stderr). */
  readonly log?: (message: string) => void;
}

export interface WebApp {
  readonly server: WebServer;
  readonly store: OpenStore;
  /** Stops everything; safe to call more than once. */
  close(): Promise<void>;
}

/** How long a shutdown waits for cancelled runs to be stored before closing the database anyway. */
const RUNS_GRACE_MS = 5_000;

export async function startWebApp(options: WebAppOptions): Promise<WebApp> {
  const log = options.log ?? ((message: string) => console.error(message));
  const store = openStore({ dataDir: options.dataDir, registry: options.registry });
  let plugins: WorkspacePlugins | undefined;
  try {
    const pluginsDir = options.pluginsDir ?? join(options.dataDir, 'plugins');
    plugins = createWorkspacePlugins({
      dirFor: () => pluginsDir,
      bundled: options.bundled,
      watch: options.watchPlugins ?? true,
      onError: (error) => log(`weft serve: reloading plugins failed: ${error.message}`),
    });
    const api = createApi({
      store,
      plugins,
      logger: { error: (message, error) => log(`${message}: ${describe(error)}`) },
    });
    const web = createWebApi({ api, plugins, log });
    const server = await startWebServer({
      api: web,
      ...(options.host === undefined ? {} : { host: options.host }),
      ...(options.port === undefined ? {} : { port: options.port }),
      ...(options.rendererDir === undefined ? {} : { rendererDir: options.rendererDir }),
      ...(options.token === undefined ? {} : { token: options.token }),
    });
    let closing: Promise<void> | undefined;
    // Warm the Default workspace's runner now, so the editor's first calls do not wait for it. A stop
    // in the meantime makes it fail, which is no news.
    const opened = plugins;
    opened.ensure(store.defaultWorkspace.id).catch((error: unknown) => {
      if (closing === undefined) log(`weft serve: loading plugins failed: ${describe(error)}`);
    });

    const close = (): Promise<void> =>
      (closing ??= (async () => {
        await server.close();
        web.cancelRuns();
        await Promise.race([
          web.idle(),
          new Promise((resolve) => setTimeout(resolve, RUNS_GRACE_MS).unref()),
        ]);
        await opened.close();
        store.close();
      })());
    return { server, store, close };
  } catch (error) {
    await plugins?.close();
    store.close();
    throw error;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
