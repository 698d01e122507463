import { createRegistry, type NodeTypeRegistry } from '../../engine/index.js';
import { coreNodeTypes } from '../../plugins/core/index.js';
import { disposeCodeSandbox } from '../../plugins/core/code.node.js';

/** The node types a workflow may use from the command line: the bundled `core.*` ones (plugins later). */
export function bundledRegistry(): NodeTypeRegistry {
  return createRegistry(coreNodeTypes);
}

/** Releases what running nodes left behind (the code sandbox's workers), so the process can exit. */
export async function disposeNodeResources(): Promise<void> {
  await disposeCodeSandbox();
}
