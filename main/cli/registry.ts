import { createRegistry, type NodeTypeRegistry, type WorkflowDocument } from '../../engine/index.js';
import { coreNodeTypes } from '../../plugins/core/index.js';
import { coreNodeTypesInRunner } from '../plugins/code-in-runner.js';
import { loadPlugins } from '../plugins/loader.js';
import {
  createRunnerClient,
  forkLauncher,
  type PluginRunnerClient,
  type RunnerClientOptions,
  type RunnerLauncher,
} from '../plugins/runner/index.js';
import type { CodeCall } from '../plugins/types.js';
import type { CliPlugins, CommandContext } from './commands/context.js';

/**
 * The node types and the runner of one command line (issue 4 item 3: user code never runs in this
 * process). `core.code` runs in a runner process, started only when a code node runs, when a run of a
 * workflow with code nodes is prepared, or when plugins are loaded; with `--plugins-dir` the plugins
 * load into that same runner, so one command has at most one warm runner. `dispose` stops it; a later
 * use starts a new one.
 */
export interface CliNodeResources {
  /** The bundled `core.*` node types, `core.code` in the runner (plugins come with `loadPlugins`). */
  registry(): NodeTypeRegistry;
  /** Starts the runner ahead of a run with code nodes, so its start does not count against a timeout. */
  prepare(document: WorkflowDocument): Promise<void>;
  /** Discovers and loads a plugins folder into the command's runner; `close` stops the runner. */
  loadPlugins(options: { dir: string; strict?: boolean }): Promise<CliPlugins>;
  /** Stops the runner, if one was started, so the process can exit. */
  dispose(): Promise<void>;
}

export interface CliNodeResourcesOptions {
  /** How runner processes start (default `child_process.fork` of child.mjs). */
  readonly launcher?: RunnerLauncher;
  readonly runner?: RunnerClientOptions;
}

export function createCliNodeResources(options: CliNodeResourcesOptions = {}): CliNodeResources {
  let client: PluginRunnerClient | undefined;
  const runnerClient = (): PluginRunnerClient =>
    (client ??= createRunnerClient(options.launcher ?? forkLauncher(), options.runner ?? {}));
  // The node types hold this, not a client: after a dispose, the next code node gets a new runner.
  const codeRunner = {
    runCode: (call: CodeCall, signal: AbortSignal, log: Parameters<PluginRunnerClient['runCode']>[2]) =>
      runnerClient().runCode(call, signal, log),
  };
  const bundled = coreNodeTypesInRunner(coreNodeTypes, codeRunner);
  let registry: NodeTypeRegistry | undefined;

  async function dispose(): Promise<void> {
    const running = client;
    client = undefined;
    await running?.close();
  }

  return {
    registry: () => (registry ??= createRegistry(bundled)),
    async prepare(document) {
      // A runner that cannot start is not this step's to report: the code nodes fail with the reason.
      if (document.nodes.some((n) => n.type === 'core.code'))
        await runnerClient()
          .warm()
          .catch(() => undefined);
    },
    async loadPlugins({ dir, strict }) {
      const shared = runnerClient();
      try {
        const loaded = await loadPlugins({ dir, strict: strict ?? false, client: shared, bundled });
        return {
          reports: loaded.reports,
          descriptors: loaded.descriptors,
          registry: loaded.registry,
          close: () => (client === shared ? dispose() : shared.close()),
        };
      } catch (err) {
        if (client === shared) await dispose();
        throw err;
      }
    },
    dispose,
  };
}

/** The command context's node parts, from one `CliNodeResources`. */
export function nodeResourcesContext(
  resources: CliNodeResources,
): Pick<CommandContext, 'registry' | 'prepareNodeResources' | 'loadPlugins' | 'disposeNodeResources'> {
  return {
    registry: () => resources.registry(),
    prepareNodeResources: (document) => resources.prepare(document),
    loadPlugins: (opts) => resources.loadPlugins(opts),
    disposeNodeResources: () => resources.dispose(),
  };
}
