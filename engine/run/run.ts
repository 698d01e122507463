import type { RunEvent, RunEventListener } from '../events.js';
import { compileExpression, type CompiledText } from '../expr/template.js';
import type { WorkflowDocument } from '../model/document.js';
import type { LogLevel, NodeOutputs, NodeTypeRegistry } from '../model/node-type.js';
import { compileWorkflow, type CompiledWorkflow } from './compile.js';
import { DeadlineQueue } from './deadlines.js';
import { NodeRunError, type RunError } from './errors.js';
import { collectInputs } from './inputs.js';
import type { AttemptContext } from './node-context.js';
import { attemptFailed, startNode, type NodeRunHost } from './node-runner.js';
import { ReadyQueue } from './ready-queue.js';
import type { RunRecord } from './record.js';
import { RunState, S, statusName } from './run-state.js';
import type { Clock, RunHandle, RunOptions, RunSnapshot } from './types.js';

const timeOrigin = performance.timeOrigin;
const defaultClock: Clock = { now: () => timeOrigin + performance.now() };
const expressionCaches = new WeakMap<CompiledWorkflow, Map<string, CompiledText>>();
/** Lines of log kept per node in the run record; the events carry all of them. */
const MAX_LOG_LINES = 1000;

function newRunId(): string {
  return `run_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

type FinalStatus = RunRecord['status'];

/** One execution of a compiled workflow: the scheduler of SPEC §3. */
class Run implements NodeRunHost, RunHandle {
  readonly runId: string;
  readonly runInput: unknown;
  readonly state: RunState;
  readonly current: Array<AttemptContext | undefined>;
  readonly deadlines: DeadlineQueue;
  readonly random: () => number;
  readonly listening: boolean;
  readonly done: Promise<RunRecord>;
  finished = false;

  private readonly clock: Clock;
  private readonly listener: RunEventListener | undefined;
  private readonly ready: ReadyQueue;
  private readonly pinned: RunOptions['pinnedOutputs'];
  private readonly retryTimers = new Map<number, ReturnType<typeof setTimeout>>();
  private readonly logs = new Map<number, Array<{ at: number; level: LogLevel; message: string }>>();
  private resolveDone!: (record: RunRecord) => void;
  private running = 0;
  private pumping = false;
  private tokens = 0;
  private startedAt = 0;
  private runTimer: ReturnType<typeof setTimeout> | undefined;
  private detachSignal: (() => void) | undefined;

  constructor(
    readonly compiled: CompiledWorkflow,
    private readonly options: RunOptions,
  ) {
    this.runId = options.runId ?? newRunId();
    this.runInput = options.input;
    this.clock = options.clock ?? defaultClock;
    this.random = options.random ?? Math.random;
    this.listener = options.onEvent;
    this.listening = this.listener !== undefined;
    this.pinned = options.pinnedOutputs;
    this.state = new RunState(compiled);
    this.current = new Array<AttemptContext | undefined>(compiled.nodes.length);
    this.ready = new ReadyQueue(16, compiled.ranks);
    this.deadlines = new DeadlineQueue(
      () => this.clock.now(),
      (node, token) => this.current[node]?.token === token,
      (node, token) => this.expire(node, token),
      compiled.nodes.length,
    );
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
  }

  now(): number {
    return this.clock.now();
  }

  nextToken(): number {
    return ++this.tokens;
  }

  emit(event: RunEvent): void {
    try {
      this.listener?.(event);
    } catch {
      // A listener's bug must not break the run it is watching.
    }
  }

  start(): this {
    this.startedAt = this.now();
    const nodes = this.compiled.nodes;
    if (this.listening) {
      this.emit({ type: 'runStarted', runId: this.runId, at: this.startedAt, nodeIds: nodes.map((n) => n.id) });
    }
    const limit = this.compiled.settings.executionTimeoutMs;
    if (limit > 0) {
      this.runTimer = setTimeout(
        () => this.finish('cancelled', { code: 'TIMEOUT', message: `the run took longer than its executionTimeoutMs (${limit} ms)` }),
        limit,
      );
    }
    const signal = this.options.signal;
    if (signal) {
      if (signal.aborted) {
        this.finish('cancelled', { code: 'CANCELLED', message: 'cancelled before it started' });
        return this;
      }
      const onAbort = (): void => this.cancel();
      signal.addEventListener('abort', onAbort);
      this.detachSignal = () => signal.removeEventListener('abort', onAbort);
    }
    for (let i = 0; i < nodes.length; i++) if (nodes[i]!.inDegree === 0) this.ready.push(i);
    this.pump();
    return this;
  }

  /** Starts ready nodes, lowest rank first, up to the concurrency limit; ends the run when all settled. */
  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    const max = this.compiled.settings.maxConcurrency;
    while (!this.finished && this.running < max && this.ready.length > 0) this.launch(this.ready.pop());
    this.pumping = false;
    if (!this.finished && this.running === 0 && this.ready.length === 0) this.finish('succeeded', undefined);
  }

  private launch(i: number): void {
    const node = this.compiled.nodes[i]!;
    const state = this.state;
    const pinned = this.pinned === undefined ? undefined : this.pinned[node.id];
    if (pinned !== undefined) {
      state.status[i] = S.Succeeded;
      state.flags[i] = state.flags[i]! | RunState.PINNED;
      state.setOutputs(i, pinned);
      if (this.listening) {
        this.emit({
          type: 'nodeSucceeded',
          runId: this.runId,
          nodeId: node.id,
          at: this.now(),
          durationMs: 0,
          outputs: pinned,
          pinned: true,
        });
      }
      this.release(i);
      return;
    }
    const inputs = collectInputs(node, state);
    if (typeof inputs === 'string') {
      state.status[i] = S.Skipped;
      state.reasons[i] = inputs;
      if (this.listening) this.emit({ type: 'nodeSkipped', runId: this.runId, nodeId: node.id, at: this.now(), reason: inputs });
      this.release(i);
      return;
    }
    state.status[i] = S.Running;
    this.running++;
    startNode(this, i, inputs);
  }

  /** Lets the dependants of a settled node count it; those with nothing left to wait for become ready. */
  private release(i: number): void {
    const downstream = this.compiled.nodes[i]!.downstream;
    const remaining = this.state.remaining;
    for (let k = 0; k < downstream.length; k++) {
      const t = downstream[k]!;
      if (--remaining[t]! === 0) this.ready.push(t);
    }
  }

  nodeDone(i: number): void {
    if (this.finished) return;
    this.running--;
    this.release(i);
    this.pump();
  }

  nodeFailedRun(): void {
    this.running--;
    this.finish('failed', undefined);
  }

  retryLater(node: number, ms: number, then: () => void): void {
    const timer = setTimeout(() => {
      this.retryTimers.delete(node);
      if (!this.finished) then();
    }, ms);
    this.retryTimers.set(node, timer);
  }

  internalError(node: number, error: unknown): void {
    const id = this.compiled.nodes[node]!.id;
    this.finish('failed', { code: 'ENGINE_ERROR', message: `internal error while running ${id}: ${String(error)}` });
  }

  /** A running attempt passed its deadline: abort its signal and count it as a failed try. */
  private expire(node: number, token: number): void {
    const ctx = this.current[node];
    if (!ctx || ctx.token !== token || this.finished) return;
    const error = new NodeRunError(`timed out after ${this.compiled.nodes[node]!.timeoutMs} ms`, 'TIMEOUT', true);
    ctx.abort(error);
    attemptFailed(this, ctx, error);
  }

  evaluate(node: number, inputs: Readonly<Record<string, unknown>>, text: string): Promise<unknown> {
    let cache = expressionCaches.get(this.compiled);
    if (!cache) expressionCaches.set(this.compiled, (cache = new Map()));
    let compiled = cache.get(text);
    if (!compiled) {
      try {
        compiled = compileExpression(text);
      } catch (e) {
        return Promise.reject(e);
      }
      cache.set(text, compiled);
    }
    return compiled.evaluate({ input: inputs, nodes: this.state.nodesView() });
  }

  setRunOutput(name: string, value: unknown): void {
    if (!this.finished) this.state.runOutputs.set(name, value);
  }

  log(node: number, level: LogLevel, message: string): void {
    // An abandoned node may keep talking after the run ended; the record and the events are closed.
    if (this.finished) return;
    const at = this.now();
    let lines = this.logs.get(node);
    if (!lines) this.logs.set(node, (lines = []));
    if (lines.length < MAX_LOG_LINES) lines.push({ at, level, message });
    if (this.listening) {
      this.emit({ type: 'nodeLog', runId: this.runId, nodeId: this.compiled.nodes[node]!.id, at, level, message });
    }
  }

  cancel(reason = 'cancelled'): void {
    this.finish('cancelled', { code: 'CANCELLED', message: reason });
  }

  outputsOf(nodeId: string): NodeOutputs | undefined {
    const i = this.compiled.indexById.get(nodeId);
    return i === undefined || this.state.status[i] !== S.Succeeded ? undefined : this.state.outputs[i];
  }

  snapshot(): RunSnapshot {
    const nodes: Record<string, RunSnapshot['nodes'][string]> = {};
    this.compiled.nodes.forEach((n, i) => {
      const status = statusName(this.state.status[i] as S);
      nodes[n.id] =
        this.state.flags[i]! & RunState.PINNED
          ? { status, attempts: this.state.attempts[i]!, pinned: true }
          : { status, attempts: this.state.attempts[i]! };
    });
    return { runId: this.runId, status: this.finished ? this.finalStatus : 'running', nodes };
  }

  private finalStatus: FinalStatus = 'succeeded';

  /** Marks what is still running or waiting as cancelled, aborting the running attempts. */
  private cancelUnfinished(why: string, at: number): void {
    const state = this.state;
    const nodes = this.compiled.nodes;
    for (let i = 0; i < nodes.length; i++) {
      const s = state.status[i];
      if (s !== S.Pending && s !== S.Running) continue;
      if (s === S.Running) {
        state.finishedAt[i] = at;
        state.errors[i] = { code: 'CANCELLED', message: why };
        this.current[i]?.abort(new NodeRunError(why, 'CANCELLED', false));
      }
      state.status[i] = S.Cancelled;
      state.reasons[i] = why;
      if (this.listening) this.emit({ type: 'nodeCancelled', runId: this.runId, nodeId: nodes[i]!.id, at });
    }
  }

  /** Ends the run: stops what is still going, marks what never ran as cancelled, reports the record. */
  private finish(status: FinalStatus, error: RunError | undefined): void {
    if (this.finished) return;
    this.finished = true;
    this.finalStatus = status;
    const at = this.now();
    this.deadlines.close();
    if (this.runTimer !== undefined) clearTimeout(this.runTimer);
    this.detachSignal?.();
    for (const timer of this.retryTimers.values()) clearTimeout(timer);
    this.retryTimers.clear();
    const state = this.state;
    const nodes = this.compiled.nodes;
    if (status !== 'succeeded') this.cancelUnfinished(error?.message ?? 'the run failed', at);
    const base = { runId: this.runId, status, startedAt: this.startedAt, finishedAt: at, durationMs: at - this.startedAt };
    const logs = this.logs;
    const record = state.toRecord(error ? { ...base, error } : base, (records) => {
      for (const [i, lines] of logs) records[nodes[i]!.id]!.logs = lines.slice();
    });
    if (this.listening) this.emit({ type: 'runFinished', runId: this.runId, at, status, durationMs: at - this.startedAt });
    this.resolveDone(record);
  }
}

/** Starts running a compiled workflow; the handle's `done` resolves with the run record. */
export function startRun(compiled: CompiledWorkflow, options: RunOptions = {}): RunHandle {
  return new Run(compiled, options).start();
}

/** Compiles and runs a validated document in one call. */
export function runWorkflow(document: WorkflowDocument, registry: NodeTypeRegistry, options: RunOptions = {}): Promise<RunRecord> {
  return startRun(compileWorkflow(document, registry), options).done;
}
