import type { WorkflowDocument } from '../engine/index.js';
import { work, type Item, type WorkKind } from './workloads.js';

/** The baseline's prepared form: nodes in topological order with their parents and work. */
export interface BaselinePlan {
  readonly order: Int32Array;
  readonly parents: ReadonlyArray<Int32Array>;
  readonly kinds: readonly WorkKind[];
  readonly sink: number;
}

export function planBaseline(doc: WorkflowDocument, sinkId: string): BaselinePlan {
  const index = new Map(doc.nodes.map((n, i) => [n.id, i]));
  const parents: number[][] = doc.nodes.map(() => []);
  const children: number[][] = doc.nodes.map(() => []);
  for (const e of doc.edges) {
    parents[index.get(e.target)!]!.push(index.get(e.source)!);
    children[index.get(e.source)!]!.push(index.get(e.target)!);
  }
  const remaining = parents.map((p) => p.length);
  const order: number[] = [];
  for (let i = 0; i < remaining.length; i++) if (remaining[i] === 0) order.push(i);
  for (let k = 0; k < order.length; k++) for (const c of children[order[k]!]!) if (--remaining[c]! === 0) order.push(c);
  return {
    order: Int32Array.from(order),
    parents: parents.map((p) => Int32Array.from(p)),
    kinds: doc.nodes.map((n) => n.type.slice('bench.'.length) as WorkKind),
    sink: index.get(sinkId)!,
  };
}

/**
 * The physical limit for a JavaScript executor: a plain loop over the topological order that awaits
 * one async function per node and records a start and an end time per node.
 */
export async function runBaseline(plan: BaselinePlan, input: Item): Promise<Item> {
  const n = plan.kinds.length;
  const outputs = new Array<Item>(n);
  const started = new Float64Array(n);
  const finished = new Float64Array(n);
  const call = async (kind: WorkKind, parents: Int32Array): Promise<Item> => {
    if (kind === 'merge') return work.merge(Array.from(parents, (p) => outputs[p]!));
    return work[kind](parents.length === 0 ? input : outputs[parents[0]!]!);
  };
  for (let k = 0; k < n; k++) {
    const i = plan.order[k]!;
    started[i] = performance.now();
    outputs[i] = await call(plan.kinds[i]!, plan.parents[i]!);
    finished[i] = performance.now();
  }
  return outputs[plan.sink]!;
}
