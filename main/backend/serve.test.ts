// The backend process's message handling, in-process: a port in memory and a stand-in backend. The
// real process (bundle, parentPort, database, runners) is driven in main/electron/backend-client.test.ts.
import { describe, expect, it } from 'vitest';
import type { ApiEvent, ApiResponse } from '../../preload/contract.js';
import { DatabaseTooNewError } from '../errors.js';
import type { RunnerLauncher, RunnerProcess } from '../plugins/runner/launcher.js';
import { decodeBackendToMain, encode, type BackendToMain, type MainToBackend } from './protocol.js';
import { serveBackend, type ServedBackend } from './serve.js';

function setup() {
  const out: BackendToMain[] = [];
  const exits: number[] = [];
  const calls: Array<[string, unknown]> = [];
  const pushers: Array<(event: ApiEvent) => void> = [];
  const closed: number[] = [];
  let shutdowns = 0;
  let listener: ((text: string) => void) | undefined;
  let launcher: RunnerLauncher | undefined;
  const backend: ServedBackend = {
    openConnection(send) {
      const index = pushers.push(send) - 1;
      return {
        async call(method, input) {
          calls.push([method, input]);
          if (method === 'boom') throw new Error('SQLITE_CORRUPT at /home/ada/weft.db');
          if (method === 'bigint') return { ok: true, result: 1n } as unknown as ApiResponse;
          return { ok: true, result: { method } } as unknown as ApiResponse;
        },
        close: () => void closed.push(index),
      };
    },
    shutdown: async () => void (shutdowns += 1),
  };
  serveBackend({
    port: {
      post: (text) => out.push(decodeBackendToMain(text) as BackendToMain),
      onMessage: (l) => void (listener = l),
    },
    open: (config, given) => {
      launcher = given;
      if (config.userDataDir === '/newer') throw new DatabaseTooNewError(9999, 7);
      if (config.userDataDir === '/broken') throw new Error('EACCES: /broken');
      return backend;
    },
    exit: (code) => void exits.push(code),
  });
  const send = (message: MainToBackend | string): void =>
    listener?.(typeof message === 'string' ? message : encode(message));
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return {
    out,
    exits,
    calls,
    pushers,
    closed,
    send,
    settle,
    shutdowns: () => shutdowns,
    launcher: () => launcher as RunnerLauncher,
  };
}

const start = (userDataDir = '/data'): MainToBackend => ({ t: 'start', config: { userDataDir } });
const replies = (out: BackendToMain[]) => out.filter((m) => m.t === 'reply');

