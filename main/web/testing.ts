// Test harness of the browser mode: a server on a free port over a temp store (bundled node types), a
// fake built editor in a temp folder, raw HTTP requests (Host and Origin as a test sets them) and a
// socket client that speaks the contract's framing.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { ApiEvent, ApiResponse, SocketMessage } from '../../preload/contract.js';
import { tempStore } from '../db/testing/temp-store.js';
import { createApi, type Api } from '../rpc/api.js';
import { startWebServer, type WebServer, type WebServerOptions } from './server.js';
import { createWebApi, type WebApi } from './web-api.js';

/** A folder shaped like dist/renderer/: index.html and one hashed asset. */
export function fakeRenderer(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'weft-renderer-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><title>Weft</title><script type="module" src="/assets/app-1a2b.js"></script>',
  );
  writeFileSync(join(dir, 'assets', 'app-1a2b.js'), 'console.log("weft");');
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface WebHarness {
  readonly server: WebServer;
  readonly api: Api;
  readonly web: WebApi;
  readonly store: ReturnType<typeof tempStore>;
  /** The Default workspace's id. */
  readonly ws: string;
  /** `host:port` as a browser names this server. */
  readonly hostPort: string;
  readonly rendererDir: string;
  dispose(): Promise<void>;
}

/** Starts a server over a temp store; `renderer: false` leaves the editor unbuilt. */
export async function webHarness(
  options: { renderer?: boolean } & Partial<Pick<WebServerOptions, 'pingMs' | 'token'>> = {},
): Promise<WebHarness> {
  const store = tempStore();
  const renderer = fakeRenderer();
  if (options.renderer === false) rmSync(join(renderer.dir, 'index.html'));
  const api = createApi({ store, checkResults: true });
  const web = createWebApi({ api });
  const server = await startWebServer({
    api: web,
    port: 0,
    rendererDir: renderer.dir,
    ...(options.pingMs === undefined ? {} : { pingMs: options.pingMs }),
    ...(options.token === undefined ? {} : { token: options.token }),
  });
  return {
    server,
    api,
    web,
    store,
    ws: store.defaultWorkspace.id,
    hostPort: `127.0.0.1:${server.port}`,
    rendererDir: renderer.dir,
    async dispose() {
      await server.close();
      web.cancelRuns();
      await web.idle();
      store.dispose();
      renderer.remove();
    },
  };
}

export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  /** The body parsed as JSON (undefined when it is not JSON). */
  readonly json: unknown;
}

export interface RawRequest {
  readonly method?: string;
  /** Sent as they are: a test may set Host, Origin, Cookie, Authorization. */
  readonly headers?: Record<string, string>;
  /** A value sent as JSON (Content-Type application/json unless headers say otherwise), or raw text. */
  readonly body?: unknown;
  readonly rawBody?: string | Buffer;
}

/** One HTTP request to the server at `port`, the path sent exactly as given. */
export function rawRequest(port: number, path: string, options: RawRequest = {}): Promise<RawResponse> {
  const headers: Record<string, string> = { Host: `127.0.0.1:${port}`, ...options.headers };
  let payload: string | Buffer | undefined = options.rawBody;
  if (options.body !== undefined) {
    payload = JSON.stringify(options.body);
    headers['Content-Type'] ??= 'application/json';
  }
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** A REST call with the bearer token. */
export function restCall(h: WebHarness, method: string, path: string, body?: unknown): Promise<RawResponse> {
  return rawRequest(h.server.port, `/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${h.server.token}` },
    ...(body === undefined ? {} : { body }),
  });
}

/** A socket client: numbered calls, answers by id, events recorded. */
export interface TestSocket {
  readonly socket: WebSocket;
  readonly events: ApiEvent[];
  /** Every message received, in order (answers and events). */
  readonly messages: SocketMessage[];
  call(method: string, input: unknown): Promise<ApiResponse>;
  /** Sends a raw frame. */
  sendRaw(data: string | Buffer): void;
  /** The next message received after now. */
  next(): Promise<SocketMessage>;
  /** Resolves once `predicate` holds for the events so far. */
  until(predicate: (events: readonly ApiEvent[]) => boolean, ms?: number): Promise<void>;
  close(): Promise<void>;
}

/** Opens a socket to the harness's server (with the token in the query unless `headers` carry it). */
export function openSocket(
  port: number,
  options: { token?: string; headers?: Record<string, string> } = {},
): Promise<TestSocket> {
  const query = options.token === undefined ? '' : `?token=${encodeURIComponent(options.token)}`;
  const socket = new WebSocket(`ws://127.0.0.1:${port}/ws${query}`, { headers: options.headers ?? {} });
  const events: ApiEvent[] = [];
  const messages: SocketMessage[] = [];
  const pending = new Map<number, (r: ApiResponse) => void>();
  const waiters: Array<(m: SocketMessage) => void> = [];
  let nextId = 1;
  socket.on('message', (data: WebSocket.RawData) => {
    const message = JSON.parse(String(data)) as SocketMessage;
    messages.push(message);
    for (const w of waiters.splice(0)) w(message);
    if ('event' in message) events.push(message.event);
    else pending.get(message.id)?.(message.response);
  });
  const client: TestSocket = {
    socket,
    events,
    messages,
    call(method, input) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        socket.send(JSON.stringify({ id, method, input }));
      });
    },
    sendRaw: (data) => socket.send(data),
    next: () => new Promise((resolve) => waiters.push(resolve)),
    async until(predicate, ms = 10_000) {
      const end = Date.now() + ms;
      while (!predicate(events)) {
        if (Date.now() > end) throw new Error(`timed out; events: ${JSON.stringify(events).slice(0, 500)}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close() {
      if (socket.readyState === WebSocket.CLOSED) return Promise.resolve();
      return new Promise((resolve) => {
        socket.once('close', () => resolve());
        socket.close();
      });
    },
  };
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(client));
    socket.once('unexpected-response', (_req, res) =>
      reject(Object.assign(new Error(`refused: ${res.statusCode}`), { status: res.statusCode })),
    );
    socket.once('error', reject);
  });
}
