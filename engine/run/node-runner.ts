import type { RunEvent } from '../events.js';
import { ExpressionError } from '../expr/template.js';
import type { NodeOutputs } from '../model/node-type.js';
import { checkParams } from '../validate/params.js';
import { formatPath } from '../model/problem.js';
import type { CompiledNode, CompiledWorkflow } from './compile.js';
import type { DeadlineQueue } from './deadlines.js';
import { NodeRunError, toRunError, type RunError } from './errors.js';
import { checkInputTypes } from './inputs.js';
import { AttemptContext, type ContextHost } from './node-context.js';
import { retryDelayMs } from './retry-policy.js';
import { RunState, S } from './run-state.js';

/** What running one node needs from the run around it. */
export interface NodeRunHost extends ContextHost {
  readonly compiled: CompiledWorkflow;
  readonly state: RunState;
  /** True once the run has ended; a node still going must then stop quietly. */
  readonly finished: boolean;
  readonly random: () => number;
  readonly listening: boolean;
  readonly current: Array<AttemptContext | undefined>;
  readonly deadlines: DeadlineQueue;
  now(): number;
  emit(event: RunEvent): void;
  nextToken(): number;
  /** Waits before a retry; resolves early when the run ends. */
  sleep(node: number, ms: number): Promise<void>;
  /** The node has settled (succeeded or skipped): its dependants may become ready. */
  nodeDone(node: number): void;
  /** The node failed under `onError: "fail"`: the run fails. */
  nodeFailedRun(node: number): void;
}

function isThenable(v: unknown): v is PromiseLike<NodeOutputs | undefined | void> {
  return v !== null && typeof v === 'object' && typeof (v as { then?: unknown }).then === 'function';
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : typeof value;
}

/** Checks what `run` resolved with: an object whose keys are declared output ports. */
function checkOutputs(node: CompiledNode, result: unknown): NodeOutputs {
  if (result === undefined || result === null) return {};
  if (typeof result !== 'object' || Array.isArray(result)) {
    throw new NodeRunError(`${node.type.type} must return an object of output values by port, got ${describe(result)}`, 'NODE_ERROR', false);
  }
  for (const key in result) {
    if (!node.outputNames.has(key)) {
      throw new NodeRunError(
        `${node.type.type} returned a value for "${key}", which is not one of its outputs (${[...node.outputNames].join(', ')})`,
        'NODE_ERROR',
        false,
      );
    }
  }
  return result as NodeOutputs;
}

/** Holds an asynchronous attempt open until it settles, times out or is cancelled, whichever is first. */
function guard(host: NodeRunHost, node: CompiledNode, ctx: AttemptContext, pending: PromiseLike<NodeOutputs | undefined | void>, startedAt: number) {
  return new Promise<NodeOutputs | undefined | void>((resolve, reject) => {
    ctx.resolve = resolve;
    ctx.reject = reject;
    host.deadlines.add(node.index, ctx.token, node.timeoutMs, startedAt);
    pending.then(
      (value) => {
        const settle = ctx.resolve;
        ctx.resolve = ctx.reject = undefined;
        settle?.(value);
      },
      (error: unknown) => {
        const settle = ctx.reject;
        ctx.resolve = ctx.reject = undefined;
        settle?.(error);
      },
    );
  });
}

/** Evaluates the node's templates; a result that breaks the params schema is an expression error. */
async function evaluateParams(host: NodeRunHost, node: CompiledNode, inputs: Record<string, unknown>) {
  const compiled = node.compiledParams;
  if (compiled instanceof ExpressionError) throw compiled;
  if (!compiled.hasTemplates) return node.params;
  const params = await compiled.evaluate({ input: inputs, nodes: host.state.nodesView() });
  const issues = checkParams(node.type, params, false);
  if (!(issues instanceof Error) && issues.length > 0) {
    const first = issues[0]!;
    throw new ExpressionError(
      `${formatPath(['params', ...first.path])}: ${first.message} (after evaluating templates)`,
      '',
      undefined,
    );
  }
  return params;
}

