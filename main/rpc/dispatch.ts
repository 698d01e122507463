// The one entry point of the API: Electron IPC, the browser mode's WebSocket and its REST routes all call
// `dispatch`. It checks the method and its input against the contract, resolves the workspace, calls the
// handler and turns every failure into an ApiError: never a stack trace or an internal message.
import { randomUUID } from 'node:crypto';
import { WorkflowInvalidError } from '../../engine/model/problem.js';
import {
  contract,
  isApiMethod,
  type ApiArgs,
  type ApiError,
  type ApiMethod,
  type ApiResponse,
  type ApiResult,
} from '../../preload/contract.js';
import { InvalidInputError, NotFoundError, WeftError } from '../errors.js';
import type { RunSubscriptions } from './events.js';
import { inputProblems } from './input-problems.js';
import { findNonPlainData } from './plain-data.js';
import type { WorkspaceWatch } from './workspace-changes.js';

/** What a handler knows about the call besides its input: the caller's connection. */
export interface CallContext {
  /** The caller's run subscriptions (`runs.subscribe` pushes events through them). */
  readonly subscriptions: RunSubscriptions;
  /** The workspace whose changes the caller hears (`workspaces.watch`). */
  readonly watch: WorkspaceWatch;
}

/** One handler per contract method: a missing method or a wrong input or result type fails to compile. */
export type Handlers = {
  [M in ApiMethod]: (input: ApiArgs<M>, ctx: CallContext) => Promise<ApiResult<M>> | ApiResult<M>;
};

/** Where dispatch reports what it may not tell the caller. */
export interface DispatchLogger {
  error(message: string, error: unknown): void;
}

/** What dispatch needs besides the handlers. */
export interface DispatchOptions {
  /** Whether the workspace exists; a call naming one that does not answers NOT_FOUND. */
  workspaceExists(id: string): boolean | Promise<boolean>;
  /** Receives unexpected errors with their stacks; defaults to console.error. */
  logger?: DispatchLogger;
  /** Answer INTERNAL when a result is not plain data (for tests and development). */
  checkResults?: boolean;
  /**
   * Hears every call that succeeded, with its validated input and its result, before the caller gets
   * the answer (the API announces workspace changes here). What it throws is logged, never answered.
   */
  afterCall?(method: ApiMethod, args: unknown, result: unknown): void;
}

/** Calls a method by name with untrusted input; always resolves, never throws. */
export type Dispatch = (method: string, input: unknown, ctx: CallContext) => Promise<ApiResponse>;

/** The message of every INTERNAL error: the details go to the log only. */
export const INTERNAL_MESSAGE = 'internal error: the details are in the log';

const defaultLogger: DispatchLogger = {
  error: (message, error) => console.error(message, error),
};

function failure(error: ApiError): ApiResponse {
  return { ok: false, error };
}

/** Builds the dispatch function over a complete handler map. */
export function createDispatcher(handlers: Handlers, options: DispatchOptions): Dispatch {
  const logger = options.logger ?? defaultLogger;

  function internal(method: string, what: string, error: unknown): ApiResponse {
    const incident = randomUUID();
    try {
      logger.error(`rpc ${method}: ${what} [incident ${incident}]`, error);
    } catch {
      // A broken logger must not turn a handled failure into an unhandled one.
    }
    return failure({ code: 'INTERNAL', message: INTERNAL_MESSAGE, details: { incident } });
  }

  async function call(method: ApiMethod, input: unknown, ctx: CallContext): Promise<ApiResponse> {
    const parsed = contract[method].input.safeParse(input);
    if (!parsed.success) return failure(new InvalidInputError(inputProblems(parsed.error, input)).toInfo());
    const args: unknown = parsed.data;
    const workspaceId = (args as { workspaceId?: unknown }).workspaceId;
    if (typeof workspaceId === 'string' && !(await options.workspaceExists(workspaceId))) {
      return failure(new NotFoundError('workspace', workspaceId).toInfo());
    }
    const handler = handlers[method] as (input: unknown, ctx: CallContext) => unknown;
    if (typeof handler !== 'function') return internal(method, 'no handler', undefined);
    const result = await handler(args, ctx);
    if (options.checkResults) {
      const bad = findNonPlainData(result);
      if (bad !== undefined) return internal(method, `result is not plain data at ${bad}`, result);
    }
    if (options.afterCall) {
      try {
        options.afterCall(method, args, result);
      } catch (error) {
        // The call did what it was asked: a failure to tell others of it must not turn it into an error.
        internal(method, 'afterCall failed', error);
      }
    }
    return { ok: true, result } as ApiResponse;
  }

  return async (method, input, ctx) => {
    if (!isApiMethod(method)) {
      const shown = typeof method === 'string' ? JSON.stringify(method.slice(0, 100)) : typeof method;
      return failure({ code: 'UNKNOWN_METHOD', message: `unknown method ${shown}` });
    }
    try {
      return await call(method, input, ctx);
    } catch (error) {
      if (error instanceof WeftError) return failure(error.toInfo());
      // The engine's own validation error, when a service lets it through: same problems, same shape.
      if (error instanceof WorkflowInvalidError) return failure(new InvalidInputError(error.problems).toInfo());
      return internal(method, 'failed', error);
    }
  };
}
