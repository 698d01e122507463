// Main's view of the backend process: the windows' API connections (what ipc.ts calls), served by
// whichever backend process is alive. When one dies unexpectedly, the calls it had not answered fail
// with BACKEND_CRASHED, every window with a connection is told (`backendStatus`, preload/contract/
// backend-status.ts), and a new one starts; calls made meanwhile wait for it. A crash loop (more than
// `maxRestarts` within `restartWindowMs`) or a restart that cannot open stops the restarting: calls
// then answer BACKEND_UNAVAILABLE. At quit, `shutdown` asks the process to stop (runs cancelled and
// recorded, runners stopped, weft.db closed), waits for it, and kills it when it takes too long.
import type { ApiEvent, ApiResponse } from '../../preload/contract.js';
import {
  BACKEND_STATUS_EVENT_TYPE,
  BACKEND_UNAVAILABLE,
  type BackendStatus,
  type BackendStatusEvent,
} from '../../preload/contract/backend-status.js';
import type { ApiConnection } from '../rpc/api.js';
import {
  launchBackend,
  type BackendExit,
  type BackendLaunchOptions,
  type BackendProcess,
} from './backend-launch.js';

export interface BackendClientOptions extends BackendLaunchOptions {
  /** Restarts allowed within `restartWindowMs` before giving up (default 3 within 60 s). */
  readonly maxRestarts?: number;
  readonly restartWindowMs?: number;
  /** How long `shutdown` waits for the process to stop before killing it (default 20 s). */
  readonly stopTimeoutMs?: number;
}

/** What a window's connection pushes: the API's events and news of the backend. */
export type WindowEvent = ApiEvent | BackendStatusEvent;

export interface BackendClient {
  /** Resolves once the first backend process is serving; rejects (BackendStartError) when it cannot open. */
  readonly ready: Promise<void>;
  /** The current backend process's pid (tests, diagnostics). */
  readonly pid: number | undefined;
  /** A window's connection: its own run subscriptions, its events and the backend's news to `send`. */
  openConnection(send: (event: WindowEvent) => void): ApiConnection;
  /** Stops the backend process once; later calls answer CLOSED. Resolves with how it ended. */
  shutdown(): Promise<BackendExit>;
}

interface Connection {
  readonly send: (event: WindowEvent) => void;
  /** The process this connection is open in, if any (a restarted one needs it opened again). */
  openIn: BackendProcess | undefined;
}

const UNAVAILABLE: ApiResponse = {
  ok: false,
  error: {
    code: BACKEND_UNAVAILABLE,
    message: "Weft's background process is not running and could not be restarted; restart Weft.",
  },
};
const QUITTING: ApiResponse = { ok: false, error: { code: 'CLOSED', message: 'Weft is quitting' } };
const CLOSED: ApiResponse = { ok: false, error: { code: 'CLOSED', message: 'the connection is closed' } };

const MESSAGES: Record<BackendStatus, string> = {
  crashed:
    "Weft's background process stopped unexpectedly and is being restarted. Work that was in progress may not have been saved.",
  restarted: "Weft's background process was restarted. Runs that were going are interrupted.",
  unavailable: "Weft's background process could not be restarted. Save your work elsewhere and restart Weft.",
};

export function startBackendClient(options: BackendClientOptions): BackendClient {
  const { log } = options;
  const maxRestarts = options.maxRestarts ?? 3;
  const restartWindowMs = options.restartWindowMs ?? 60_000;
  const connections = new Map<number, Connection>();
  const restarts: number[] = [];
  let nextConn = 1;
  let state: 'running' | 'down' | 'stopping' = 'running';
  let current: BackendProcess;

  function tell(status: BackendStatus): void {
    const event: BackendStatusEvent = { type: BACKEND_STATUS_EVENT_TYPE, status, message: MESSAGES[status] };
    for (const connection of connections.values()) {
      try {
        connection.send(event);
      } catch (error) {
        log(`weft: a window could not be told the backend ${status}: ${String(error)}`);
      }
    }
  }

  function launch(): BackendProcess {
    const backend = launchBackend(options, (conn, event) => {
      const connection = connections.get(conn);
      // An event of a process this connection has left (a restart) is stale.
      if (connection?.openIn === backend) connection.send(event);
    });
    current = backend;
    void backend.exited.then((exit) => ended(backend, exit));
    return backend;
  }

  function ended(backend: BackendProcess, exit: BackendExit): void {
    if (backend !== current || state !== 'running') return;
    const why = `exit code ${String(exit.code)}${exit.detail === '' ? '' : `: ${exit.detail}`}`;
    if (!backend.served) {
      // It never opened (a database from a newer Weft, a folder it cannot write): another start would
      // fail the same way. The first start's failure reaches app.ts through `ready`.
      log(`weft: the backend process could not open (${why})`);
      state = 'down';
      if (backend !== first) tell('unavailable');
      return;
    }
    log(`weft: the backend process ended unexpectedly (${why})`);
    tell('crashed');
    const now = Date.now();
    while (restarts.length > 0 && (restarts[0] ?? 0) <= now - restartWindowMs) restarts.shift();
    if (restarts.length >= maxRestarts) {
      log(
        `weft: the backend process crashed ${restarts.length + 1} times within ${restartWindowMs} ms; not restarting it`,
      );
      state = 'down';
      tell('unavailable');
      return;
    }
    restarts.push(now);
    const next = launch();
    next.ready.then(
      () => {
        if (next === current && state === 'running') tell('restarted');
      },
      () => undefined, // its exit follows, and `ended` says what it means
    );
  }

  /** The process a call goes to, once it is serving; undefined when there is none. */
  async function serving(): Promise<BackendProcess | undefined> {
    // A process can die while a call waits for it to open; the next one (if any) is tried, at most twice.
    for (let tries = 0; tries < 3 && state === 'running'; tries += 1) {
      const backend = current;
      try {
        await backend.ready;
        return backend;
      } catch {
        if (backend === current) return undefined;
      }
    }
    return undefined;
  }

  function quitting(): boolean {
    return state === 'stopping';
  }

  async function call(conn: number, method: string, input: unknown): Promise<ApiResponse> {
    if (state === 'stopping') return QUITTING;
    if (state === 'down') return UNAVAILABLE;
    const backend = await serving();
    // The state may have changed while the call waited.
    if (quitting()) return QUITTING;
    if (backend === undefined) return UNAVAILABLE;
    const connection = connections.get(conn);
    if (connection === undefined) return CLOSED;
    if (connection.openIn !== backend) {
      // Messages keep their order on the channel: the call below finds the connection open.
      backend.open(conn);
      connection.openIn = backend;
    }
    return backend.call(conn, method, input);
  }

  // The first process (its `ready` is the app's); `current` follows the restarts.
  const first = launch();
  let stopped: Promise<BackendExit> | undefined;

  return {
    ready: first.ready,
    get pid() {
      return current.pid;
    },
    openConnection(send) {
      const conn = nextConn++;
      connections.set(conn, { send, openIn: undefined });
      return {
        call: (method, input) => call(conn, method, input),
        close() {
          const connection = connections.get(conn);
          if (connection === undefined) return;
          connections.delete(conn);
          const backend = connection.openIn;
          if (backend !== undefined && !backend.ended) backend.close(conn);
        },
      };
    },
    shutdown() {
      stopped ??= (async () => {
        state = 'stopping';
        connections.clear();
        // Answers at once with how it ended when the process is gone already (the backend was down).
        return current.stop(options.stopTimeoutMs ?? 20_000);
      })();
      return stopped;
    },
  };
}
