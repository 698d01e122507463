// One backend process, seen from main: started as a utility process on main/backend/process.ts (the
// bundle's backend.js), given its configuration in `start`, then called over protocol.ts. It keeps the
// calls waiting for a reply, so that whatever ends the process answers each of them; it serves the
// process's runner requests (runner-broker.ts) and ends those runners with it. Restarting is the
// client's job (backend-client.ts): this is one life, from start to exit.
import type { ApiEvent, ApiResponse } from '../../preload/contract.js';
import { BACKEND_CRASHED } from '../../preload/contract/backend-status.js';
import {
  decodeBackendToMain,
  encode,
  isRunnerRequest,
  type BackendConfig,
  type BackendToMain,
  type MainToBackend,
} from '../backend/protocol.js';
import { startUtility, type UtilityProcessApi } from '../plugins/runner/utility-launcher.js';
import { createRunnerBroker } from './runner-broker.js';

export interface BackendLaunchOptions {
  readonly utilityProcess: UtilityProcessApi;
  /** The backend process's entry (dist/electron/backend.js). */
  readonly backendScript: string;
  /** The plugin runner's entry (child.mjs), for the runners the backend asks for. */
  readonly runnerScript: string;
  readonly runnerHeapMb?: number;
  readonly config: BackendConfig;
  /**
   * The backend process's environment (default: the app's own). It runs Weft's code only, which may need
   * HOME, TMPDIR or PATH (`ps` reads a runner's memory on macOS); the runners it asks for get only
   * NODE_ENV (runner-broker.ts).
   */
  readonly env?: Record<string, string>;
  readonly log: (message: string) => void;
  /**
   * How long the process may take to open the store and answer `ready` (default 5 min: generous, since
   * a migration of a large database runs in it; the bound is for a process that never gets going).
   */
  readonly startTimeoutMs?: number;
}

/** How a backend process ended. */
export interface BackendExit {
  readonly code: number | null;
  /** The tail of its stderr (an uncaught exception, "Reached heap limit"). */
  readonly detail: string;
  /** True when it had answered `shutdown` with `stopped` first: a clean stop. */
  readonly stopped: boolean;
}

/** Why a backend process did not become ready. */
export class BackendStartError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BackendStartError';
  }
}

export interface BackendProcess {
  readonly pid: number | undefined;
  /** Resolves once it answered `ready`; rejects with a BackendStartError otherwise. */
  readonly ready: Promise<void>;
  /** Resolves once it has ended, however. */
  readonly exited: Promise<BackendExit>;
  /** True once it answered `ready` (and stays true after its exit): it opened the backend. */
  readonly served: boolean;
  /** True from its exit on. */
  readonly ended: boolean;
  /** Opens a window's connection in the process. */
  open(conn: number): void;
  close(conn: number): void;
  /**
   * One call; resolves with its reply, or, when the process ends first, with BACKEND_CRASHED (or
   * CLOSED during a stop). Input that JSON cannot carry answers INVALID_INPUT without being sent.
   */
  call(conn: number, method: string, input: unknown): Promise<ApiResponse>;
  /** Asks it to stop (`shutdown`) and waits for its exit; kills it after `timeoutMs`. */
  stop(timeoutMs: number): Promise<BackendExit>;
  kill(): void;
}

const CRASHED: ApiResponse = {
  ok: false,
  error: {
    code: BACKEND_CRASHED,
    message: "Weft's background process stopped before answering; it is being restarted. Try again.",
  },
};
const STOPPED: ApiResponse = { ok: false, error: { code: 'CLOSED', message: 'Weft is quitting' } };
const NOT_JSON: ApiResponse = {
  ok: false,
  error: { code: 'INVALID_INPUT', message: 'the input cannot be sent: it is not JSON data' },
};

/** After `stopped` (or a kill), how long the process has to exit before main stops waiting. */
const EXIT_GRACE_MS = 2_000;

const TIMED_OUT = Symbol('timed out');

/** This process's environment, without the names that are unset. */
function appEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined) env[name] = value;
  return env;
}

/** `promise`'s value, or TIMED_OUT after `ms`; the timer never outlives the wait. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<typeof TIMED_OUT>((resolve) => {
        timer = setTimeout(() => resolve(TIMED_OUT), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** `onEvent` hears the events the process pushes to a connection. */
