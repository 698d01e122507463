import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCodeSandbox, type CodeSandbox, type CodeTask } from './code-sandbox.js';

type LogLine = [level: string, message: string];

function makeTask(source: string, extra: Partial<CodeTask> = {}): CodeTask & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  return {
    source,
    input: undefined,
    attempt: 1,
    nodeId: 'code1',
    runId: 'run-1',
    signal: new AbortController().signal,
    log: (level, message) => lines.push([level, message]),
    lines,
    ...extra,
  };
}

async function rejection(promise: Promise<unknown>): Promise<Error & { code?: unknown; retryable?: unknown }> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the task to reject');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let sandbox: CodeSandbox;
beforeEach(() => {
  sandbox = createCodeSandbox();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await sandbox.dispose();
});

describe('results', () => {
  it('returns what the code returns, including undefined', async () => {
    await expect(sandbox.run(makeTask('return { a: 1, list: [1, "two", null] };'))).resolves.toEqual({
      a: 1,
      list: [1, 'two', null],
    });
    await expect(sandbox.run(makeTask('return 6 * 7;'))).resolves.toBe(42);
    await expect(sandbox.run(makeTask('const x = 1;'))).resolves.toBeUndefined();
  });

  it('supports await', async () => {
    const source = 'await new Promise((r) => setTimeout(r, 20)); const v = await Promise.resolve(5); return v + 1;';
    await expect(sandbox.run(makeTask(source))).resolves.toBe(6);
  });

  it('passes the input as objects of the code’s own realm', async () => {
    const source =
      'return { name: input.name, n: input.list.length, isObject: input instanceof Object, ' +
      'isArray: input.list instanceof Array, date: input.when instanceof Date };';
    const input = { name: 'Ada', list: [1, 2, 3], when: new Date(0) };
    await expect(sandbox.run(makeTask(source, { input }))).resolves.toEqual({
      name: 'Ada',
      n: 3,
      isObject: true,
      isArray: true,
      date: true,
    });
    await expect(sandbox.run(makeTask('return input === undefined;'))).resolves.toBe(true);
    const own = JSON.parse('{"__proto__": {"polluted": 1}}') as unknown;
    const keys = 'return [Object.keys(input), input.polluted, Object.getPrototypeOf(input) === Object.prototype];';
    await expect(sandbox.run(makeTask(keys, { input: own }))).resolves.toEqual([['__proto__'], undefined, true]);
  });

  it('rejects a result that cannot be cloned, saying what to return', async () => {
    const error = await rejection(sandbox.run(makeTask('return { ok: 1, f() {} };')));
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(/cannot be passed on.*could not be cloned.*plain data/s);
    expect(error.retryable).toBe(false);
    const symbol = await rejection(sandbox.run(makeTask('return Symbol("s");')));
    expect(symbol.message).toMatch(/cannot be passed on/);
  });

  it('rejects an input that cannot be cloned without running the code', async () => {
    const error = await rejection(sandbox.run(makeTask('return 1;', { input: { f: () => 1 } })));
    expect(error.message).toMatch(/input cannot be passed/);
    expect(error.code).toBe('INVALID_INPUT');
    await expect(sandbox.run(makeTask('return 2;'))).resolves.toBe(2);
  });
});

describe('what the code sees', () => {
  it('gets ctx with attempt, nodeId, runId, signal and log', async () => {
    const source =
      'return { attempt: ctx.attempt, nodeId: ctx.nodeId, runId: ctx.runId, ' +
      'signal: ctx.signal instanceof AbortSignal && !ctx.signal.aborted, ' +
      'log: [typeof ctx.log, typeof ctx.log.info, typeof ctx.log.warn, typeof ctx.log.error, typeof ctx.log.debug] };';
    await expect(sandbox.run(makeTask(source, { attempt: 3, nodeId: 'n7', runId: 'r9' }))).resolves.toEqual({
      attempt: 3,
      nodeId: 'n7',
      runId: 'r9',
      signal: true,
      log: ['function', 'function', 'function', 'function', 'function'],
    });
  });

  it('sends console output and ctx.log to the task log with levels, formatting objects', async () => {
    const task = makeTask(
      'console.log("hello", { a: 1, b: [1, 2] }); console.info("n=%d", 5); console.warn("careful");' +
        'console.error(new Error("bad").message); console.debug("detail");' +
        'ctx.log("plain"); ctx.log.warn("w"); ctx.log.error("e"); ctx.log.debug("d"); return 1;',
    );
    await sandbox.run(task);
    expect(task.lines).toEqual([
      ['info', 'hello { a: 1, b: [ 1, 2 ] }'],
      ['info', 'n=5'],
      ['warn', 'careful'],
      ['error', 'bad'],
      ['debug', 'detail'],
      ['info', 'plain'],
      ['warn', 'w'],
      ['error', 'e'],
      ['debug', 'd'],
    ]);
  });

  it('has no require, process, module, Buffer or file system', async () => {
    const source =
      'return [typeof require, typeof process, typeof module, typeof exports, typeof Buffer, typeof __dirname];';
    await expect(sandbox.run(makeTask(source))).resolves.toEqual(Array(6).fill('undefined'));
    const imported = await rejection(sandbox.run(makeTask('return await import("node:fs");')));
    expect(imported.message).not.toBe('');
  });

  it('has the standard web-style globals', async () => {
    const names = [
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'queueMicrotask',
      'fetch',
      'Headers',
      'Request',
      'Response',
      'URL',
      'URLSearchParams',
      'TextEncoder',
      'TextDecoder',
      'structuredClone',
      'AbortController',
      'AbortSignal',
      'atob',
      'btoa',
      'console',
    ];
    const source = `return ${JSON.stringify(names)}.filter((n) => typeof globalThis[n] === 'undefined');`;
    await expect(sandbox.run(makeTask(source))).resolves.toEqual([]);
    const used =
      'return [new URL("/x?a=1", "https://e.org").searchParams.get("a"), new TextDecoder().decode(new TextEncoder().encode("é")),' +
      ' atob(btoa("hi")), structuredClone({ d: 1 }).d];';
    await expect(sandbox.run(makeTask(used))).resolves.toEqual(['1', 'é', 'hi', 1]);
  });

  it('gives each task a fresh global object', async () => {
    await sandbox.run(makeTask('globalThis.leak = 1; return 1;'));
    await expect(sandbox.run(makeTask('return typeof leak;'))).resolves.toBe('undefined');
  });
});

