// The browser mode's transport: one WebSocket to `weft serve` on the page's origin. Calls carry the
// client's own request ids; a pending map pairs each response with its call. The socket reconnects
// with backoff when it drops; calls in flight then fail at once with a clear error (whether the host
// acted on them is unknown), and calls made while the link is down wait for it, failing only when an
// attempt to connect fails.
import type { ApiEvent, ApiResponse, SocketMessage, SocketRequest } from '../../preload/contract.js';
import { DISCONNECTED, type ConnectionStatus, type Transport } from './transport.js';

/** The part of the browser's WebSocket this transport uses (tests hand in a fake). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
}

export interface Backoff {
  readonly initialMs: number;
  readonly maxMs: number;
  readonly factor: number;
}

export interface SocketTransportOptions {
  readonly url: string;
  readonly createSocket?: (url: string) => SocketLike;
  readonly backoff?: Backoff;
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
  readonly now?: () => number;
}

const DEFAULT_BACKOFF: Backoff = { initialMs: 250, maxMs: 5000, factor: 2 };
const OPEN_STATE = 1;

/** Delay before reconnect attempt `attempt` (1-based). */
export function backoffDelay(attempt: number, backoff: Backoff = DEFAULT_BACKOFF): number {
  return Math.min(backoff.maxMs, backoff.initialMs * backoff.factor ** Math.max(0, attempt - 1));
}

interface Call {
  readonly request: SocketRequest;
  readonly resolve: (response: ApiResponse) => void;
}

function failure(message: string): ApiResponse {
  return { ok: false, error: { code: DISCONNECTED, message } };
}

export function createSocketTransport(options: SocketTransportOptions): Transport {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const setTimer = options.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const now = options.now ?? (() => Date.now());

  const eventListeners = new Set<(event: ApiEvent) => void>();
  const statusListeners = new Set<(status: ConnectionStatus) => void>();
  /** Sent, waiting for their response. */
  const inFlight = new Map<number, Call>();
  /** Made while the link was down; sent when it opens. */
  let queued: Call[] = [];
  let nextId = 1;
  let socket: SocketLike | null = null;
  let status: ConnectionStatus = { state: 'connecting', attempt: 0 };
  let timer: unknown = null;
  let closedForGood = false;

  function setStatus(next: ConnectionStatus): void {
    status = next;
    for (const cb of statusListeners) cb(status);
  }

  function send(call: Call): void {
    inFlight.set(call.request.id, call);
    try {
      socket?.send(JSON.stringify(call.request));
    } catch (err) {
      inFlight.delete(call.request.id);
      call.resolve(failure(`could not send ${call.request.method}: ${String(err)}`));
    }
  }

  function onMessage(data: unknown): void {
    if (typeof data !== 'string') return;
    let message: SocketMessage;
    try {
      message = JSON.parse(data) as SocketMessage;
    } catch {
      return; // Not ours to crash on; the server only sends JSON.
    }
    if ('event' in message) {
      for (const cb of eventListeners) cb(message.event);
      return;
    }
    const call = inFlight.get(message.id);
    if (!call) return;
    inFlight.delete(message.id);
    call.resolve(message.response);
  }

  function failAll(calls: Iterable<Call>, message: (call: Call) => string): void {
    for (const call of calls) call.resolve(failure(message(call)));
  }

  function onDropped(wasOpen: boolean): void {
    socket = null;
    const lost = [...inFlight.values()];
    inFlight.clear();
    failAll(
      lost,
      (c) => `the connection to Weft was lost during ${c.request.method}; it may or may not have been done`,
    );
    if (!wasOpen) {
      // Waiting callers should not hang for the whole outage: an attempt that failed ends their wait.
      const waiting = queued;
      queued = [];
      failAll(waiting, (c) => `not connected to Weft (${c.request.method} was not sent); reconnecting`);
    }
    if (closedForGood) return;
    const attempt = status.attempt + 1;
    const delay = backoffDelay(attempt, backoff);
    setStatus({ state: 'reconnecting', attempt, retryAt: now() + delay });
    timer = setTimer(() => {
      timer = null;
      connect();
    }, delay);
  }

  function connect(): void {
    let opened = false;
    let ws: SocketLike;
    try {
      ws = createSocket(options.url);
    } catch {
      onDropped(false);
      return;
    }
    socket = ws;
    ws.onopen = () => {
      opened = true;
      setStatus({ state: 'open', attempt: 0 });
      const waiting = queued;
      queued = [];
      for (const call of waiting) send(call);
    };
    ws.onmessage = (ev) => onMessage(ev.data);
    ws.onerror = () => {}; // A close always follows; it does the work.
    ws.onclose = () => {
      if (socket !== ws) return;
      onDropped(opened);
    };
  }

  connect();

  return {
    kind: 'socket',
    request(method, input) {
      return new Promise<ApiResponse>((resolve) => {
        if (closedForGood) {
          resolve(failure('the connection to Weft is closed'));
          return;
        }
        const call: Call = { request: { id: nextId++, method, input }, resolve };
        if (socket && status.state === 'open' && socket.readyState === OPEN_STATE) send(call);
        else queued.push(call);
      });
    },
    onEvent(cb) {
      eventListeners.add(cb);
      return () => eventListeners.delete(cb);
    },
    connection: () => status,
    onConnectionChange(cb) {
      statusListeners.add(cb);
      return () => statusListeners.delete(cb);
    },
    close() {
      closedForGood = true;
      if (timer !== null) clearTimer(timer);
      const ws = socket;
      socket = null;
      ws?.close();
      failAll([...inFlight.values(), ...queued], () => 'the connection to Weft is closed');
      inFlight.clear();
      queued = [];
      setStatus({ state: 'closed', attempt: 0 });
    },
  };
}
