import { describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../preload/contract.js';
import { createApiClient } from './client.js';
import { socketUrl } from './pick-transport.js';
import { backoffDelay, createSocketTransport, type SocketLike } from './socket-transport.js';
import type { ConnectionStatus } from './transport.js';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: Array<{ id: number; method: string; input: unknown }> = [];
  onopen: ((ev: unknown) => void) | null = null;
  onclose: ((ev: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  constructor(readonly url: string) {}
  send(data: string): void {
    this.sent.push(JSON.parse(data) as { id: number; method: string; input: unknown });
  }
  close(): void {
    this.readyState = 3;
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop(): void {
    this.readyState = 3;
    this.onclose?.({});
  }
  receive(message: unknown): void {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const timers: Array<{ fn: () => void; ms: number }> = [];
  const statuses: ConnectionStatus[] = [];
  const transport = createSocketTransport({
    url: 'ws://h/ws',
    createSocket: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    setTimer: (fn, ms) => timers.push({ fn, ms }),
    clearTimer: () => {},
    now: () => 0,
  });
  transport.onConnectionChange((s) => statuses.push(s));
  const last = () => sockets[sockets.length - 1]!;
  return { transport, sockets, timers, statuses, last };
}

describe('socket transport', () => {
  it('queues calls until the socket opens, then pairs responses by id', async () => {
    const { transport, last } = setup();
    const client = createApiClient(transport);
    const call = client.invoke('workspaces.list', {});
    expect(last().sent).toEqual([]);
    last().open();
    expect(last().sent).toEqual([{ id: 1, method: 'workspaces.list', input: {} }]);
    last().receive({ id: 1, response: { ok: true, result: [] } });
    await expect(call).resolves.toEqual([]);
  });

  it('rejects with ApiCallError carrying the error', async () => {
    const { transport, last } = setup();
    last().open();
    const call = createApiClient(transport).invoke('workflows.get', { workspaceId: 'w', workflowId: 'x' });
    last().receive({
      id: 1,
      response: { ok: false, error: { code: 'NOT_FOUND', message: 'workflow x not found' } },
    });
    await expect(call).rejects.toMatchObject({
      name: 'ApiCallError',
      code: 'NOT_FOUND',
      message: 'workflow x not found',
    });
  });

  it('fails calls in flight when the link drops, then reconnects with backoff', async () => {
    const { transport, last, timers, statuses, sockets } = setup();
    last().open();
    const call = transport.request('runs.start', {});
    last().drop();
    await expect(call).resolves.toMatchObject({ ok: false, error: { code: 'DISCONNECTED' } });
    expect(statuses.map((s) => s.state)).toEqual(['open', 'reconnecting']);
    expect(timers[0]!.ms).toBe(backoffDelay(1));
    timers[0]!.fn();
    expect(sockets).toHaveLength(2);
    last().drop(); // the attempt fails
    expect(timers[1]!.ms).toBe(backoffDelay(2));
    timers[1]!.fn();
    last().open();
    expect(transport.connection()).toEqual({ state: 'open', attempt: 0 });
  });

  it('fails waiting calls when a connect attempt fails, rather than hanging', async () => {
    const { transport, last } = setup();
    const call = transport.request('workspaces.list', {});
    last().drop();
    await expect(call).resolves.toMatchObject({ ok: false, error: { code: 'DISCONNECTED' } });
  });

  it('passes pushed events to listeners', () => {
    const { transport, last } = setup();
    const seen: ApiEvent[] = [];
    const stop = transport.onEvent((e) => seen.push(e));
    last().open();
    const event = {
      type: 'runSnapshot',
      runId: 'r',
      seq: 0,
      snapshot: { runId: 'r', status: 'running', nodes: {} },
    };
    last().receive({ event });
    stop();
    last().receive({ event });
    expect(seen).toEqual([event]);
  });

  it('close() ends everything and stops reconnecting', async () => {
    const { transport, last, timers } = setup();
    last().open();
    const call = transport.request('workspaces.list', {});
    transport.close();
    await expect(call).resolves.toMatchObject({ ok: false });
    expect(transport.connection().state).toBe('closed');
    expect(timers).toEqual([]);
  });
});

describe('backoff and url', () => {
  it('doubles up to a ceiling', () => {
    expect([1, 2, 3, 10].map((n) => backoffDelay(n))).toEqual([250, 500, 1000, 5000]);
  });

  it('builds the socket url on the same origin, carrying the page token', () => {
    expect(socketUrl({ protocol: 'http:', host: '127.0.0.1:4000', search: '?token=a b' })).toBe(
      'ws://127.0.0.1:4000/ws?token=a%20b',
    );
    expect(socketUrl({ protocol: 'https:', host: 'x', search: '' })).toBe('wss://x/ws');
  });
});