describe('errors', () => {
  it('keeps the message, code and retryable of a thrown error', async () => {
    const source = 'const e = new Error("boom"); e.code = "MY_CODE"; e.retryable = false; throw e;';
    const error = await rejection(sandbox.run(makeTask(source)));
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe('boom');
    expect(error.code).toBe('MY_CODE');
    expect(error.retryable).toBe(false);
    expect(error.stack).toMatch(/code:1/);
  });

  it('leaves retryable unset when the code did not set it, and reads thrown non-errors', async () => {
    const error = await rejection(sandbox.run(makeTask('throw new TypeError("nope");')));
    expect(error.message).toBe('nope');
    expect(error.name).toBe('TypeError');
    expect(error.retryable).toBeUndefined();
    expect((await rejection(sandbox.run(makeTask('throw "plain text";')))).message).toBe('plain text');
  });

  it('reports a syntax error with its line, not retryable', async () => {
    const error = await rejection(sandbox.run(makeTask('const a = 1;\nreturn a }}')));
    expect(error.message).toMatch(/^SyntaxError: Unexpected token '}' in code at line 2$/);
    expect(error.retryable).toBe(false);
  });

  it('fails the task on an error thrown in a timer callback or a rejection nobody handled', async () => {
    const inTimer = 'await new Promise(() => setTimeout(() => { throw new Error("in timer"); }, 5));';
    expect((await rejection(sandbox.run(makeTask(inTimer)))).message).toBe('in timer');
    const unhandled = 'Promise.reject(new Error("nobody")); await new Promise((r) => setTimeout(r, 50)); return 1;';
    expect((await rejection(sandbox.run(makeTask(unhandled)))).message).toBe('nobody');
    await expect(sandbox.run(makeTask('return "still fine";'))).resolves.toBe('still fine');
  });
});

describe('abort and force', () => {
  it('rejects promptly with the signal’s reason', async () => {
    const controller = new AbortController();
    const promise = sandbox.run(
      makeTask('await new Promise((r) => setTimeout(r, 5000)); return 1;', { signal: controller.signal }),
    );
    await sleep(30);
    const reason = new Error('timed out');
    const started = performance.now();
    controller.abort(reason);
    const error = await rejection(promise);
    expect(performance.now() - started).toBeLessThan(100);
    expect(error).toBe(reason);
  });

  it('rejects with "cancelled" when the reason is not an error, or the signal was already aborted', async () => {
    const controller = new AbortController();
    const promise = sandbox.run(makeTask('await new Promise(() => {});', { signal: controller.signal }));
    controller.abort('because');
    expect((await rejection(promise)).message).toBe('cancelled');
    const aborted = AbortSignal.abort('x');
    expect((await rejection(sandbox.run(makeTask('return 1;', { signal: aborted })))).message).toBe('cancelled');
  });

  it('aborts ctx.signal inside the worker and keeps a worker that stops in time', async () => {
    await sandbox.run(makeTask('return "warm";')); // a worker still starting up could miss the grace
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    const controller = new AbortController();
    const source =
      'setTimeout.constructor("return globalThis")().marker = "same worker";' +
      'await new Promise((_, reject) => ctx.signal.addEventListener("abort", () => reject(ctx.signal.reason)));';
    const promise = sandbox.run(makeTask(source, { signal: controller.signal }));
    await sleep(30);
    controller.abort(new Error('stop'));
    expect((await rejection(promise)).message).toBe('stop');
    await sleep(100);
    expect(terminate).not.toHaveBeenCalled();
    // The escape reads the worker's own global: the second task ran on the same, reused worker.
    const reuse = 'return setTimeout.constructor("return globalThis")().marker;';
    await expect(sandbox.run(makeTask(reuse))).resolves.toBe('same worker');
  });

  it('kills a busy loop after the grace and keeps working', async () => {
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    const controller = new AbortController();
    const promise = sandbox.run(makeTask('for (;;) {}', { signal: controller.signal }));
    await sleep(50);
    const started = performance.now();
    controller.abort(new Error('timeout'));
    expect((await rejection(promise)).message).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(100);
    await vi.waitFor(() => expect(terminate).toHaveBeenCalledTimes(1), { timeout: 1000, interval: 10 });
    await terminate.mock.results[0]?.value;
    await expect(sandbox.run(makeTask('return 42;'))).resolves.toBe(42);
  });
});

