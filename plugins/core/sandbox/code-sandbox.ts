/**
 * Runs the user JavaScript of `core.code` nodes (SPEC §2) in a pool of worker threads.
 *
 * Why a worker and a vm context, and what this is not:
 * - The worker thread is there for killability. A node that ignores its signal (`for (;;) {}`) must be
 *   stopped by force while its run goes on (SPEC §3.3); only `worker.terminate()` can interrupt running
 *   JavaScript. `resourceLimits` make a runaway allocation kill the worker, not the app, and
 *   `process.exit` in escaped code ends only the worker thread.
 * - The vm context is there for correctness: each task sees a fresh global object holding a chosen set
 *   of web-style globals, so one task's globals and timers cannot leak into the next, and well-meaning
 *   code does not find `require`, `process` or the file system.
 * - Neither is a security boundary. `node:vm` is documented as not being one: any host object handed in
 *   (a timer function, `fetch`, a `Response`) leads back to the worker's `Function` and from there to
 *   `process` and `require`. Code written to escape will escape, into a worker that shares this
 *   process's memory limits, file system and network. A later plugin-isolation layer for untrusted code
 *   should run it in a separate OS process (a child process or utility process) with no inherited
 *   environment, reached only over a message channel, under OS-level sandboxing and permissions
 *   (Node's `--permission` model, seccomp/AppContainer), with CPU and memory limits per process and the
 *   network gated by workspace policy.
 */
import { Worker } from 'node:worker_threads';
import { CODE_WORKER_SOURCE } from './worker-source.js';
import { isWorkerToHost, type CodeLogLevel, type HostToWorker, type WireError, type WorkerToHost } from './protocol.js';

export type { CodeLogLevel } from './protocol.js';

/** One run of a `core.code` node's source. */
export interface CodeTask {
  /** Body of an async function with parameters `(input, ctx)`. */
  source: string;
  /** The value on the `in` port; structured-cloneable (JSON-like), may be undefined. */
  input: unknown;
  attempt: number;
  nodeId: string;
  runId: string;
  /** Aborted on timeout or cancellation. */
  signal: AbortSignal;
  /** Receives the code's `console.*` and `ctx.log` output. */
  log: (level: CodeLogLevel, message: string) => void;
}

/** A pool of worker threads running `core.code` tasks, one task per worker at a time. */
export interface CodeSandbox {
  /** Resolves with the code's return value (a structured clone), or rejects with what it threw. */
  run(task: CodeTask): Promise<unknown>;
  /** Terminates every worker; running tasks reject and later calls to `run` reject. */
  dispose(): Promise<void>;
}

export interface CodeSandboxOptions {
  /** Idle workers kept warm for reuse (default 4). */
  maxIdleWorkers?: number;
  /** How long an aborted task may take to wind down before its worker is terminated (default 50 ms). */
  killGraceMs?: number;
  /** Heap limit of each worker (default 256 MiB); exceeding it fails the task with PLUGIN_CRASHED. */
  maxOldGenerationSizeMb?: number;
}

/** The error a task rejects with when its code threw, its worker died, or the sandbox refused it. */
export class CodeSandboxError extends Error {
  readonly code: string | undefined;
  readonly retryable: boolean | undefined;

  constructor(message: string, options: { code?: string; retryable?: boolean; name?: string } = {}) {
    super(message);
    this.name = options.name ?? 'CodeSandboxError';
    this.code = options.code;
    this.retryable = options.retryable;
  }
}

interface Job {
  readonly id: number;
  readonly task: CodeTask;
  settled: boolean;
  resolve(value: unknown): void;
  reject(error: Error): void;
  graceTimer: ReturnType<typeof setTimeout> | undefined;
  detach(): void;
}

interface Slot {
  readonly worker: Worker;
  job: Job | undefined;
  retired: boolean;
}

const DEFAULT_MAX_IDLE_WORKERS = 4;
const DEFAULT_KILL_GRACE_MS = 50;
const DEFAULT_MAX_OLD_GENERATION_MB = 256;

