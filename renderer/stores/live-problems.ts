// Problems the editor can see without asking the host: the engine's own graph checks (unknown types,
// missing ports, port types, a taken input, cycles) and params the node type's schema requires. The
// host still validates fully (param schemas, policies) on save and run; this is the live hint.
import type { WorkflowEdge, WorkflowNode } from '../../engine/model/document.js';
import type { NodeType, NodeTypeRegistry } from '../../engine/model/node-type.js';
import type { Problem } from '../../engine/model/problem.js';
import { checkGraph } from '../../engine/validate/graph.js';
import type { NodeTypeDescriptor } from '../../preload/contract.js';

export interface LiveProblems {
  readonly all: readonly Problem[];
  /** Problems by the node they concern (an edge's problem goes to its target). */
  readonly byNode: Readonly<Record<string, readonly Problem[]>>;
}

export const NO_PROBLEMS: LiveProblems = { all: [], byNode: {} };

const notRunnable = (): never => {
  throw new Error('the editor does not run nodes');
};

/** The engine's registry shape over the catalog's descriptors (the checks read ports only). */
function registryOver(types: Readonly<Record<string, NodeTypeDescriptor>>): NodeTypeRegistry {
  const cache = new Map<string, NodeType>();
  return {
    get(type) {
      const d = types[type];
      if (!d) return undefined;
      let t = cache.get(type);
      if (!t) {
        t = { ...d, params: d.params ?? undefined, run: notRunnable } as NodeType;
        cache.set(type, t);
      }
      return t;
    },
  };
}

function requiredParams(d: NodeTypeDescriptor): readonly string[] {
  const required = d.params?.['required'];
  return Array.isArray(required) ? required.filter((k): k is string => typeof k === 'string') : [];
}

export function findLiveProblems(
  nodes: readonly WorkflowNode[],
  edges: readonly WorkflowEdge[],
  types: Readonly<Record<string, NodeTypeDescriptor>>,
): LiveProblems {
  const all: Problem[] = checkGraph(
    nodes.map((value, index) => ({ index, value })),
    edges.map((value, index) => ({ index, value })),
    registryOver(types),
  );
  nodes.forEach((node, index) => {
    const d = types[node.type];
    if (!d) return;
    for (const key of requiredParams(d)) {
      if (node.params?.[key] === undefined) {
        all.push({ path: `nodes[${index}].params.${key}`, code: 'INVALID_PARAMS', message: 'required' });
      }
    }
  });
  const byNode: Record<string, Problem[]> = {};
  for (const p of all) {
    const id = nodeOfPath(p.path, nodes, edges);
    if (id !== undefined) (byNode[id] ??= []).push(p);
  }
  return { all, byNode };
}

/** The node a problem's path points into (`nodes[3]…` or, for `edges[2]…`, the edge's target). */
export function nodeOfPath(
  path: string,
  nodes: readonly WorkflowNode[],
  edges: readonly WorkflowEdge[],
): string | undefined {
  const m = /^(nodes|edges)\[(\d+)\]/.exec(path);
  if (!m) return undefined;
  const index = Number(m[2]);
  return m[1] === 'nodes' ? nodes[index]?.id : edges[index]?.target;
}
