import type { RunEvent } from '../events.js';
import { ExpressionError } from '../expr/template.js';
import type { NodeOutputs } from '../model/node-type.js';
import { formatPath } from '../model/problem.js';
import { checkParams } from '../validate/params.js';
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
  /** True once the run has ended; whatever a node does after that is ignored. */
  readonly finished: boolean;
  readonly random: () => number;
  readonly listening: boolean;
  /** The attempt each node is in, while one is running. */
  readonly current: Array<AttemptContext | undefined>;
  readonly deadlines: DeadlineQueue;
  now(): number;
  emit(event: RunEvent): void;
  nextToken(): number;
  /** Calls `then` after `ms`, unless the run ends first. */
  retryLater(node: number, ms: number, then: () => void): void;
  /** The node has settled (succeeded or skipped): its dependants may become ready. */
  nodeDone(node: number): void;
  /** The node failed under `onError: "fail"`: the run fails. */
  nodeFailedRun(node: number): void;
  /** A bug in the engine itself: the run fails with it rather than hanging. */
  internalError(node: number, error: unknown): void;
}

function isThenable(v: unknown): v is PromiseLike<unknown> {
  if (v instanceof Promise) return true;
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

/**
 * Starts a node whose inputs are collected: checks input types, evaluates its templates, then makes
 * its first attempt. Everything after is driven by callbacks (attempt settled, deadline passed, retry
 * timer), not by a coroutine per node: a chain of 10,000 small nodes then costs one await per node.
 */
export function startNode(host: NodeRunHost, i: number, inputs: Record<string, unknown>): void {
  const node = host.compiled.nodes[i]!;
  const startedAt = host.now();
  host.state.startedAt[i] = startedAt;
  const compiled = node.compiledParams;
  if (compiled instanceof ExpressionError) return failBeforeRunning(host, i, toRunError(compiled));
  if (node.typedInputs) {
    const bad = checkInputTypes(node, inputs);
    if (bad !== undefined) return failBeforeRunning(host, i, { message: bad, code: 'INVALID_INPUT', retryable: false });
  }
  if (compiled.hasTemplates) {
    void evaluateThenStart(host, i, inputs, startedAt);
    return;
  }
  startAttempt(host, i, 1, inputs, node.params, startedAt);
}

async function evaluateThenStart(host: NodeRunHost, i: number, inputs: Record<string, unknown>, startedAt: number): Promise<void> {
  const node = host.compiled.nodes[i]!;
  let params: Record<string, unknown>;
  try {
    params = await (node.compiledParams as Exclude<CompiledNode['compiledParams'], ExpressionError>).evaluate({
      input: inputs,
      nodes: host.state.nodesView(),
    });
    const issues = checkParams(node.type, params, false);
    if (!(issues instanceof Error) && issues.length > 0) {
      const first = issues[0]!;
      throw new ExpressionError(`${formatPath(['params', ...first.path])}: ${first.message} (after evaluating templates)`, '', undefined);
    }
  } catch (e) {
    if (!host.finished) failBeforeRunning(host, i, toRunError(e));
    return;
  }
  if (!host.finished) startAttempt(host, i, 1, inputs, params, startedAt);
}

function failBeforeRunning(host: NodeRunHost, i: number, error: RunError): void {
  host.state.attempts[i] = 1;
  if (host.listening) {
    host.emit({ type: 'nodeStarted', runId: host.runId, nodeId: host.compiled.nodes[i]!.id, at: host.state.startedAt[i]!, attempt: 1 });
  }
  finalFailure(host, i, error);
}

function startAttempt(
  host: NodeRunHost,
  i: number,
  attempt: number,
  inputs: Readonly<Record<string, unknown>>,
  params: Record<string, unknown>,
  at: number,
): void {
  const node = host.compiled.nodes[i]!;
  host.state.attempts[i] = attempt;
  if (host.listening) host.emit({ type: 'nodeStarted', runId: host.runId, nodeId: node.id, at, attempt });
  const ctx = new AttemptContext(host, i, node.id, attempt, host.nextToken(), inputs, params);
  host.current[i] = ctx;
  let result: unknown;
  try {
    result = node.type.run(ctx);
  } catch (e) {
    attemptFailed(host, ctx, e);
    return;
  }
  if (isThenable(result)) {
    host.deadlines.add(i, ctx.token, node.timeoutMs, at);
    result.then(
      (value) => settled(host, ctx, value, false),
      (error: unknown) => settled(host, ctx, error, true),
    );
  } else attemptSucceeded(host, ctx, result);
}

/** Whether `ctx` is still the attempt that counts (not timed out, cancelled or superseded). */
function counts(host: NodeRunHost, ctx: AttemptContext): boolean {
  return !host.finished && host.current[ctx.node] === ctx;
}

/** An asynchronous attempt settled; ignored when it no longer counts (timed out, run ended). */
function settled(host: NodeRunHost, ctx: AttemptContext, value: unknown, failed: boolean): void {
  if (!counts(host, ctx)) return;
  // Nothing awaits this function, so an engine bug here must end the run rather than vanish.
  try {
    if (failed) attemptFailed(host, ctx, value);
    else attemptSucceeded(host, ctx, value);
  } catch (e) {
    host.internalError(ctx.node, e);
  }
}

function endAttempt(host: NodeRunHost, ctx: AttemptContext): void {
  host.current[ctx.node] = undefined;
  host.deadlines.clear(ctx.node);
}

function attemptSucceeded(host: NodeRunHost, ctx: AttemptContext, value: unknown): void {
  endAttempt(host, ctx);
  const i = ctx.node;
  let outputs: NodeOutputs;
  try {
    outputs = checkOutputs(host.compiled.nodes[i]!, value);
  } catch (e) {
    attemptFailed(host, ctx, e);
    return;
  }
  host.state.finishedAt[i] = host.now();
  succeed(host, i, outputs, false);
}

/**
 * An attempt failed: threw, rejected, returned something unusable, or ran out of time (the run calls
 * this when the deadline passes). Retries when the policy and the error allow, else applies `onError`.
 */
export function attemptFailed(host: NodeRunHost, ctx: AttemptContext, thrown: unknown): void {
  endAttempt(host, ctx);
  const i = ctx.node;
  const node = host.compiled.nodes[i]!;
  const error = toRunError(thrown);
  if (error.retryable === false || ctx.attempt >= node.retry.maxAttempts) {
    finalFailure(host, i, error);
    return;
  }
  const delayMs = retryDelayMs(node.retry, ctx.attempt + 1, host.random);
  if (host.listening) {
    host.emit({ type: 'nodeRetrying', runId: host.runId, nodeId: node.id, at: host.now(), attempt: ctx.attempt, delayMs, error });
  }
  host.retryLater(i, delayMs, () => startAttempt(host, i, ctx.attempt + 1, ctx.inputs, ctx.params, host.now()));
}

function finalFailure(host: NodeRunHost, i: number, error: RunError): void {
  const state = host.state;
  const node = host.compiled.nodes[i]!;
  const finishedAt = host.now();
  state.finishedAt[i] = finishedAt;
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
      succeed(host, i, { ...node.fallback }, true);
      return;
    case 'route':
      succeed(host, i, { error: { message: error.message, code: error.code, attempts: state.attempts[i] } }, true);
      return;
    default:
      state.status[i] = S.Failed;
      if (host.listening) host.emit({ type: 'nodeFailed', runId: host.runId, nodeId: node.id, at: finishedAt, error });
      host.nodeFailedRun(i);
  }
}

function succeed(host: NodeRunHost, i: number, outputs: NodeOutputs, recovered: boolean): void {
  const state = host.state;
  state.status[i] = S.Succeeded;
  state.setOutputs(i, outputs);
  if (recovered) state.flags[i] = state.flags[i]! | RunState.RECOVERED;
  if (host.listening) {
    const nodeId = host.compiled.nodes[i]!.id;
    const at = state.finishedAt[i]!;
    const durationMs = at - state.startedAt[i]!;
    host.emit(
      recovered
        ? { type: 'nodeSucceeded', runId: host.runId, nodeId, at, durationMs, outputs, recovered: true }
        : { type: 'nodeSucceeded', runId: host.runId, nodeId, at, durationMs, outputs },
    );
  }
  host.nodeDone(i);
}
