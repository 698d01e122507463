import { createRegistry, type NodeTypeRegistry } from '../../engine/index.js';
import { coreNodeTypes } from '../../plugins/core/index.js';
import { disposeCodeSandbox, warmCodeSandbox } from '../../plugins/core/code.node.js';
import type { WorkflowDocument } from '../../engine/index.js';

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
