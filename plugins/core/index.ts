/** The bundled `core.*` node types, as one plugin. */
import { definePlugin, type NodeType } from '../sdk/index.js';
import { codeNode } from './code.node.js';
import { delayNode } from './delay.node.js';
import { expressionNode } from './expression.node.js';
import { failNode } from './fail.node.js';
import { httpNode } from './http.node.js';
import { ifNode } from './if.node.js';
import { manualNode } from './manual.node.js';
import { mergeNode } from './merge.node.js';
import { outputNode } from './output.node.js';
import { setNode } from './set.node.js';

export { createCodeNode, disposeCodeSandbox } from './code.node.js';

/** Every bundled node type, in palette order: trigger, data, flow, network, code, output. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const coreNodeTypes: readonly NodeType<any>[] = [
  manualNode,
  setNode,
  expressionNode,
  ifNode,
  mergeNode,
  delayNode,
  failNode,
  httpNode,
  codeNode,
  outputNode,
];

/** The bundled plugin that contributes `core.*`. */
export const corePlugin = definePlugin({ nodes: coreNodeTypes });

export { codeNode, delayNode, expressionNode, failNode, httpNode, ifNode, manualNode, mergeNode, outputNode, setNode };
