import type { WorkflowEdge, WorkflowNode } from '../model/document.js';
import { portsConnect, type NodeType, type NodeTypeRegistry, type PortSpec } from '../model/node-type.js';
import type { Problem } from '../model/problem.js';
import { findCycles } from './cycles.js';

/** Every node has this output besides its declared ones; `onError: "route"` emits on it. */
export const ERROR_PORT: PortSpec = { name: 'error', type: 'object' };

/** A node or edge that passed the shape check, with its index in the document. */
export interface Indexed<T> {
  readonly index: number;
  readonly value: T;
}

export function outputPort(type: NodeType, name: string): PortSpec | undefined {
  return name === ERROR_PORT.name ? ERROR_PORT : type.outputs.find((p) => p.name === name);
}

function portList(ports: readonly PortSpec[]): string {
  return ports.length === 0 ? 'none' : ports.map((p) => p.name).join(', ');
}

/**
 * Checks the graph: unique ids, known node types, edges between existing nodes and ports, port types,
 * one edge per single input port, and no cycles. Reports every problem found.
 */
export function checkGraph(
  nodes: ReadonlyArray<Indexed<WorkflowNode>>,
  edges: ReadonlyArray<Indexed<WorkflowEdge>>,
  registry: NodeTypeRegistry,
): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map<string, { position: number; node: Indexed<WorkflowNode>; type: NodeType | undefined }>();
  const ordered: Array<Indexed<WorkflowNode>> = [];

  for (const n of nodes) {
    const seen = byId.get(n.value.id);
    if (seen) {
      problems.push({
        path: `nodes[${n.index}].id`,
        code: 'DUPLICATE_ID',
        message: `duplicate node id "${n.value.id}" (also nodes[${seen.node.index}])`,
      });
      continue;
    }
    const type = registry.get(n.value.type);
    if (!type) {
      problems.push({ path: `nodes[${n.index}].type`, code: 'UNKNOWN_NODE_TYPE', message: `unknown node type "${n.value.type}"` });
    }
    byId.set(n.value.id, { position: ordered.length, node: n, type });
    ordered.push(n);
  }

  const edgeIds = new Map<string, number>();
  const taken = new Map<string, number>();
  const successors: number[][] = ordered.map(() => []);
  for (const e of edges) {
    const { id, source, sourcePort, target, targetPort } = e.value;
    const at = `edges[${e.index}]`;
    const dup = edgeIds.get(id);
    if (dup !== undefined) {
      problems.push({ path: `${at}.id`, code: 'DUPLICATE_ID', message: `duplicate edge id "${id}" (also edges[${dup}])` });
    } else edgeIds.set(id, e.index);

    const from = byId.get(source);
    const to = byId.get(target);
    if (!from) problems.push({ path: `${at}.source`, code: 'MISSING_NODE', message: `no node "${source}"` });
    if (!to) problems.push({ path: `${at}.target`, code: 'MISSING_NODE', message: `no node "${target}"` });
    if (from && to) successors[from.position]!.push(to.position);

    const out = from?.type ? outputPort(from.type, sourcePort) : undefined;
    if (from?.type && !out) {
      problems.push({
        path: `${at}.sourcePort`,
        code: 'MISSING_PORT',
        message: `node "${source}" (${from.type.type}) has no output "${sourcePort}"; its outputs: ${portList([...from.type.outputs, ERROR_PORT])}`,
      });
    }
    const input = to?.type ? to.type.inputs.find((p) => p.name === targetPort) : undefined;
    if (to?.type && !input) {
      problems.push({
        path: `${at}.targetPort`,
        code: 'MISSING_PORT',
        message: `node "${target}" (${to.type.type}) has no input "${targetPort}"; its inputs: ${portList(to.type.inputs)}`,
      });
    }
    if (out && input && !portsConnect(out.type, input.type)) {
      problems.push({
        path: at,
        code: 'PORT_TYPE_MISMATCH',
        message: `cannot connect ${out.type} → ${input.type} (${source}.${sourcePort} → ${target}.${targetPort})`,
      });
    }
    if (input && !input.multiple) {
      const key = `${target}\u0000${targetPort}`;
      const first = taken.get(key);
      if (first !== undefined) {
        problems.push({
          path: `${at}.targetPort`,
          code: 'PORT_TAKEN',
          message: `input "${targetPort}" of node "${target}" takes one edge and already has edges[${first}]`,
        });
      } else taken.set(key, e.index);
    }
  }

  for (const cycle of findCycles(ordered.length, successors)) {
    const ids = cycle.map((p) => ordered[p]!.value.id);
    const first = ordered[cycle[0]!]!;
    problems.push({
      path: `nodes[${first.index}]`,
      code: 'CYCLE',
      message: `cycle: ${[...ids, ids[0]].join(' → ')}`,
    });
  }
  return problems;
}