export function createCodeSandbox(options: CodeSandboxOptions = {}): CodeSandbox {
  const maxIdleWorkers = Math.max(0, options.maxIdleWorkers ?? DEFAULT_MAX_IDLE_WORKERS);
  const killGraceMs = Math.max(0, options.killGraceMs ?? DEFAULT_KILL_GRACE_MS);
  const maxOldGenerationSizeMb = options.maxOldGenerationSizeMb ?? DEFAULT_MAX_OLD_GENERATION_MB;

  const slots = new Set<Slot>();
  const idle: Slot[] = [];
  let nextJobId = 1;
  let disposed = false;

  function spawn(): Slot {
    const worker = new Worker(CODE_WORKER_SOURCE, {
      eval: true,
      // The parent's flags (loaders, inspectors) and environment are none of the user code's business.
      execArgv: [],
      env: {},
      resourceLimits: { maxOldGenerationSizeMb },
    });
    const slot: Slot = { worker, job: undefined, retired: false };
    slots.add(slot);
    worker.on('message', (message: unknown) => {
      if (isWorkerToHost(message)) onMessage(slot, message);
    });
    worker.on('messageerror', (error: Error) => {
      crash(slot, `the task's result could not be read: ${error.message}`);
    });
    worker.on('error', (error: Error) => {
      crash(slot, error.message);
    });
    worker.on('exit', (exitCode: number) => {
      crash(slot, `the worker exited with code ${exitCode}`);
    });
    return slot;
  }

  function onMessage(slot: Slot, message: WorkerToHost): void {
    const job = slot.job;
    if (job === undefined || job.id !== message.id) return;
    if (message.type === 'log') {
      if (!job.settled) safeLog(job.task, message.level, message.message);
      return;
    }
    slot.job = undefined;
    job.detach();
    if (!job.settled) {
      job.settled = true;
      if (message.ok) job.resolve(message.value);
      else job.reject(fromWire(message.error));
    }
    release(slot);
  }

  /** The worker died or became unusable: its task fails with PLUGIN_CRASHED and the worker goes. */
  function crash(slot: Slot, why: string): void {
    if (slot.retired) return;
    const job = slot.job;
    retire(slot);
    if (job !== undefined && !job.settled) {
      job.settled = true;
      job.reject(
        new CodeSandboxError(`The code's worker crashed: ${why}`, {
          code: 'PLUGIN_CRASHED',
          name: 'PluginCrashedError',
        }),
      );
    }
  }

  function retire(slot: Slot): Promise<void> {
    const job = slot.job;
    if (job !== undefined) job.detach();
    if (slot.retired) return Promise.resolve();
    slot.retired = true;
    slots.delete(slot);
    const at = idle.indexOf(slot);
    if (at >= 0) idle.splice(at, 1);
    return slot.worker.terminate().then(
      () => undefined,
      () => undefined,
    );
  }

  function release(slot: Slot): void {
    if (slot.retired) return;
    if (disposed || idle.length >= maxIdleWorkers) {
      void retire(slot);
      return;
    }
    // An idle worker must never be what keeps a finished CLI run alive.
    slot.worker.unref();
    idle.push(slot);
  }

  function acquire(): Slot {
    const slot = idle.pop() ?? spawn();
    slot.worker.ref();
    return slot;
  }

  function run(task: CodeTask): Promise<unknown> {
    if (disposed) {
      return Promise.reject(new CodeSandboxError('The code sandbox has been disposed', { code: 'CANCELLED' }));
    }
    if (task.signal.aborted) return Promise.reject(abortError(task.signal));

    return new Promise<unknown>((resolve, reject) => {
      const slot = acquire();
      const signal = task.signal;
      const onAbort = (): void => {
        if (!job.settled) {
          job.settled = true;
          job.reject(abortError(signal));
        }
        post(slot, { type: 'abort', id: job.id, reason: toWire(signal.reason) });
        // Code that honours its signal gives its worker back within the grace; code that does not
        // (a busy loop, a forgotten promise) loses it.
        if (job.graceTimer === undefined && slot.job === job) {
          job.graceTimer = setTimeout(() => {
            if (slot.job === job) void retire(slot);
          }, killGraceMs);
        }
      };
      const job: Job = {
        id: nextJobId++,
        task,
        settled: false,
        resolve,
        reject,
        graceTimer: undefined,
        detach() {
          signal.removeEventListener('abort', onAbort);
          if (job.graceTimer !== undefined) clearTimeout(job.graceTimer);
          job.graceTimer = undefined;
        },
      };
      slot.job = job;
      signal.addEventListener('abort', onAbort, { once: true });

      const message: HostToWorker = {
        type: 'run',
        id: job.id,
        source: task.source,
        input: task.input,
        attempt: task.attempt,
        nodeId: task.nodeId,
        runId: task.runId,
      };
      try {
        slot.worker.postMessage(message);
      } catch (error) {
        slot.job = undefined;
        job.detach();
        job.settled = true;
        release(slot);
        reject(
          new CodeSandboxError(
            `The code's input cannot be passed to it (${errorMessage(error)}). Pass plain data: objects, arrays, strings, numbers, booleans or null.`,
            { code: 'INVALID_INPUT', retryable: false },
          ),
        );
      }
    });
  }

  async function dispose(): Promise<void> {
    disposed = true;
    const pending: Promise<void>[] = [];
    for (const slot of [...slots]) {
      const job = slot.job;
      pending.push(retire(slot));
      if (job !== undefined && !job.settled) {
        job.settled = true;
        job.reject(new CodeSandboxError('The code sandbox was disposed while the code ran', { code: 'CANCELLED' }));
      }
    }
    await Promise.all(pending);
  }

  return { run, dispose };
}

function post(slot: Slot, message: HostToWorker): void {
  if (slot.retired) return;
  try {
    slot.worker.postMessage(message);
  } catch {
    // A worker that cannot take a message is on its way out; its exit handler reports it.
  }
}

function safeLog(task: CodeTask, level: CodeLogLevel, message: string): void {
  try {
    task.log(level, message);
  } catch {
    // A failing logger must not turn into the code's failure.
  }
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new CodeSandboxError('cancelled', { code: 'CANCELLED' });
}

function toWire(reason: unknown): WireError {
  if (reason instanceof Error) {
    const code = (reason as { code?: unknown }).code;
    return { name: reason.name, message: reason.message, ...(typeof code === 'string' ? { code } : {}) };
  }
  return { name: 'AbortError', message: reason === undefined ? 'cancelled' : String(reason) };
}

function fromWire(wire: WireError): CodeSandboxError {
  const error = new CodeSandboxError(wire.message, {
    ...(wire.name !== undefined ? { name: wire.name } : {}),
    ...(wire.code !== undefined ? { code: wire.code } : {}),
    ...(wire.retryable !== undefined ? { retryable: wire.retryable } : {}),
  });
  if (wire.stack !== undefined) error.stack = wire.stack;
  return error;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
