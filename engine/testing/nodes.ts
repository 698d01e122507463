/**
 * Tiny node types for the engine's tests, built as plain objects implementing NodeType. They stand in
 * for the bundled `core.*` nodes (the engine layer may not import plugins/) and add the misbehaving
 * kinds a real plugin may show: slow, flaky, hanging, synchronous, returning the wrong shape.
 * A kit records every call of `run`, so a test can tell what ran, when, with what and how often.
 */
import type {
  NodeOutputs,
  NodeRunContext,
  NodeType,
  NodeTypeRegistry,
  PortSpec,
} from '../model/node-type.js';
import { createRegistry } from '../model/node-type.js';

/** Epoch milliseconds on the same clock as the engine's events. */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * How early a timer may seem to fire when measured with performance.now(): Node computes deadlines from
 * its event loop's cached, whole-millisecond clock. Waits are asserted as `>= ms - TIMER_SLACK_MS`.
 */
export const TIMER_SLACK_MS = 3;

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** One call of a node type's `run`. */
export interface Call {
  readonly type: string;
  readonly nodeId: string;
  readonly attempt: number;
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly params: Readonly<Record<string, unknown>>;
  readonly runInput: unknown;
  readonly signal: AbortSignal;
  readonly startedAt: number;
  /** Set when the call settled (resolved, rejected or threw); never for a hanging call. */
  settledAt?: number;
}

type Body = (ctx: NodeRunContext) => Promise<NodeOutputs | undefined | void> | NodeOutputs | undefined | void;

interface Def {
  readonly type: string;
  readonly inputs?: readonly PortSpec[];
  readonly outputs?: readonly PortSpec[];
  readonly params?: Readonly<Record<string, unknown>>;
  readonly rawParams?: readonly string[];
  readonly run: Body;
}

const IN: PortSpec = { name: 'in', type: 'any' };
const OUT: PortSpec = { name: 'out', type: 'any' };

/** Waits `ms`, rejecting with the signal's reason as soon as it aborts. */
function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** An error as a plugin would throw it: a message, maybe a code, maybe `retryable: false`. */
export function pluginError(message: string, code?: string, retryable?: boolean): Error {
  const e = new Error(message) as Error & { code?: string; retryable?: boolean };
  if (code !== undefined) e.code = code;
  if (retryable !== undefined) e.retryable = retryable;
  return e;
}

