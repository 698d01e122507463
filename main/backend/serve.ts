// The backend process's side of protocol.ts: opens the backend on `start`, keeps one API connection per
// window (`open` … `close`), answers each `call` with a `reply`, pushes each connection's events, and on
// `shutdown` stops everything, says `stopped` and exits 0. It owns no process of its own: the port, the
// backend and the exit are given (process.ts gives the real ones; serve.test.ts gives stand-ins).
import type { ApiResponse } from '../../preload/contract.js';
import { WeftError } from '../errors.js';
import type { RunnerLauncher } from '../plugins/runner/launcher.js';
import type { ApiConnection } from '../rpc/api.js';
import type { Backend } from './backend.js';
import { brokeredLauncher } from './brokered-launcher.js';
import {
  decodeMainToBackend,
  encode,
  isRunnerNews,
  type BackendConfig,
  type BackendToMain,
  type MainToBackend,
} from './protocol.js';

/** The process's channel to main: JSON text both ways. */
export interface BackendPort {
  post(text: string): void;
  onMessage(listener: (text: string) => void): void;
}

/** What `serveBackend` needs of the backend it opens. */
export type ServedBackend = Pick<Backend, 'openConnection' | 'shutdown'>;

export interface ServeOptions {
  readonly port: BackendPort;
  /** Opens the backend; throwing answers `failed`. `launcher` starts plugin runners through main. */
  readonly open: (
    config: BackendConfig,
    launcher: RunnerLauncher,
    log: (message: string) => void,
  ) => ServedBackend;
  /** Ends the process (after `stopped` or `failed` has been posted). */
  readonly exit: (code: number) => void;
}

const NOT_OPEN: ApiResponse = {
  ok: false,
  error: { code: 'BACKEND_UNAVAILABLE', message: 'the backend is not open' },
};
const CLOSED: ApiResponse = { ok: false, error: { code: 'CLOSED', message: 'the connection is closed' } };
const INTERNAL: ApiResponse = {
  ok: false,
  error: { code: 'INTERNAL', message: 'an internal error occurred; the details are in the log' },
};

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

export function serveBackend(options: ServeOptions): void {
  const { port } = options;
  let state: 'waiting' | 'open' | 'failed' | 'stopping' = 'waiting';
  let backend: ServedBackend | undefined;
  const connections = new Map<number, ApiConnection>();

  const post = (message: BackendToMain): void => port.post(encode(message));
  const log = (message: string): void => post({ t: 'log', message });
  const launcher = brokeredLauncher(post);

  function reply(conn: number, id: number, response: ApiResponse): void {
    try {
      post({ t: 'reply', conn, id, response });
    } catch (error) {
      // dispatch answers plain data; a result JSON cannot carry is a bug, and the caller still gets an answer
      log(`weft backend: the reply to call ${id} could not be sent: ${describe(error)}`);
      post({ t: 'reply', conn, id, response: INTERNAL });
    }
  }

  function start(config: BackendConfig): void {
    try {
      backend = options.open(config, launcher, log);
      state = 'open';
      post({ t: 'ready' });
    } catch (error) {
      state = 'failed';
      const failure =
        error instanceof WeftError
          ? { code: error.code, message: error.message }
          : { code: 'BACKEND_START_FAILED', message: error instanceof Error ? error.message : String(error) };
      log(`weft backend: could not open: ${describe(error)}`);
      post({ t: 'failed', error: failure });
      options.exit(1);
    }
  }

  function open(conn: number): void {
    if (backend === undefined || state !== 'open' || connections.has(conn)) return;
    const connection = backend.openConnection((event) => {
      try {
        post({ t: 'event', conn, event });
      } catch (error) {
        log(`weft backend: an event could not be sent: ${describe(error)}`);
      }
    });
    connections.set(conn, connection);
  }

  function call(conn: number, id: number, method: string, input: unknown): void {
    if (state !== 'open' && state !== 'stopping') return reply(conn, id, NOT_OPEN);
    const connection = connections.get(conn);
    if (connection === undefined) return reply(conn, id, CLOSED);
    connection.call(method, input).then(
      (response) => reply(conn, id, response),
      (error: unknown) => {
        log(`weft backend: ${method} threw: ${describe(error)}`);
        reply(conn, id, INTERNAL);
      },
    );
  }

  function close(conn: number): void {
    connections.get(conn)?.close();
    connections.delete(conn);
  }

  async function shutdown(): Promise<void> {
    if (state === 'stopping') return;
    state = 'stopping';
    // backend.shutdown closes the connections, cancels and records runs, stops runners, closes weft.db.
    if (backend !== undefined) await backend.shutdown();
    connections.clear();
    post({ t: 'stopped' });
    options.exit(0);
  }

  function handle(message: MainToBackend): void {
    if (isRunnerNews(message)) return launcher.deliver(message);
    switch (message.t) {
      case 'start':
        if (state === 'waiting') start(message.config);
        return;
      case 'open':
        return open(message.conn);
      case 'call':
        return call(message.conn, message.id, message.method, message.input);
      case 'close':
        return close(message.conn);
      case 'shutdown':
        void shutdown();
        return;
    }
  }

  port.onMessage((text) => {
    const message = decodeMainToBackend(text);
    if (message === undefined) {
      log(`weft backend: ignored a message that is not part of the protocol (${text.slice(0, 80)})`);
      return;
    }
    handle(message);
  });
}
