// The plugins of every workspace (issue 4 item 3: runners are per workspace, no state is shared between
// workspaces). One plugin host — thus one runner process — per workspace, made on first `ensure`;
// `registryFor` is what the store validates and compiles a workspace's documents against.
//
// Until `ensure(workspaceId)` has loaded a workspace's plugins, `registryFor` answers the bundled node
// types only: the app awaits `ensure` when a workspace is opened (and before serving calls that name
// it), so its palette, validation and runs see its plugins from then on. A watched host reloads by
// itself when the folder changes; each reload gives a new registry, which the next call sees.
//
// `core.code` runs in the workspace's own runner too (the host's runner client, beside its plugins),
// so user code of one workspace shares no process or state with another's. The bundled-only view
// before `ensure` keeps the bundled `core.code` as given.
import type { NodeType, NodeTypeRegistry } from '../../engine/index.js';
import { coreNodeTypesInRunner } from './code-in-runner.js';
import { assemblePlugins, type LoadedPlugins } from './loader.js';
import { createPluginHost, type PluginHost, type PluginHostOptions } from './plugin-host.js';
import type { RunnerClientOptions, RunnerLauncher } from './runner/index.js';
import type { NodeTypeDescriptor, PluginReport, RunnerClient } from './types.js';

export interface WorkspacePluginsOptions {
  /** The plugins folder of a workspace; undefined means the bundled node types only. */
  readonly dirFor: (workspaceId: string) => string | undefined;
  /** The bundled node types (every workspace has them; its `core.code` runs in the workspace's runner). */
  readonly bundled: readonly NodeType[];
  /** How runner processes start (default `child_process.fork`). */
  readonly launcher?: RunnerLauncher;
  /** Reload a workspace's plugins when its folder changes (default false). */
  readonly watch?: boolean;
  readonly strict?: boolean;
  /** Per-plugin load and `init` timeout. */
  readonly timeoutMs?: number;
  readonly runner?: RunnerClientOptions;
  /** Hears what goes wrong in a watched reload (default: a warning on stderr). */
  readonly onError?: (error: Error) => void;
}

/** The store's catalog of a workspace's plugins (export's `requires`, import's check). */
export interface WorkspacePluginCatalog {
  pluginOf(type: string): { name: string; version: string } | undefined;
  installed(plugin: string): { version: string } | undefined;
}

export interface WorkspacePlugins {
  /** The workspace's node types: bundled plus its loaded plugins (bundled only before `ensure`). */
  registryFor(workspaceId: string): NodeTypeRegistry;
  /** The workspace's installed plugins, for export and import. */
  catalogFor(workspaceId: string): WorkspacePluginCatalog;
  /** Descriptors of the workspace's node types, for the palette. */
  descriptorsFor(workspaceId: string): NodeTypeDescriptor[];
  /** One load report per plugin of the workspace (`core` first). */
  reportsFor(workspaceId: string): PluginReport[];
  /** Makes the workspace's host (and runner) if needed and loads its plugins once; shared by callers. */
  ensure(workspaceId: string): Promise<void>;
  /**
   * Loads the workspace's plugins again, every one whether its files changed or not (a plugin that
   * failed is retried), in the same runner: runs already going keep the code they started with. A
   * workspace not loaded yet is loaded as by `ensure`.
   */
  reload(workspaceId: string): Promise<void>;
  /** Stops one workspace's host and runner (a deleted workspace); a later `ensure` starts again. */
  drop(workspaceId: string): Promise<void>;
  /** Stops every host and runner. Later calls answer the bundled node types; `ensure` rejects. */
  close(): Promise<void>;
}

interface Entry {
  readonly host: PluginHost;
  readonly ready: Promise<void>;
  loaded: boolean;
}

/** A client for the bundled-only view: it holds no plugin, so nothing ever calls it. */
const NO_RUNNER: RunnerClient = {
  load: () => Promise.reject(new Error('no runner: bundled node types only')),
  run: () => Promise.reject(new Error('no runner: bundled node types only')),
  close: () => Promise.resolve(),
};

export function createWorkspacePlugins(options: WorkspacePluginsOptions): WorkspacePlugins {
  const bundledOnly: LoadedPlugins = assemblePlugins({
    discovered: [],
    results: new Map(),
    bundled: options.bundled,
    client: NO_RUNNER,
    workspaceId: '',
  });
  const entries = new Map<string, Entry>();
  let closed = false;

  function current(workspaceId: string): LoadedPlugins {
    const entry = entries.get(workspaceId);
    return entry?.loaded === true ? entry.host.current() : bundledOnly;
  }

  function start(workspaceId: string): Entry {
    // `core.code` reaches the runner through the host made here (the closure runs only once a node runs).
    const codeRunner = {
      runCode: (...args: Parameters<PluginHost['runner']['runCode']>) => host.runner.runCode(...args),
    };
    const hostOptions: PluginHostOptions = {
      dir: options.dirFor(workspaceId),
      bundled: coreNodeTypesInRunner(options.bundled, codeRunner, { workspaceId }),
      workspaceId,
      ...(options.launcher === undefined ? {} : { launcher: options.launcher }),
      ...(options.strict === undefined ? {} : { strict: options.strict }),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      ...(options.runner === undefined ? {} : { runner: options.runner }),
      ...(options.onError === undefined ? {} : { onError: options.onError }),
    };
    const host = createPluginHost(hostOptions);
    const entry: Entry = {
      host,
      loaded: false,
      ready: host.reload().then(() => {
        entry.loaded = true;
        if (options.watch === true) host.watch();
      }),
    };
    return entry;
  }

  async function drop(workspaceId: string): Promise<void> {
    const entry = entries.get(workspaceId);
    if (entry === undefined) return;
    entries.delete(workspaceId);
    await entry.host.close();
  }

  async function ensure(workspaceId: string): Promise<void> {
    if (closed) throw new Error('the workspace plugins are closed');
    let entry = entries.get(workspaceId);
    if (entry === undefined) {
      entry = start(workspaceId);
      entries.set(workspaceId, entry);
    }
    try {
      await entry.ready;
    } catch (error) {
      // A failed first load is retried by the next ensure, with a fresh host.
      if (entries.get(workspaceId) === entry) await drop(workspaceId);
      throw error;
    }
  }

  return {
    registryFor: (workspaceId) => current(workspaceId).registry,
    catalogFor(workspaceId) {
      const loaded = current(workspaceId);
      return {
        pluginOf: (type) => loaded.pluginOf(type),
        installed(plugin) {
          const report = loaded.reports.find((r) => r.name === plugin && r.status === 'loaded' && r.bundled !== true);
          return report === undefined ? undefined : { version: report.version };
        },
      };
    },
    descriptorsFor: (workspaceId) => current(workspaceId).descriptors,
    reportsFor: (workspaceId) => current(workspaceId).reports,
    ensure,
    async reload(workspaceId) {
      const started = entries.has(workspaceId);
      await ensure(workspaceId);
      // A host that `ensure` has just started has read the folder this moment: loading it twice is waste.
      if (started) await entries.get(workspaceId)?.host.reload({ force: true });
    },
    drop,
    async close() {
      closed = true;
      await Promise.all([...entries.keys()].map((workspaceId) => drop(workspaceId)));
    },
  };
}
