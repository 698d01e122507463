import type { OnError, WorkflowDocument } from '../model/document.js';
import type { NodeOutputs, NodeType, NodeTypeRegistry, PortType } from '../model/node-type.js';
import { WorkflowInvalidError, type Problem } from '../model/problem.js';
import { compileParams, type CompiledParams } from '../expr/params.js';
import { ExpressionError } from '../expr/template.js';
import { findCycles } from '../validate/cycles.js';
import { ReadyQueue } from './ready-queue.js';
import { resolveRetry, type ResolvedRetry } from './retry-policy.js';

/** Where one input edge reads from. */
export interface InputSource {
  readonly node: number;
  readonly port: string;
  /** The port is named like an Object.prototype member, so reading it must check own properties. */
  readonly shadowsPrototype: boolean;
}

export interface CompiledInput {
  readonly name: string;
  readonly type: PortType;
  readonly required: boolean;
  readonly multiple: boolean;
  /** The edges into this port, in document order. */
  readonly sources: readonly InputSource[];
}

/** A node with everything the run needs looked up and compiled ahead of time. */
export interface CompiledNode {
  readonly index: number;
  readonly id: string;
  readonly type: NodeType;
  readonly params: Record<string, unknown>;
  /** Templates compiled once; an ExpressionError when a template does not even parse. */
  readonly compiledParams: CompiledParams | ExpressionError;
  /** Inputs that have at least one edge; unconnected ports receive nothing and are not listed. */
  readonly inputs: readonly CompiledInput[];
  /** Whether any connected input must be checked against a port type other than `any`. */
  readonly typedInputs: boolean;
  /** Target node index of each outgoing edge (one entry per edge). */
  readonly downstream: Int32Array;
  /** Number of incoming edges. */
  readonly inDegree: number;
  /** Position in the run's topological order: ready nodes start lowest rank first. */
  readonly rank: number;
  readonly retry: ResolvedRetry;
  readonly onError: OnError;
  readonly fallback: NodeOutputs | undefined;
  readonly timeoutMs: number;
  /** Declared output port names, for checking what `run` returns. */
  readonly outputNames: ReadonlySet<string>;
}

export interface CompiledSettings {
  readonly maxConcurrency: number;
  readonly nodeTimeoutMs: number;
  readonly executionTimeoutMs: number;
}

/** A validated workflow prepared for running any number of times. */
export interface CompiledWorkflow {
  readonly document: WorkflowDocument;
  readonly nodes: readonly CompiledNode[];
  readonly indexById: ReadonlyMap<string, number>;
  readonly settings: CompiledSettings;
  /** Topological rank of each node, by index. */
  readonly ranks: Int32Array;
}

export const SETTINGS_DEFAULTS: CompiledSettings = { maxConcurrency: 8, nodeTimeoutMs: 60_000, executionTimeoutMs: 0 };

/** Topological ranks by Kahn's algorithm, ties broken by document order (a heap keyed by index). */
function topologicalRanks(count: number, successors: ReadonlyArray<readonly number[]>, inDegree: Int32Array): Int32Array | null {
  const remaining = inDegree.slice();
  const byIndex = new ReadyQueue(count, Int32Array.from({ length: count }, (_, i) => i));
  for (let i = 0; i < count; i++) if (remaining[i] === 0) byIndex.push(i);
  const rank = new Int32Array(count);
  let next = 0;
  while (byIndex.length > 0) {
    const v = byIndex.pop();
    rank[v] = next++;
    for (const w of successors[v]!) if (--remaining[w]! === 0) byIndex.push(w);
  }
  return next === count ? rank : null;
}

/**
 * Prepares a validated document for running: resolves node types, policies and settings, compiles
 * templates, and orders the graph. Throws WorkflowInvalidError for an unknown node type or a cycle, in
 * case the caller skipped validation.
 */
export function compileWorkflow(document: WorkflowDocument, registry: NodeTypeRegistry): CompiledWorkflow {
  const settings: CompiledSettings = {
    maxConcurrency: document.settings?.maxConcurrency ?? SETTINGS_DEFAULTS.maxConcurrency,
    nodeTimeoutMs: document.settings?.nodeTimeoutMs ?? SETTINGS_DEFAULTS.nodeTimeoutMs,
    executionTimeoutMs: document.settings?.executionTimeoutMs ?? SETTINGS_DEFAULTS.executionTimeoutMs,
  };
  const indexById = new Map<string, number>();
  const problems: Problem[] = [];
  const types: NodeType[] = [];
  document.nodes.forEach((n, i) => {
    indexById.set(n.id, i);
    const type = registry.get(n.type);
    if (!type) problems.push({ path: `nodes[${i}].type`, code: 'UNKNOWN_NODE_TYPE', message: `unknown node type "${n.type}"` });
    types.push(type!);
  });
  if (problems.length > 0) throw new WorkflowInvalidError(problems);

  const count = document.nodes.length;
  const successors: number[][] = Array.from({ length: count }, () => []);
  const inDegree = new Int32Array(count);
  const sourcesByPort: Array<Map<string, InputSource[]>> = Array.from({ length: count }, () => new Map());
  document.edges.forEach((e, i) => {
    const s = indexById.get(e.source);
    const t = indexById.get(e.target);
    if (s === undefined || t === undefined) {
      problems.push({ path: `edges[${i}]`, code: 'MISSING_NODE', message: `edge ${e.id} joins a node that does not exist` });
      return;
    }
    successors[s]!.push(t);
    inDegree[t]!++;
    const source: InputSource = { node: s, port: e.sourcePort, shadowsPrototype: e.sourcePort in Object.prototype };
    const list = sourcesByPort[t]!.get(e.targetPort);
    if (list) list.push(source);
    else sourcesByPort[t]!.set(e.targetPort, [source]);
  });
  const rank = topologicalRanks(count, successors, inDegree);
  if (!rank) {
    for (const cycle of findCycles(count, successors)) {
      const ids = cycle.map((p) => document.nodes[p]!.id);
      problems.push({ path: `nodes[${cycle[0]}]`, code: 'CYCLE', message: `cycle: ${[...ids, ids[0]].join(' → ')}` });
    }
  }
  if (problems.length > 0 || !rank) throw new WorkflowInvalidError(problems);

  const nodes = document.nodes.map((n, index): CompiledNode => {
    const type = types[index]!;
    const params = n.params ?? {};
    let compiledParams: CompiledParams | ExpressionError;
    try {
      compiledParams = compileParams(params, type.rawParams);
    } catch (e) {
      if (!(e instanceof ExpressionError)) throw e;
      compiledParams = e;
    }
    const inputs: CompiledInput[] = [];
    for (const port of type.inputs) {
      const sources = sourcesByPort[index]!.get(port.name);
      if (!sources) continue;
      inputs.push({ name: port.name, type: port.type, required: port.required !== false, multiple: port.multiple === true, sources });
    }
    return {
      index,
      id: n.id,
      type,
      params,
      compiledParams,
      inputs,
      typedInputs: inputs.some((p) => p.type !== 'any'),
      downstream: Int32Array.from(successors[index]!),
      inDegree: inDegree[index]!,
      rank: rank[index]!,
      retry: resolveRetry(n.policy?.retry),
      onError: n.policy?.onError ?? 'fail',
      fallback: n.policy?.fallback,
      timeoutMs: n.policy?.timeoutMs ?? settings.nodeTimeoutMs,
      outputNames: new Set(type.outputs.map((p) => p.name)),
    };
  });
  return { document, nodes, indexById, settings, ranks: rank };
}
