import type { NodeOutputs } from '../model/node-type.js';
import type { CompiledWorkflow } from './compile.js';
import type { RunError } from './errors.js';
import { collectInputs } from './inputs.js';
import type { NodeRecord, RunRecord } from './record.js';
import { S, statusName } from './status.js';

export { S, statusName } from './status.js';

/**
 * What every node of one run has done so far, held column-wise (one typed array per field) so a
 * 10,000-node run allocates a handful of arrays rather than 10,000 records.
 */
export class RunState {
  readonly status: Uint8Array;
  readonly attempts: Uint16Array;
  readonly startedAt: Float64Array;
  readonly finishedAt: Float64Array;
  /** Incoming edges whose source has not settled yet. */
  readonly remaining: Int32Array;
  readonly outputs: Array<NodeOutputs | undefined>;
  readonly errors: Array<RunError | undefined>;
  readonly reasons: Array<string | undefined>;
  readonly flags: Uint8Array;
  readonly runOutputs = new Map<string, unknown>();
  private view: Record<string, NodeOutputs> | undefined;

  static readonly RECOVERED = 1;
  static readonly PINNED = 2;

  constructor(private readonly compiled: CompiledWorkflow) {
    const n = compiled.nodes.length;
    this.status = new Uint8Array(n);
    this.attempts = new Uint16Array(n);
    this.startedAt = new Float64Array(n).fill(NaN);
    this.finishedAt = new Float64Array(n).fill(NaN);
    this.remaining = new Int32Array(n);
    for (let i = 0; i < n; i++) this.remaining[i] = compiled.nodes[i]!.inDegree;
    this.outputs = new Array<NodeOutputs | undefined>(n);
    this.errors = new Array<RunError | undefined>(n);
    this.reasons = new Array<string | undefined>(n);
    this.flags = new Uint8Array(n);
  }

  /** Records a node's outputs, keeping the expressions' `nodes` view current once it exists. */
  setOutputs(i: number, outputs: NodeOutputs): void {
    this.outputs[i] = outputs;
    if (this.view) this.view[this.compiled.nodes[i]!.id] = outputs;
  }

  /**
   * The `nodes` object expressions read: outputs of finished nodes by id. Built on first use and kept
   * up to date after, so runs without expressions never pay for it.
   */
  nodesView(): Readonly<Record<string, NodeOutputs>> {
    if (!this.view) {
      const view: Record<string, NodeOutputs> = Object.create(null) as Record<string, NodeOutputs>;
      for (let i = 0; i < this.outputs.length; i++) {
        const o = this.outputs[i];
        if (o !== undefined && this.status[i] === S.Succeeded) view[this.compiled.nodes[i]!.id] = o;
      }
      this.view = view;
    }
    return this.view;
  }

  nodeRecord(i: number): NodeRecord {
    const r: NodeRecord = { status: statusName(this.status[i] as S), attempts: this.attempts[i]! };
    const started = this.startedAt[i]!;
    const finished = this.finishedAt[i]!;
    if (!Number.isNaN(started)) r.startedAt = started;
    if (!Number.isNaN(finished)) r.finishedAt = finished;
    if (!Number.isNaN(started) && !Number.isNaN(finished)) r.durationMs = finished - started;
    // Inputs are a function of upstream outputs, which are kept; holding each node's inputs object for
    // the whole run as well would only give the garbage collector more to copy.
    if (!Number.isNaN(started) && !(this.flags[i]! & RunState.PINNED)) {
      const inputs = collectInputs(this.compiled.nodes[i]!, this);
      if (typeof inputs !== 'string') r.inputs = inputs;
    }
    const outputs = this.outputs[i];
    if (outputs !== undefined) r.outputs = outputs;
    const error = this.errors[i];
    if (error !== undefined) r.error = error;
    if (this.flags[i]! & RunState.RECOVERED) r.recovered = true;
    if (this.flags[i]! & RunState.PINNED) r.pinned = true;
    const reason = this.reasons[i];
    if (reason !== undefined) r.reason = reason;
    return r;
  }

  /** Every node's record by id. */
  nodeRecords(): Record<string, NodeRecord> {
    const nodes: Record<string, NodeRecord> = {};
    const list = this.compiled.nodes;
    for (let i = 0; i < list.length; i++) nodes[list[i]!.id] = this.nodeRecord(i);
    return nodes;
  }

  /**
   * The run record. Its `nodes` is an enumerable property that is built on first read (then stays a
   * plain value): JSON.stringify, structuredClone and spreads read it like any other, but a host that
   * only wants the status or the outputs does not pay for 10,000 node records.
   */
  toRecord(base: Omit<RunRecord, 'nodes' | 'outputs'>, decorate?: (nodes: Record<string, NodeRecord>) => void): RunRecord {
    const record = { ...base, outputs: Object.fromEntries(this.runOutputs) } as RunRecord;
    Object.defineProperty(record, 'nodes', {
      enumerable: true,
      configurable: true,
      get: () => {
        const nodes = this.nodeRecords();
        decorate?.(nodes);
        Object.defineProperty(record, 'nodes', { value: nodes, enumerable: true, configurable: true, writable: true });
        return nodes;
      },
      set: (value: Record<string, NodeRecord>) => {
        Object.defineProperty(record, 'nodes', { value, enumerable: true, configurable: true, writable: true });
      },
    });
    return record;
  }
}
