// The browser mode's HTTP server: one port for the editor's files, its WebSocket and the REST API, every
// request checked for the right Host and the access token first. Bound to 127.0.0.1 unless told
// otherwise; the token in the printed URL is what keeps other programs and web pages out.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { SOCKET_PATH, TOKEN_PARAM } from '../../preload/contract.js';
import { createHostGuard, isWildcard, urlHost, type HostGuard } from './host-guard.js';
import { sendJson, sendText, setSecurityHeaders } from './responses.js';
import { API_PREFIX, createRestRouter } from './rest/router.js';
import { createSocketBridge } from './socket-bridge.js';
import { createStaticFiles, defaultRendererDir } from './static-files.js';
import { checkToken, createToken, tokenCookie } from './token.js';
import type { WebApi } from './web-api.js';

export interface WebServerOptions {
  readonly api: WebApi;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0: a free port, chosen by the system. */
  readonly port?: number;
  /** Default: a new random token. */
  readonly token?: string;
  /** The built editor; default dist/renderer/ beside the bundle. */
  readonly rendererDir?: string;
  /** Socket ping interval (tests). */
  readonly pingMs?: number;
}

export interface WebServer {
  readonly host: string;
  readonly port: number;
  readonly token: string;
  /** The URL to open, token included. */
  readonly url: string;
  /** Stops accepting, closes every socket and connection; resolves when the port is free. */
  close(): Promise<void>;
}

const UNAUTHORIZED = 'weft: missing or wrong access token; open the URL that `weft serve` printed';
const WRONG_HOST = 'weft: this server does not answer to that host name';

/** A request's path and query, from its raw target (never resolved against a base: `//x` stays a path). */
function target(req: IncomingMessage): { path: string; query: URLSearchParams } {
  const raw = req.url ?? '/';
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  return {
    path: path.startsWith('/') ? path : `/${path}`,
    query: new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)),
  };
}

function isApiPath(path: string): boolean {
  return path === API_PREFIX || path.startsWith(`${API_PREFIX}/`);
}

/** Refuses an upgrade on the raw socket: a short HTTP answer, then the connection is dropped. */
function refuseUpgrade(socket: Duplex, status: number, reason: string, text: string): void {
  const body = `${text}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
  socket.destroy();
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? createToken();
  const files = createStaticFiles(options.rendererDir ?? defaultRendererDir());
  // One connection for every REST call: it never subscribes, so it has no events to send.
  const restConnection = options.api.openConnection(() => undefined);
  const rest = createRestRouter(restConnection);
  const sockets = createSocketBridge({
    api: options.api,
    ...(options.pingMs === undefined ? {} : { pingMs: options.pingMs }),
  });

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const hostHeader = guard.hostOf(req);
    if (hostHeader === undefined) return sendText(res, 403, WRONG_HOST);
    setSecurityHeaders(res, hostHeader);
    const { path, query } = target(req);
    const api = isApiPath(path);
    const auth = checkToken(token, req, query);
    if (!auth.ok) {
      if (api)
        return sendJson(
          res,
          401,
          { error: { code: 'UNAUTHORIZED', message: UNAUTHORIZED } },
          { 'WWW-Authenticate': 'Bearer' },
        );
      return sendText(res, 401, UNAUTHORIZED);
    }
    if (api) {
      // A page of another site cannot read the answers, but must not be able to act either.
      if (!guard.originAllowed(req, hostHeader)) {
        return sendJson(res, 403, {
          error: { code: 'FORBIDDEN_ORIGIN', message: 'requests from another origin are refused' },
        });
      }
      return rest.handle(req, res, path.slice(API_PREFIX.length), query);
    }
    if (path === SOCKET_PATH)
      return sendText(res, 426, `${SOCKET_PATH} is a WebSocket`, { Upgrade: 'websocket' });
    // A page opened from the printed URL: its assets and socket carry the token as a cookie from here.
    const cookie: Record<string, string> = auth.via === 'query' ? { 'Set-Cookie': tokenCookie(token) } : {};
    return files.serve(req, res, path, cookie);
  }

  function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    const { path, query } = target(req);
    const hostHeader = guard.hostOf(req);
    if (hostHeader === undefined) return refuseUpgrade(socket, 403, 'Forbidden', WRONG_HOST);
    if (!guard.originAllowed(req, hostHeader))
      return refuseUpgrade(socket, 403, 'Forbidden', 'weft: a socket from another origin is refused');
    if (!checkToken(token, req, query).ok) return refuseUpgrade(socket, 401, 'Unauthorized', UNAUTHORIZED);
    if (path !== SOCKET_PATH)
      return refuseUpgrade(socket, 404, 'Not Found', `weft: the socket is at ${SOCKET_PATH}`);
    sockets.handleUpgrade(req, socket, head);
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((error: unknown) => {
      console.error('weft serve: a request failed', error);
      if (!res.headersSent) sendText(res, 500, 'weft: internal error: the details are in the log');
      else res.destroy();
    });
  });
  const guard: HostGuard = createHostGuard(host, () => (server.address() as AddressInfo | null)?.port ?? -1);
  server.on('upgrade', onUpgrade);
  // A malformed request just loses its connection; its error must not reach the process's handler.
  server.on('clientError', (_error, socket) => socket.destroy());

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    // The port is taken (or the address is not this machine's): nothing made here may outlive the try.
    await sockets.close();
    restConnection.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  return {
    host,
    port,
    token,
    // Listening on every interface: this machine's own address is the one sure to work in a browser.
    url: `http://${isWildcard(host) ? '127.0.0.1' : urlHost(host)}:${port}/?${TOKEN_PARAM}=${token}`,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        await sockets.close();
        restConnection.close();
        server.closeAllConnections();
        await stopped;
      })();
      return closing;
    },
  };
}
