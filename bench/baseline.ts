import type { NodeOutputs, NodeRunContext, NodeTypeRegistry, WorkflowDocument } from '../engine/index.js';
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
  for (let k = 0; k < order.length; k++)
    for (const c of children[order[k]!]!) if (--remaining[c]! === 0) order.push(c);
  return {
    order: Int32Array.from(order),
    parents: parents.map((p) => Int32Array.from(p)),
    kinds: doc.nodes.map((n) => n.type.slice('bench.'.length) as WorkKind),
    sink: index.get(sinkId)!,
  };
}

/**
 * The bare baseline of issue 2: a plain loop over the topological order that awaits one async function
 * per node, the node type's own `run` (the same functions the engine calls, given their inputs by port),
 * and records a start and an end time per node. What the engine spends beyond this is its overhead.
 */
export async function runBaselineNodes(
  plan: BaselinePlan,
  registry: NodeTypeRegistry,
  input: Item,
): Promise<Item> {
  const n = plan.kinds.length;
  const runs = plan.kinds.map((kind) => registry.get(`bench.${kind}`)!.run);
  const outputs = new Array<Item>(n);
  const started = new Float64Array(n);
  const finished = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = plan.order[k]!;
    const parents = plan.parents[i]!;
    started[i] = performance.now();
    const inputs =
      plan.kinds[i] === 'merge'
        ? { in: Array.from(parents, (p) => outputs[p]!) }
        : parents.length === 0
          ? {}
          : { in: outputs[parents[0]!]! };
    const result = (await runs[i]!({ inputs, runInput: input } as unknown as NodeRunContext)) as NodeOutputs;
    outputs[i] = result.out as Item;
    finished[i] = performance.now();
  }
  return outputs[plan.sink]!;
}

/**
 * A stricter floor: the same loop calling the bare work functions, without the node contract (no
 * inputs object in, no outputs object back). Reported beside the baseline, for scale.
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
