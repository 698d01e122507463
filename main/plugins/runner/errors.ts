// The errors a runner call rejects with, and the words for how a runner ended.
import type { Cause, Culprit } from './runner.js';
import type { WireError } from './protocol.js';

/** A call's failure: the plugin's own error (code and retryable kept) or the runner's (PLUGIN_CRASHED…). */
export class RunnerError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly retryable?: boolean,
  ) {
    super(message);
    this.name = 'RunnerError';
  }
}

/** What the plugin threw, rebuilt on the host's side. */
export function fromWire(wire: unknown): RunnerError {
  const w = (wire !== null && typeof wire === 'object' ? wire : {}) as Partial<Record<keyof WireError, unknown>>;
  const message = typeof w.message === 'string' ? w.message : 'the node failed';
  const code = typeof w.code === 'string' ? w.code : 'NODE_ERROR';
  const error = new RunnerError(message, code, typeof w.retryable === 'boolean' ? w.retryable : undefined);
  if (typeof w.name === 'string' && w.name !== '') error.name = w.name;
  return error;
}

export function toWire(reason: unknown): WireError {
  if (reason instanceof Error) {
    const code = (reason as { code?: unknown }).code;
    return { name: reason.name, message: reason.message, ...(typeof code === 'string' ? { code } : {}) };
  }
  return { name: 'AbortError', message: reason === undefined ? 'cancelled' : String(reason) };
}

/** What an aborted call rejects with: the signal's reason itself when it is an Error (TIMEOUT, …). */
export function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  return new RunnerError(reason === undefined ? 'cancelled' : String(reason), 'CANCELLED');
}

/** "exited with code 3", "used too much memory (…)" — completes "its runner …". */
export function describeCause(cause: Cause): string {
  switch (cause.kind) {
    case 'exit': {
      const how = cause.code !== null ? `exited with code ${cause.code}` : `was killed by ${cause.signal ?? 'a signal'}`;
      const oom = /heap limit|out of memory/i.test(cause.detail) ? ' (out of memory: JavaScript heap limit reached)' : '';
      return how + oom + (cause.why !== undefined ? ` (${cause.why})` : '');
    }
    case 'memory':
      return `used too much memory (${cause.rssMb} MB resident, over the ${cause.limitMb} MB limit) and was stopped`;
    case 'abandoned':
      return `was stopped because ${cause.plugin} (${cause.what}) did not stop after its abort`;
    case 'stuck':
      return 'stopped responding (a busy loop) and was replaced';
    case 'closed':
      return 'was closed';
  }
}

/** The error of a call whose runner died under it. */
export function goneError(plugin: string, what: string, cause: Cause, culprit: Culprit | undefined): RunnerError {
  if (cause.kind === 'closed') return new RunnerError(`${what} of plugin ${plugin} was cancelled: the plugin runner was closed`, 'CANCELLED');
  const runner = `its runner ${describeCause(cause)}`;
  if (culprit !== undefined && culprit.plugin !== plugin) {
    // Another plugin's code took the shared runner down with this call in it.
    return new RunnerError(`${what} of plugin ${plugin} could not finish: ${runner}; caused by ${culprit.plugin} (${culprit.what})`, 'PLUGIN_CRASHED');
  }
  return new RunnerError(`plugin ${plugin} crashed while running ${what}: ${runner}`, 'PLUGIN_CRASHED');
}

/** The name `core.code` calls go by in a runner (child.mjs says the same): never a plugin's name. */
export const CODE_PLUGIN = 'core';

/** The error of a `core.code` call whose runner died under it; `own` when this call's code did it. */
export function codeGoneError(cause: Cause, culprit: Culprit | undefined, own: boolean): RunnerError {
  if (cause.kind === 'closed') return new RunnerError('core.code was cancelled: the code runner was closed', 'CANCELLED');
  const runner = `its runner ${describeCause(cause)}`;
  if (own) return new RunnerError(`the code crashed: ${runner}`, 'PLUGIN_CRASHED');
  const by = culprit === undefined ? '' : culprit.plugin === CODE_PLUGIN ? `; caused by another code node (${culprit.what})` : `; caused by ${culprit.plugin} (${culprit.what})`;
  return new RunnerError(`the code could not finish: ${runner}${by}`, 'PLUGIN_CRASHED');
}