describe('serveBackend', () => {
  it('opens on start and says ready, once', () => {
    const s = setup();
    s.send(start());
    s.send(start());
    expect(s.out).toEqual([{ t: 'ready' }]);
  });

  it('answers calls on each connection, in that connection', async () => {
    const s = setup();
    s.send(start());
    s.send({ t: 'open', conn: 1 });
    s.send({ t: 'open', conn: 2 });
    s.send({ t: 'call', conn: 2, id: 5, method: 'workspaces.list', input: { x: 1 } });
    s.send({ t: 'call', conn: 9, id: 6, method: 'workspaces.list' });
    await s.settle();
    expect(replies(s.out)).toEqual([
      {
        t: 'reply',
        conn: 9,
        id: 6,
        response: { ok: false, error: { code: 'CLOSED', message: expect.any(String) } },
      },
      { t: 'reply', conn: 2, id: 5, response: { ok: true, result: { method: 'workspaces.list' } } },
    ]);
    expect(s.calls).toEqual([['workspaces.list', { x: 1 }]]);
  });

  it('pushes a connection’s events tagged with it, and closes it on close', () => {
    const s = setup();
    s.send(start());
    s.send({ t: 'open', conn: 3 });
    const event = {
      type: 'runEvent',
      runId: 'r',
      seq: 1,
      event: { type: 'runStarted' },
    } as unknown as ApiEvent;
    s.pushers[0]?.(event);
    expect(s.out).toContainEqual({ t: 'event', conn: 3, event });
    s.send({ t: 'close', conn: 3 });
    expect(s.closed).toEqual([0]);
  });

  it('answers INTERNAL, without details, for a call that throws or a result JSON cannot carry, and logs why', async () => {
    const s = setup();
    s.send(start());
    s.send({ t: 'open', conn: 1 });
    s.send({ t: 'call', conn: 1, id: 1, method: 'boom' });
    s.send({ t: 'call', conn: 1, id: 2, method: 'bigint' });
    await s.settle();
    const internal = { ok: false, error: { code: 'INTERNAL', message: expect.any(String) } };
    expect(replies(s.out)).toEqual([
      { t: 'reply', conn: 1, id: 1, response: internal },
      { t: 'reply', conn: 1, id: 2, response: internal },
    ]);
    expect(JSON.stringify(replies(s.out))).not.toContain('SQLITE');
    const logs = s.out.flatMap((m) => (m.t === 'log' ? [m.message] : []));
    expect(logs.join('\n')).toContain('SQLITE_CORRUPT');
    expect(logs.join('\n')).toContain('could not be sent');
  });

  it('answers calls before start with BACKEND_UNAVAILABLE', async () => {
    const s = setup();
    s.send({ t: 'open', conn: 1 });
    s.send({ t: 'call', conn: 1, id: 1, method: 'workspaces.list' });
    await s.settle();
    expect(replies(s.out)).toMatchObject([
      { id: 1, response: { ok: false, error: { code: 'BACKEND_UNAVAILABLE' } } },
    ]);
  });

  it.each([
    ['/newer', 'DATABASE_TOO_NEW', 'newer Weft'],
    ['/broken', 'BACKEND_START_FAILED', 'EACCES'],
  ])(
    'says failed (with the code of a Weft error) and exits 1 when %s cannot be opened',
    (dir, code, text) => {
      const s = setup();
      s.send(start(dir));
      expect(s.out).toContainEqual({ t: 'failed', error: { code, message: expect.stringContaining(text) } });
      expect(s.out.find((m) => m.t === 'ready')).toBeUndefined();
      expect(s.exits).toEqual([1]);
    },
  );

  it('stops the backend on shutdown, says stopped and exits 0, once', async () => {
    const s = setup();
    s.send(start());
    s.send({ t: 'shutdown' });
    s.send({ t: 'shutdown' });
    await s.settle();
    expect(s.shutdowns()).toBe(1);
    expect(s.out.filter((m) => m.t === 'stopped')).toHaveLength(1);
    expect(s.exits).toEqual([0]);
  });

  it('stops without a backend when told to before start', async () => {
    const s = setup();
    s.send({ t: 'shutdown' });
    await s.settle();
    expect(s.out).toEqual([{ t: 'stopped' }]);
    expect(s.exits).toEqual([0]);
  });

  it('ignores and logs what is not a message of main', () => {
    const s = setup();
    s.send('{"t":"ready"}');
    s.send('not json');
    expect(s.out.map((m) => m.t)).toEqual(['log', 'log']);
  });

  it('starts runners through main and hands their news to the runner client', () => {
    const s = setup();
    s.send(start());
    const runner: RunnerProcess = s.launcher().launch();
    const messages: unknown[] = [];
    const exits: Array<[number | null, string]> = [];
    runner.onMessage((m) => messages.push(m));
    runner.onExit((code, _signal, detail) => exits.push([code, detail]));
    runner.send({ type: 'ping', id: 1 });
    expect(() => runner.send({ n: 1n })).toThrow(TypeError);
    expect(s.out.filter((m) => m.t.startsWith('runner.'))).toEqual([
      { t: 'runner.spawn', runner: 1 },
      { t: 'runner.send', runner: 1, text: '{"type":"ping","id":1}' },
    ]);

    s.send({ t: 'runner.spawned', runner: 1, pid: 4242 });
    s.send({ t: 'runner.message', runner: 1, text: '{"type":"pong","id":1}' });
    s.send({ t: 'runner.message', runner: 1, text: 'garbage from plugin code' });
    s.send({ t: 'runner.message', runner: 2, text: '{"type":"not yours"}' });
    expect(runner.pid).toBe(4242);
    expect(messages).toEqual([{ type: 'pong', id: 1 }]);

    s.send({ t: 'runner.exit', runner: 1, code: 134, detail: 'Reached heap limit' });
    s.send({ t: 'runner.message', runner: 1, text: '{"late":true}' });
    expect(exits).toEqual([[134, 'Reached heap limit']]);
    expect(messages).toHaveLength(1);
    const before = s.out.length;
    runner.send({ type: 'ping', id: 2 });
    runner.kill();
    expect(s.out).toHaveLength(before);
  });
});