export function launchBackend(
  options: BackendLaunchOptions,
  onEvent: (conn: number, event: ApiEvent) => void,
): BackendProcess {
  const { log } = options;
  const child = startUtility(options.utilityProcess, options.backendScript, {
    env: options.env ?? appEnvironment(),
    serviceName: 'Weft backend',
  });
  const broker = createRunnerBroker({
    utilityProcess: options.utilityProcess,
    runnerScript: options.runnerScript,
    ...(options.runnerHeapMb === undefined ? {} : { heapMb: options.runnerHeapMb }),
    tell: (news) => child.post(encode(news)),
    log,
  });
  const pending = new Map<number, (response: ApiResponse) => void>();
  let nextCall = 1;
  let stopping = false;
  let saidStopped = false;
  let served = false;
  let settleReady: ((error?: BackendStartError) => void) | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    settleReady = (error) => {
      settleReady = undefined;
      clearTimeout(startTimer);
      if (error === undefined) resolve();
      else reject(error);
    };
  });
  // Nobody may be listening yet (the client attaches later): the rejection is still seen by its awaiters.
  ready.catch(() => undefined);
  let onStopped: () => void = () => undefined;
  const saidStoppedNow = new Promise<void>((resolve) => {
    onStopped = resolve;
  });
  let resolveExit: (exit: BackendExit) => void = () => undefined;
  const exited = new Promise<BackendExit>((resolve) => {
    resolveExit = resolve;
  });

  const startTimeoutMs = options.startTimeoutMs ?? 300_000;
  const startTimer = setTimeout(() => {
    log(`weft: the backend process did not start within ${startTimeoutMs} ms; ending it`);
    child.kill();
  }, startTimeoutMs);

  function handle(message: BackendToMain): void {
    if (isRunnerRequest(message)) return broker.handle(message);
    switch (message.t) {
      case 'ready':
        served = true;
        settleReady?.();
        return;
      case 'failed':
        settleReady?.(new BackendStartError(message.error.code, message.error.message));
        return;
      case 'reply': {
        const answer = pending.get(message.id);
        pending.delete(message.id);
        answer?.(message.response);
        return;
      }
      case 'event':
        onEvent(message.conn, message.event);
        return;
      case 'log':
        log(message.message);
        return;
      case 'stopped':
        saidStopped = true;
        onStopped();
        return;
    }
  }

  child.onText((text) => {
    const message = decodeBackendToMain(text);
    if (message === undefined) log(`weft: ignored a message from the backend process (${text.slice(0, 80)})`);
    else handle(message);
  });
  child.onExit((code, _signal, detail) => {
    broker.closeAll();
    settleReady?.(
      new BackendStartError(
        'BACKEND_START_FAILED',
        `the backend process ended before it was ready (exit code ${String(code)})${detail === '' ? '' : `: ${detail}`}`,
      ),
    );
    const answer = stopping ? STOPPED : CRASHED;
    for (const resolve of pending.values()) resolve(answer);
    pending.clear();
    resolveExit({ code, detail, stopped: saidStopped });
  });

  function send(message: MainToBackend): void {
    child.post(encode(message));
  }
  send({ t: 'start', config: options.config });

  return {
    get pid() {
      return child.pid;
    },
    ready,
    exited,
    get served() {
      return served;
    },
    get ended() {
      return child.ended;
    },
    open: (conn) => send({ t: 'open', conn }),
    close: (conn) => send({ t: 'close', conn }),
    call(conn, method, input) {
      if (child.ended) return Promise.resolve(stopping ? STOPPED : CRASHED);
      const id = nextCall++;
      let text: string;
      try {
        text = encode({ t: 'call', conn, id, method, input });
      } catch {
        return Promise.resolve(NOT_JSON);
      }
      return new Promise<ApiResponse>((resolve) => {
        pending.set(id, resolve);
        child.post(text);
      });
    },
    async stop(timeoutMs) {
      if (child.ended) return exited;
      stopping = true;
      send({ t: 'shutdown' });
      const outcome = await within(Promise.race([exited, saidStoppedNow]), timeoutMs);
      if (outcome === TIMED_OUT) {
        log(`weft: the backend process did not stop within ${timeoutMs} ms; ending it`);
        child.kill();
      } else if ((await within(exited, EXIT_GRACE_MS)) === TIMED_OUT) {
        // It said `stopped` (the database is closed) but is still there.
        log(`weft: the backend process did not exit ${EXIT_GRACE_MS} ms after stopping; ending it`);
        child.kill();
      }
      const exit = await within(exited, EXIT_GRACE_MS);
      return exit === TIMED_OUT
        ? { code: null, detail: 'it did not exit when killed', stopped: saidStopped }
        : exit;
    },
    kill: () => child.kill(),
  };
}
