// The editor's WebSocket (SOCKET_PATH): the contract's calls and pushed events as JSON text frames
// (SocketRequest in, SocketMessage out), one API connection per socket so each tab follows its own runs.
// A frame the bridge cannot use is answered when its id can be read and dropped otherwise; nothing a
// client sends can take the server down.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import sjson from 'secure-json-parse';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { ApiResponse, SocketMessage } from '../../preload/contract.js';
import type { WebApi } from './web-api.js';

/** Largest frame a client may send: a 10 MiB document with its call around it, JSON-escaped. */
export const MAX_FRAME_BYTES = 16 * 1024 * 1024;

/** A socket whose unsent answers pile up past this is a client that stopped reading: it is closed. */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

/** How often sockets are pinged; one that has not answered the last ping by the next is dropped. */
const PING_MS = 30_000;

export interface SocketBridgeOptions {
  readonly api: WebApi;
  readonly pingMs?: number;
  readonly maxPayload?: number;
}

export interface SocketBridge {
  /** Takes over an upgrade request that has passed the server's checks. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** How many sockets are open. */
  size(): number;
  /** Closes every socket (1001, going away) and stops accepting; resolves when all are closed. */
  close(): Promise<void>;
}

/** What a frame holds, if it is a call: its id and method, or why it is not (with the id if readable). */
type Frame =
  | { ok: true; id: number; method: string; input: unknown }
  | { ok: false; id: number | undefined; message: string; path?: string };

function idOf(value: unknown): number | undefined {
  const id = value !== null && typeof value === 'object' ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'number' && Number.isSafeInteger(id) ? id : undefined;
}

/** Reads one text frame as a SocketRequest. */
export function readFrame(text: string): Frame {
  let value: unknown;
  try {
    value = sjson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch {
    // secure-json-parse throws alike for bad JSON and for a forbidden key; for the latter the id may be
    // readable, which JSON.parse's inert own-property object tells (read only, then dropped).
    let plain: unknown;
    try {
      plain = JSON.parse(text);
    } catch {
      return { ok: false, id: undefined, message: 'the frame is not JSON' };
    }
    return {
      ok: false,
      id: idOf(plain),
      message: 'the frame holds a forbidden key (__proto__ or constructor.prototype)',
    };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, id: undefined, message: 'the frame is not an object' };
  }
  const id = idOf(value);
  if (id === undefined)
    return { ok: false, id: undefined, message: 'the frame has no numeric id', path: 'id' };
  const { method, input } = value as { method?: unknown; input?: unknown };
  if (typeof method !== 'string')
    return { ok: false, id, message: 'method: must be a string', path: 'method' };
  return { ok: true, id, method, input };
}

function invalid(message: string, path: string | undefined): ApiResponse {
  return { ok: false, error: { code: 'INVALID_INPUT', message, ...(path === undefined ? {} : { path }) } };
}

function text(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
}

export function createSocketBridge(options: SocketBridgeOptions): SocketBridge {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxPayload ?? MAX_FRAME_BYTES,
    // Compression buys little on a loopback socket and costs memory per socket (and is a zip-bomb risk).
    perMessageDeflate: false,
  });
  const alive = new WeakSet<WebSocket>();

  const pinger = setInterval(() => {
    for (const socket of wss.clients) {
      if (!alive.has(socket)) {
        socket.terminate();
        continue;
      }
      alive.delete(socket);
      socket.ping();
    }
  }, options.pingMs ?? PING_MS);
  pinger.unref();

  function attach(socket: WebSocket): void {
    alive.add(socket);
    socket.on('pong', () => alive.add(socket));

    function send(message: SocketMessage): void {
      if (socket.readyState !== socket.OPEN) return;
      if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
        socket.close(1013, 'the client does not read its messages');
        return;
      }
      let json: string;
      try {
        json = JSON.stringify(message);
      } catch {
        // Results are plain data (dispatch's contract); should one not be, the caller still hears back.
        if (!('id' in message)) return;
        json = JSON.stringify({
          id: message.id,
          response: { ok: false, error: { code: 'INTERNAL', message: 'the answer could not be sent' } },
        });
      }
      socket.send(json);
    }

    const connection = options.api.openConnection((event) => send({ event }));

    socket.on('message', (data) => {
      const frame = readFrame(text(data));
      if (!frame.ok) {
        if (frame.id !== undefined) send({ id: frame.id, response: invalid(frame.message, frame.path) });
        return;
      }
      connection.call(frame.method, frame.input).then(
        (response) => send({ id: frame.id, response }),
        // connection.call never rejects; this is a guard, not a path.
        () =>
          send({
            id: frame.id,
            response: { ok: false, error: { code: 'INTERNAL', message: 'internal error' } },
          }),
      );
    });
    // An oversize frame, a protocol error, a reset: the socket closes; nothing else is affected.
    socket.on('error', () => undefined);
    socket.on('close', () => connection.close());
  }

  return {
    handleUpgrade(req, socket, head) {
      wss.handleUpgrade(req, socket, head, attach);
    },
    size: () => wss.clients.size,
    async close() {
      clearInterval(pinger);
      const closing = [...wss.clients].map(
        (socket) =>
          new Promise<void>((resolve) => {
            if (socket.readyState === socket.CLOSED) return resolve();
            socket.once('close', () => resolve());
            socket.close(1001, 'the server is shutting down');
            // A client that does not answer the close handshake is cut off.
            setTimeout(() => socket.terminate(), 1_000).unref();
          }),
      );
      await Promise.all(closing);
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