describe('crashes', () => {
  it('does not let this.constructor reach the worker’s Function', async () => {
    const error = await rejection(sandbox.run(makeTask('this.constructor.constructor("return process")().exit(1);')));
    expect(error.message).toMatch(/process is not defined/);
  });

  it('reports process.exit in escaped code as PLUGIN_CRASHED and keeps working', async () => {
    const error = await rejection(sandbox.run(makeTask('setTimeout.constructor("return process")().exit(3);')));
    expect(error.code).toBe('PLUGIN_CRASHED');
    expect(error.message).toMatch(/exited with code 3/);
    await expect(sandbox.run(makeTask('return "alive";'))).resolves.toBe('alive');
  });

  it('reports running out of memory as PLUGIN_CRASHED and keeps working', async () => {
    const small = createCodeSandbox({ maxOldGenerationSizeMb: 16 });
    try {
      const hog = 'const keep = []; for (;;) keep.push(new Array(100000).fill({ x: 1 }));';
      const error = await rejection(small.run(makeTask(hog)));
      expect(error.code).toBe('PLUGIN_CRASHED');
      expect(error.message).toMatch(/memory/i);
      await expect(small.run(makeTask('return "alive";'))).resolves.toBe('alive');
    } finally {
      await small.dispose();
    }
  });
});

describe('pool', () => {
  it('runs tasks in parallel', async () => {
    const wait = 'await new Promise((r) => setTimeout(r, 200)); return input;';
    // Warm two workers first, so that the timing below measures parallelism rather than startup.
    await Promise.all([sandbox.run(makeTask('return 1;')), sandbox.run(makeTask('return 2;'))]);
    const started = performance.now();
    const results = await Promise.all([
      sandbox.run(makeTask(wait, { input: 1 })),
      sandbox.run(makeTask(wait, { input: 2 })),
    ]);
    expect(results).toEqual([1, 2]);
    expect(performance.now() - started).toBeLessThan(380);
  });

  it('clears the timers a task left pending so they never fire', async () => {
    const task = makeTask(
      'setTimeout(() => console.log("late"), 30); setInterval(() => console.log("tick"), 10); return "done";',
    );
    await expect(sandbox.run(task)).resolves.toBe('done');
    const next = makeTask('await new Promise((r) => setTimeout(r, 120)); return "next";');
    await expect(sandbox.run(next)).resolves.toBe('next');
    expect(task.lines).toEqual([]);
    expect(next.lines).toEqual([]);
  });

  it('holds the process open only while a task runs', async () => {
    const ports = () => process.getActiveResourcesInfo().filter((r) => r === 'MessagePort').length;
    const before = ports();
    const promise = sandbox.run(makeTask('await new Promise((r) => setTimeout(r, 50)); return 1;'));
    expect(ports()).toBe(before + 1);
    await promise;
    expect(ports()).toBe(before);
  });

  it('terminates its workers on dispose and refuses later tasks', async () => {
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    // Two workers: after this both are idle, then one of them takes the never-ending task.
    await Promise.all([sandbox.run(makeTask('return 1;')), sandbox.run(makeTask('return 2;'))]);
    const running = rejection(sandbox.run(makeTask('await new Promise(() => {});')));
    await sleep(20);
    await sandbox.dispose();
    expect(terminate).toHaveBeenCalledTimes(2);
    const error = await running;
    expect(error.code).toBe('CANCELLED');
    expect((await rejection(sandbox.run(makeTask('return 1;')))).message).toMatch(/disposed/);
  });

  it('lets a process whose sandbox is idle exit on its own', async () => {
    const esbuild = await import('esbuild');
    const dir = mkdtempSync(join(tmpdir(), 'weft-sandbox-'));
    try {
      const bundle = join(dir, 'sandbox.mjs');
      await esbuild.build({
        entryPoints: [fileURLToPath(new URL('./code-sandbox.ts', import.meta.url))],
        bundle: true,
        platform: 'node',
        format: 'esm',
        outfile: bundle,
        logLevel: 'silent',
      });
      const script = join(dir, 'main.mjs');
      writeFileSync(
        script,
        `import { createCodeSandbox } from './sandbox.mjs';
         const sandbox = createCodeSandbox();
         const value = await sandbox.run({ source: 'return input * 2;', input: 21, attempt: 1, nodeId: 'n', runId: 'r',
           signal: new AbortController().signal, log: () => {} });
         console.log(JSON.stringify(value));`,
      );
      const child = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 10_000 });
      expect(child.error).toBeUndefined();
      expect(child.stdout.trim()).toBe('42');
      expect(child.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