/** The node types every kit holds, by type name. */
function definitions(): Def[] {
  return [
    // Emits `params.value` (default: its own id). No inputs.
    { type: 'test.source', outputs: [OUT], run: ({ params, nodeId }) => ({ out: params.value ?? nodeId }) },
    // Emits the run's input, or `params.payload`: what core.manual does.
    {
      type: 'test.manual',
      outputs: [OUT],
      run: ({ params, runInput }) => ({ out: runInput !== undefined ? runInput : (params.payload ?? {}) }),
    },
    // Passes its required input on.
    { type: 'test.pass', inputs: [IN], outputs: [OUT], run: ({ inputs }) => ({ out: inputs.in }) },
    // Waits `params.ms` honouring its signal, then emits `params.value`, else the input, else its id.
    {
      type: 'test.delay',
      inputs: [{ ...IN, required: false }],
      outputs: [OUT],
      params: {
        type: 'object',
        required: ['ms'],
        properties: { ms: { type: 'number', minimum: 0 }, value: {} },
        additionalProperties: false,
      },
      async run({ params, inputs, signal, nodeId }) {
        await abortableSleep(params.ms as number, signal);
        return { out: params.value ?? inputs.in ?? nodeId };
      },
    },
    // Ignores its signal and never settles.
    {
      type: 'test.hang',
      inputs: [{ ...IN, required: false }],
      outputs: [OUT],
      run: () => new Promise<never>(() => {}),
    },
    // Fails on attempts 1..`params.failures` (all when absent), then emits the attempt number.
    // The error carries `params.code` and `params.retryable` when given; `params.sync` throws synchronously.
    {
      type: 'test.flaky',
      inputs: [{ ...IN, required: false }],
      outputs: [OUT],
      run(ctx) {
        const { failures, code, retryable, sync, message } = ctx.params as {
          failures?: number;
          code?: string;
          retryable?: boolean;
          sync?: boolean;
          message?: string;
        };
        const fail = failures === undefined || ctx.attempt <= failures;
        const error = pluginError(message ?? `attempt ${ctx.attempt} failed`, code, retryable);
        if (sync) {
          if (fail) throw error;
          return { out: ctx.attempt };
        }
        return fail ? Promise.reject(error) : Promise.resolve({ out: ctx.attempt });
      },
    },
    // Returns synchronously: its input, else `params.value`.
    {
      type: 'test.sync',
      inputs: [{ ...IN, required: false }],
      outputs: [OUT],
      run: ({ inputs, params }) => ({ out: inputs.in ?? params.value }),
    },
    // Resolves with `params.result` as is: for outputs of the wrong shape.
    {
      type: 'test.bad',
      inputs: [{ ...IN, required: false }],
      outputs: [OUT],
      run: ({ params }) => Promise.resolve(params.result as NodeOutputs),
    },
    // Writes `params.lines` ([level, message] pairs; level "log" uses the plain call) to its log.
    {
      type: 'test.log',
      inputs: [{ ...IN, required: false }],
      outputs: [OUT],
      run({ params, log }) {
        for (const [level, message] of params.lines as Array<[string, string]>) {
          if (level === 'log') log(message);
          else log[level as 'debug' | 'info' | 'warn' | 'error'](message);
        }
        return { out: 'logged' };
      },
    },
    // core.set: the input object merged with `params.values` (templates evaluated by the engine).
    {
      type: 'test.set',
      inputs: [IN],
      outputs: [OUT],
      params: { type: 'object', properties: { values: { type: 'object' } }, additionalProperties: false },
      run({ inputs, params }) {
        const input = inputs.in;
        const values = (params.values ?? {}) as Record<string, unknown>;
        return {
          out:
            input !== null && typeof input === 'object' && !Array.isArray(input)
              ? { ...input, ...values }
              : values,
        };
      },
    },
    // core.output: records its input as the run's output `params.name`.
    {
      type: 'test.output',
      inputs: [IN],
      outputs: [],
      params: {
        type: 'object',
        required: ['name'],
        properties: { name: { type: 'string' } },
        additionalProperties: false,
      },
      run({ inputs, params, setRunOutput }) {
        setRunOutput(params.name as string, inputs.in);
        return {};
      },
    },
    // Emits its input on port `params.port` ("yes" or "no") only, like core.if.
    {
      type: 'test.branch',
      inputs: [{ ...IN, required: false }],
      outputs: [OUT, { name: 'yes', type: 'any' }, { name: 'no', type: 'any' }],
      run: ({ inputs, params, nodeId }) => ({ [params.port as string]: inputs.in ?? nodeId }),
    },
    // Takes many edges on `in` and emits what arrived.
    {
      type: 'test.collect',
      inputs: [{ ...IN, multiple: true }],
      outputs: [OUT],
      run: ({ inputs }) => ({ out: inputs.in }),
    },
    // An optional input and a required one; emits the inputs object it received.
    {
      type: 'test.optional',
      inputs: [
        { name: 'in', type: 'any', required: false },
        { name: 'req', type: 'any' },
      ],
      outputs: [OUT],
      run: ({ inputs }) => ({ out: { ...inputs } }),
    },
    // Evaluates `params.expression` through ctx.evaluate (as core.expression does).
    {
      type: 'test.eval',
      inputs: [{ ...IN, required: false }],
      outputs: [OUT],
      rawParams: ['expression'],
      run: async ({ params, evaluate }) => ({ out: await evaluate(params.expression as string) }),
    },
    // Typed ports, for port-type checks. test.num emits `params.value` on a number port.
    {
      type: 'test.num',
      outputs: [{ name: 'out', type: 'number' }],
      run: ({ params }) => ({ out: params.value }),
    },
    {
      type: 'test.str',
      inputs: [{ name: 'in', type: 'string' }],
      outputs: [{ name: 'out', type: 'string' }],
      run: ({ inputs }) => ({ out: inputs.in }),
    },
    {
      type: 'test.numIn',
      inputs: [{ name: 'in', type: 'number' }],
      outputs: [OUT],
      run: ({ inputs }) => ({ out: inputs.in }),
    },
    {
      type: 'test.numsIn',
      inputs: [{ name: 'in', type: 'number', multiple: true }],
      outputs: [OUT],
      run: ({ inputs }) => ({ out: inputs.in }),
    },
    { type: 'test.obj', outputs: [{ name: 'out', type: 'object' }], run: () => ({ out: {} }) },
    { type: 'test.objIn', inputs: [{ name: 'in', type: 'object' }], outputs: [], run: () => ({}) },
    // A strict params schema, for the params checks.
    {
      type: 'test.strict',
      outputs: [OUT],
      params: {
        type: 'object',
        required: ['count'],
        additionalProperties: false,
        properties: {
          count: { type: 'number' },
          mode: { enum: ['a', 'b'] },
          nested: { type: 'object', properties: { flag: { type: 'boolean' } } },
        },
      },
      run: ({ params }) => ({ out: params.count }),
    },
  ];
}

export interface TestKit {
  readonly registry: NodeTypeRegistry;
  readonly types: readonly NodeType[];
  /** Every call of every node type's `run`, in the order they started. */
  readonly calls: Call[];
  /** How many calls were running at once, now and at most (hanging calls never leave). */
  readonly concurrency: { active: number; max: number };
  callsOf(nodeId: string): Call[];
}

/** A fresh set of test node types (plus `extra` ones) with a registry and call recording. */
export function createTestKit(extra: readonly NodeType[] = []): TestKit {
  const calls: Call[] = [];
  const concurrency = { active: 0, max: 0 };
  const wrap = (def: Def | NodeType): NodeType => ({
    title: def.type,
    inputs: [],
    outputs: [],
    ...def,
    run(ctx) {
      const call: Call = {
        type: def.type,
        nodeId: ctx.nodeId,
        attempt: ctx.attempt,
        inputs: ctx.inputs,
        params: ctx.params,
        runInput: ctx.runInput,
        signal: ctx.signal,
        startedAt: nowMs(),
      };
      calls.push(call);
      concurrency.active++;
      concurrency.max = Math.max(concurrency.max, concurrency.active);
      const settle = (): void => {
        call.settledAt = nowMs();
        concurrency.active--;
      };
      let result: ReturnType<NodeType['run']>;
      try {
        result = def.run(ctx);
      } catch (e) {
        settle();
        throw e;
      }
      if (
        result !== null &&
        typeof result === 'object' &&
        typeof (result as { then?: unknown }).then === 'function'
      ) {
        const pending = result as Promise<NodeOutputs | undefined | void>;
        return pending.then(
          (v) => (settle(), v),
          (e: unknown) => {
            settle();
            throw e;
          },
        );
      }
      settle();
      return result;
    },
  });
  const types = [...definitions(), ...extra].map(wrap);
  return {
    registry: createRegistry(types),
    types,
    calls,
    concurrency,
    callsOf: (nodeId) => calls.filter((c) => c.nodeId === nodeId),
  };
}
