import { createRegistry, type NodeTypeRegistry } from '../../engine/index.js';
import { coreNodeTypes } from '../../plugins/core/index.js';
import { disposeCodeSandbox, warmCodeSandbox } from '../../plugins/core/code.node.js';
import type { WorkflowDocument } from '../../engine/index.js';
import { loadPlugins } from '../plugins/loader.js';
import { createRunnerClient, forkLauncher } from '../plugins/runner/index.js';
import type { CliPlugins } from './commands/context.js';

/** The node types a workflow may use from the command line: the bundled `core.*` ones (plugins later). */
export function bundledRegistry(): NodeTypeRegistry {
  return createRegistry(coreNodeTypes);
}

/** Releases what running nodes left behind (the code sandbox's workers), so the process can exit. */
export async function disposeNodeResources(): Promise<void> {
  await disposeCodeSandbox();
}

/** Gets slow-starting node resources ready before a run, so their start-up does not eat node timeouts. */
export async function prepareNodeResources(document: WorkflowDocument): Promise<void> {
  if (document.nodes.some((n) => n.type === 'core.code')) await warmCodeSandbox();
}

/** Loads a plugins folder for one command, in a runner process of its own (started only if needed). */
export async function loadCliPlugins(options: { dir: string; strict?: boolean }): Promise<CliPlugins> {
  const client = createRunnerClient(forkLauncher(), {});
  try {
    const loaded = await loadPlugins({ dir: options.dir, strict: options.strict ?? false, client, bundled: coreNodeTypes });
    return { reports: loaded.reports, descriptors: loaded.descriptors, registry: loaded.registry, close: () => client.close() };
  } catch (err) {
    await client.close();
    throw err;
  }
}
