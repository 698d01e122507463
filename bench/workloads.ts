import type { WorkflowDocument } from '../engine/index.js';

/** The item every benchmark node passes on, as in the peers' harness. */
export interface Item {
  value: number;
  payload: string | object;
}

/** The per-node work, shared by the engine's node types and the baseline so only overhead differs. */
export const work = {
  noop: (item: Item): Item => item,
  inc: (item: Item): Item => ({ value: item.value + 1, payload: item.payload }),
  merge: (items: Item[]): Item => {
    let value = 0;
    for (const it of items) value += it.value;
    return { value, payload: items[0]!.payload };
  },
};

export type WorkKind = keyof typeof work;

/** A workload: a workflow document, what enters its roots, and what its sink must produce. */
export interface Workload {
  readonly name: string;
  readonly document: WorkflowDocument;
  readonly input: Item;
  readonly sink: string;
  readonly expectValue: number;
}

function doc(nodes: Array<{ id: string; kind: WorkKind }>, edges: Array<[string, string]>): WorkflowDocument {
  return {
    format: 'weft.workflow',
    formatVersion: 1,
    settings: { maxConcurrency: 1024 },
    nodes: nodes.map((n) => ({ id: n.id, type: `bench.${n.kind}` })),
    edges: edges.map(([source, target], i) => ({
      id: `e${i}`,
      source,
      sourcePort: 'out',
      target,
      targetPort: 'in',
    })),
  };
}

export function chain(n: number, payload: string | object = ''): Workload {
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `inc_${i + 1}`, kind: 'inc' as const }));
  const edges = nodes.slice(1).map((node, i): [string, string] => [nodes[i]!.id, node.id]);
  const name = typeof payload === 'string' && payload.length === 0 ? `chain-${n}` : `chain-${n}-payload`;
  return {
    name,
    document: doc(nodes, edges),
    input: { value: 0, payload },
    sink: `inc_${n}`,
    expectValue: n,
  };
}

export function fan(n: number): Workload {
  const nodes: Array<{ id: string; kind: WorkKind }> = [{ id: 'src', kind: 'noop' }];
  const edges: Array<[string, string]> = [];
  for (let i = 1; i <= n; i++) {
    nodes.push({ id: `inc_${i}`, kind: 'inc' });
    edges.push(['src', `inc_${i}`]);
  }
  nodes.push({ id: 'join', kind: 'merge' });
  for (let i = 1; i <= n; i++) edges.push([`inc_${i}`, 'join']);
  return {
    name: `fan-${n}`,
    document: doc(nodes, edges),
    input: { value: 0, payload: '' },
    sink: 'join',
    expectValue: n,
  };
}
