// The editor's socket: calls answered by id, events pushed after a subscription, bad frames answered or
// dropped without harm, and each socket its own API connection.
import { afterEach, describe, expect, it } from 'vitest';
import type {
  ApiEvent,
  RunFeedEvent,
  RunStarted,
  RunSubscription,
  SocketMessage,
  WorkflowDetail,
} from '../../preload/contract.js';
import { delayDoc } from '../rpc/handlers/testing.js';
import { readFrame } from './socket-bridge.js';
import { openSocket, webHarness, type TestSocket, type WebHarness } from './testing.js';

let h: WebHarness | undefined;
const sockets: TestSocket[] = [];
afterEach(async () => {
  await Promise.all(sockets.splice(0).map((s) => s.close()));
  await h?.dispose();
  h = undefined;
});

async function connect(
  options: Parameters<typeof webHarness>[0] = {},
): Promise<{ h: WebHarness; s: TestSocket }> {
  h = await webHarness(options);
  const s = await openSocket(h.server.port, { token: h.server.token });
  sockets.push(s);
  return { h, s };
}

function result<T>(r: { ok: boolean; result?: unknown }): T {
  expect(r.ok).toBe(true);
  return r.result as T;
}

describe('socket frames', () => {
  it('reads a call, or says what is wrong and whether the id is readable', () => {
    expect(readFrame('{"id":1,"method":"workspaces.list","input":{}}')).toEqual({
      ok: true,
      id: 1,
      method: 'workspaces.list',
      input: {},
    });
    expect(readFrame('nope')).toMatchObject({ ok: false, id: undefined });
    expect(readFrame('[1]')).toMatchObject({ ok: false, id: undefined });
    expect(readFrame('{"id":"1","method":"x"}')).toMatchObject({ ok: false, id: undefined });
    expect(readFrame('{"id":1.5,"method":"x"}')).toMatchObject({ ok: false, id: undefined });
    expect(readFrame('{"id":7}')).toMatchObject({ ok: false, id: 7, path: 'method' });
    expect(readFrame('{"id":8,"method":"x","input":{"__proto__":{"polluted":true}}}')).toMatchObject({
      ok: false,
      id: 8,
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('socket bridge', () => {
  it('answers a call with its id (workspaces.list)', async () => {
    const { h, s } = await connect();
    const r = await s.call('workspaces.list', {});
    expect(result<Array<{ id: string; name: string }>>(r)).toEqual([
      expect.objectContaining({ id: h.ws, name: 'Default' }),
    ]);
    expect(s.messages).toEqual([{ id: 1, response: r }]);
  });

  it('answers API errors as responses, with the code and path', async () => {
    const { s } = await connect();
    expect(await s.call('workflows.get', { workspaceId: 'nope', workflowId: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await s.call('workspaces.create', { name: '' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', path: 'name' },
    });
    expect(await s.call('no.such', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('answers an invalid frame INVALID_INPUT when its id is readable, drops it otherwise, and keeps serving', async () => {
    const { s } = await connect();
    s.sendRaw('{"id": 41, "input": {}}');
    expect(await s.next()).toEqual({
      id: 41,
      response: {
        ok: false,
        error: { code: 'INVALID_INPUT', message: 'method: must be a string', path: 'method' },
      },
    });
    s.sendRaw('{"id": 42, "method": "workspaces.list", "input": {"__proto__": {}}}');
    expect(await s.next()).toMatchObject({
      id: 42,
      response: { ok: false, error: { code: 'INVALID_INPUT' } },
    });
    for (const frame of ['not json', '{"method":"workspaces.list"}', '[]', 'null', '{"id":"1"}'])
      s.sendRaw(frame);
    s.sendRaw(Buffer.from([0xff, 0xfe, 0x00]));
    const r = await s.call('workspaces.list', {});
    expect(r.ok).toBe(true);
    // Only the two answerable frames and the last call were answered.
    expect(s.messages.map((m) => ('id' in m ? m.id : 'event'))).toEqual([41, 42, 1]);
  });

  it('closes a socket that sends a frame over the size limit; the server keeps serving', async () => {
    const { h, s } = await connect();
    const closed = new Promise<number>((resolve) => s.socket.once('close', (code: number) => resolve(code)));
    s.sendRaw('x'.repeat(16 * 1024 * 1024 + 1));
    expect(await closed).toBe(1009);
    const again = await openSocket(h.server.port, { token: h.server.token });
    sockets.push(again);
    expect((await again.call('workspaces.list', {})).ok).toBe(true);
  });

  it('follows a run: runs.start, runs.subscribe, then a snapshot and events with increasing seq until it finishes', async () => {
    const { h, s } = await connect();
    const created = result<WorkflowDetail>(
      await s.call('workflows.create', { workspaceId: h.ws, document: delayDoc(100) }),
    );
    const { runId } = result<RunStarted>(
      await s.call('runs.start', { workspaceId: h.ws, workflowId: created.id }),
    );
    const sub = result<RunSubscription>(await s.call('runs.subscribe', { workspaceId: h.ws, runId }));
    await s.until((events) => events.some((e) => e.type === 'runEvent' && e.event.type === 'runFinished'));

    const [first, ...rest] = s.events.filter((e): e is RunFeedEvent => e.type !== 'workspaceChanged');
    expect(first).toMatchObject({ type: 'runSnapshot', runId, seq: sub.seq });
    expect(rest.length).toBeGreaterThan(0);
    const seqs = rest.map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => sub.seq + 1 + i));
    const runEvents = rest.map((e) => (e.type === 'runEvent' ? e.event.type : e.type));
    expect(runEvents).toContain('nodeSucceeded');
    expect(runEvents.at(-1)).toBe('runFinished');
    // Events travel as `{ event }` frames; answers as `{ id, response }`.
    expect(
      s.messages.filter((m): m is Extract<SocketMessage, { event: ApiEvent }> => 'event' in m),
    ).toHaveLength(s.events.length);

    await h.web.idle();
    const run = result<{ status: string }>(await s.call('runs.get', { workspaceId: h.ws, runId }));
    expect(run.status).toBe('succeeded');
  });

  it('gives each socket its own connection: closing one stops its follows only', async () => {
    const { h, s } = await connect();
    const other = await openSocket(h.server.port, { token: h.server.token });
    sockets.push(other);
    const created = result<WorkflowDetail>(
      await s.call('workflows.create', { workspaceId: h.ws, document: delayDoc(150) }),
    );
    const { runId } = result<RunStarted>(
      await s.call('runs.start', { workspaceId: h.ws, workflowId: created.id }),
    );
    await s.call('runs.subscribe', { workspaceId: h.ws, runId });
    await other.close();
    await s.until((events) => events.some((e) => e.type === 'runEvent' && e.event.type === 'runFinished'));
    expect(other.events).toEqual([]);
  });

  it('closes its sockets when the server closes', async () => {
    const { h, s } = await connect();
    const closed = new Promise<number>((resolve) => s.socket.once('close', (code: number) => resolve(code)));
    await h.server.close();
    expect(await closed).toBe(1001);
  });

  it('drops a socket that stops answering pings', async () => {
    const { s } = await connect({ pingMs: 50 });
    // A client that never answers pings: ws answers them itself, so stop it from reading at all for a
    // few ping rounds; once it reads again it finds the server gone.
    const raw = (s.socket as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    const closed = new Promise<void>((resolve) => s.socket.once('close', () => resolve()));
    raw.pause();
    await new Promise((r) => setTimeout(r, 300));
    raw.resume();
    await closed;
    expect(s.socket.readyState).toBe(s.socket.CLOSED);
  });
});
