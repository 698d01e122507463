// Whether two ports may be joined, and if not, a sentence that says why (SPEC §2: types equal or
// either `any`, "number → string"). The canvas uses it for `isValidConnection` while a connection is
// dragged and to explain a refused drop.
import type { WorkflowEdge, WorkflowNode } from '../../engine/model/document.js';
import { portsConnect, type PortSpec } from '../../engine/model/node-type.js';
import type { NodeTypeDescriptor } from '../../preload/contract.js';

/** The output every node has besides its declared ones (`onError: "route"` emits on it). */
export const ERROR_PORT: PortSpec = { name: 'error', type: 'object' };

export type ConnectionCheck = { ok: true } | { ok: false; reason: string };

export interface ProposedEdge {
  readonly source: string;
  readonly sourcePort: string;
  readonly target: string;
  readonly targetPort: string;
}

interface GraphIndex {
  readonly nodes: Map<string, WorkflowNode>;
  readonly successors: Map<string, string[]>;
}

// Indexes are rebuilt only when the document's arrays change, not on every pointer move.
const nodeIndexes = new WeakMap<readonly WorkflowNode[], Map<string, WorkflowNode>>();
const edgeIndexes = new WeakMap<readonly WorkflowEdge[], Map<string, string[]>>();

function indexOf(nodes: readonly WorkflowNode[], edges: readonly WorkflowEdge[]): GraphIndex {
  let byId = nodeIndexes.get(nodes);
  if (!byId) {
    byId = new Map(nodes.map((n) => [n.id, n]));
    nodeIndexes.set(nodes, byId);
  }
  let successors = edgeIndexes.get(edges);
  if (!successors) {
    successors = new Map();
    for (const e of edges) {
      const list = successors.get(e.source);
      if (list) list.push(e.target);
      else successors.set(e.source, [e.target]);
    }
    edgeIndexes.set(edges, successors);
  }
  return { nodes: byId, successors };
}

/** The output port `name` of a node type, the implicit `error` port included. */
export function outputPortOf(type: NodeTypeDescriptor, name: string): PortSpec | undefined {
  return name === ERROR_PORT.name ? ERROR_PORT : type.outputs.find((p) => p.name === name);
}

function reaches(from: string, to: string, successors: Map<string, string[]>): boolean {
  const seen = new Set<string>([from]);
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === to) return true;
    for (const next of successors.get(id) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return false;
}

function describe(node: WorkflowNode): string {
  return node.label ? `"${node.label}"` : node.id;
}

export function checkConnection(
  edge: ProposedEdge,
  nodes: readonly WorkflowNode[],
  edges: readonly WorkflowEdge[],
  types: Readonly<Record<string, NodeTypeDescriptor>>,
): ConnectionCheck {
  const index = indexOf(nodes, edges);
  const source = index.nodes.get(edge.source);
  const target = index.nodes.get(edge.target);
  if (!source || !target) return { ok: false, reason: 'That node no longer exists.' };
  if (source.id === target.id) return { ok: false, reason: `${describe(source)} cannot feed itself.` };
  const sourceType = types[source.type];
  const targetType = types[target.type];
  if (!sourceType) return { ok: false, reason: `Unknown node type ${source.type}.` };
  if (!targetType) return { ok: false, reason: `Unknown node type ${target.type}.` };
  const out = outputPortOf(sourceType, edge.sourcePort);
  const input = targetType.inputs.find((p) => p.name === edge.targetPort);
  if (!out) return { ok: false, reason: `${describe(source)} has no output "${edge.sourcePort}".` };
  if (!input) return { ok: false, reason: `${describe(target)} has no input "${edge.targetPort}".` };
  if (!portsConnect(out.type, input.type)) {
    return {
      ok: false,
      reason: `Port types do not match: ${out.type} → ${input.type} (${describe(source)}.${out.name} → ${describe(target)}.${input.name}).`,
    };
  }
  const into = edges.filter((e) => e.target === edge.target && e.targetPort === edge.targetPort);
  if (into.some((e) => e.source === edge.source && e.sourcePort === edge.sourcePort)) {
    return { ok: false, reason: 'These ports are already connected.' };
  }
  if (into.length > 0 && !input.multiple) {
    return {
      ok: false,
      reason: `Input "${input.name}" of ${describe(target)} takes one edge and already has one.`,
    };
  }
  if (reaches(target.id, source.id, index.successors)) {
    return {
      ok: false,
      reason: `That edge would make a cycle through ${describe(source)} and ${describe(target)}.`,
    };
  }
  return { ok: true };
}