/** Runs one node to the end: params, input types, attempts with timeout and retries, then `onError`. */
export async function runNode(host: NodeRunHost, i: number): Promise<void> {
  const node = host.compiled.nodes[i]!;
  const state = host.state;
  const inputs = state.inputs[i]!;
  const startedAt = host.now();
  state.startedAt[i] = startedAt;
  let error: RunError | undefined;
  let outputs: NodeOutputs | undefined;
  let params = node.params;
  try {
    params = await evaluateParams(host, node, inputs);
    const bad = node.typedInputs ? checkInputTypes(node, inputs) : undefined;
    if (bad !== undefined) error = { message: bad, code: 'INVALID_INPUT', retryable: false };
  } catch (e) {
    error = toRunError(e);
  }
  if (host.finished) return;

  if (error !== undefined) {
    state.attempts[i] = 1;
    if (host.listening) host.emit({ type: 'nodeStarted', runId: host.runId, nodeId: node.id, at: startedAt, attempt: 1 });
  } else {
    for (let attempt = 1; ; attempt++) {
      state.attempts[i] = attempt;
      const at = attempt === 1 ? startedAt : host.now();
      if (host.listening) host.emit({ type: 'nodeStarted', runId: host.runId, nodeId: node.id, at, attempt });
      const ctx = new AttemptContext(host, i, node.id, attempt, host.nextToken(), inputs, params);
      host.current[i] = ctx;
      try {
        let result = node.type.run(ctx);
        if (isThenable(result)) result = await guard(host, node, ctx, result, at);
        if (host.finished) return;
        outputs = checkOutputs(node, result);
        break;
      } catch (e) {
        if (host.finished) return;
        error = toRunError(e);
        if (error.retryable === false || attempt >= node.retry.maxAttempts) break;
        const delayMs = retryDelayMs(node.retry, attempt + 1, host.random);
        if (host.listening) {
          host.emit({ type: 'nodeRetrying', runId: host.runId, nodeId: node.id, at: host.now(), attempt, delayMs, error });
        }
        host.current[i] = undefined;
        await host.sleep(i, delayMs);
        if (host.finished) return;
        error = undefined;
      } finally {
        host.current[i] = undefined;
        host.deadlines.compact(node.timeoutMs);
      }
    }
  }

  const finishedAt = host.now();
  state.finishedAt[i] = finishedAt;
  if (error === undefined) {
    succeed(host, i, outputs!, finishedAt - startedAt, false);
    return;
  }
  state.errors[i] = error;
  switch (node.onError) {
    case 'skip':
      state.status[i] = S.Skipped;
      state.reasons[i] = 'failed; skipped by its onError policy';
      if (host.listening) {
        host.emit({ type: 'nodeSkipped', runId: host.runId, nodeId: node.id, at: finishedAt, reason: state.reasons[i]!, error });
      }
      host.nodeDone(i);
      return;
    case 'fallback':
      succeed(host, i, { ...node.fallback }, finishedAt - startedAt, true);
      return;
    case 'route':
      succeed(host, i, { error: { message: error.message, code: error.code, attempts: state.attempts[i] } }, finishedAt - startedAt, true);
      return;
    default:
      state.status[i] = S.Failed;
      if (host.listening) host.emit({ type: 'nodeFailed', runId: host.runId, nodeId: node.id, at: finishedAt, error });
      host.nodeFailedRun(i);
  }
}

function succeed(host: NodeRunHost, i: number, outputs: NodeOutputs, durationMs: number, recovered: boolean): void {
  const state = host.state;
  state.status[i] = S.Succeeded;
  state.setOutputs(i, outputs);
  if (recovered) state.flags[i] = state.flags[i]! | RunState.RECOVERED;
  if (host.listening) {
    const nodeId = host.compiled.nodes[i]!.id;
    const at = state.finishedAt[i]!;
    host.emit(
      recovered
        ? { type: 'nodeSucceeded', runId: host.runId, nodeId, at, durationMs, outputs, recovered: true }
        : { type: 'nodeSucceeded', runId: host.runId, nodeId, at, durationMs, outputs },
    );
  }
  host.nodeDone(i);
}
