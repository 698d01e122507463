import { Script } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostToWorker, WorkerToHost } from './protocol.js';
import { CODE_WORKER_SOURCE } from './worker-source.js';

const workers: Worker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.terminate()));
});

function start(): { send(message: HostToWorker): void; next(): Promise<WorkerToHost> } {
  const worker = new Worker(CODE_WORKER_SOURCE, { eval: true, execArgv: [] });
  workers.push(worker);
  const queue: WorkerToHost[] = [];
  const waiting: ((m: WorkerToHost) => void)[] = [];
  worker.on('message', (m: WorkerToHost) => {
    const waiter = waiting.shift();
    if (waiter) waiter(m);
    else queue.push(m);
  });
  return {
    send: (message) => worker.postMessage(message),
    next: () => {
      const queued = queue.shift();
      return queued ? Promise.resolve(queued) : new Promise((resolve) => waiting.push(resolve));
    },
  };
}

const run = (id: number, source: string, input?: unknown): HostToWorker => ({
  type: 'run',
  id,
  source,
  input,
  attempt: 1,
  nodeId: 'n',
  runId: 'r',
});

describe('CODE_WORKER_SOURCE', () => {
  it('is plain JavaScript with no leftover placeholders', () => {
    expect(() => new Script(CODE_WORKER_SOURCE)).not.toThrow();
    expect(CODE_WORKER_SOURCE).not.toContain('${');
    expect(CODE_WORKER_SOURCE).not.toContain('`');
  });

  it('answers a run with logs, then one done message carrying the task id', async () => {
    const w = start();
    w.send(run(7, 'console.warn("hi", input); return input + 1;', 1));
    expect(await w.next()).toEqual({ type: 'log', id: 7, level: 'warn', message: 'hi 1' });
    expect(await w.next()).toEqual({ type: 'done', id: 7, ok: true, value: 2 });
    w.send(run(8, 'throw Object.assign(new Error("x"), { code: "C", retryable: false });'));
    expect(await w.next()).toMatchObject({
      type: 'done',
      id: 8,
      ok: false,
      error: { message: 'x', code: 'C', retryable: false },
    });
  });

  it('aborts ctx.signal with the host’s reason and ignores an abort for another task', async () => {
    const w = start();
    w.send(run(1, 'await new Promise((_, no) => ctx.signal.addEventListener("abort", () => no(ctx.signal.reason)));'));
    w.send({ type: 'abort', id: 99, reason: { message: 'not you' } });
    w.send({ type: 'abort', id: 1, reason: { name: 'TimeoutError', message: 'too slow', code: 'TIMEOUT' } });
    expect(await w.next()).toMatchObject({
      type: 'done',
      id: 1,
      ok: false,
      error: { name: 'TimeoutError', message: 'too slow', code: 'TIMEOUT' },
    });
  });

  it('compiles a source once and still reports its syntax error every time', async () => {
    const w = start();
    for (const id of [1, 2]) {
      w.send(run(id, 'return (;'));
      expect(await w.next()).toMatchObject({
        id,
        ok: false,
        error: { message: "SyntaxError: Unexpected token ';' in code at line 1", retryable: false },
      });
    }
  });
});
