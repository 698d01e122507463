// core.code in a runner process: what the code sees and returns, its errors, aborts, busy loops and
// crashes, all contained in the runner (the host and the next call go on).
import { describe, expect, it } from 'vitest';
import { coreNodeTypes } from '../../plugins/core/index.js';
import { makeContext } from '../../plugins/core/testing.js';
import { coreNodeTypesInRunner, runnerCodeSandbox } from './code-in-runner.js';
import {
  createRunnerClient,
  forkLauncher,
  type PluginRunnerClient,
  type RunnerClientOptions,
} from './runner/index.js';
import { call, client, clients, never, noLog, timeoutError } from './runner/testing/helpers.js';
import type { CodeCall } from './types.js';

type Line = [level: string, message: string];

function codeClient(options: RunnerClientOptions = {}): PluginRunnerClient {
  const c = createRunnerClient(forkLauncher(), options);
  clients.push(c); // closed after each test
  return c;
}

function code(source: string, more: Partial<CodeCall> = {}): CodeCall {
  return { source, attempt: 1, nodeId: 'code1', runId: 'run-1', workspaceId: 'w1', ...more };
}

async function rejection(
  promise: Promise<unknown>,
): Promise<Error & { code?: unknown; retryable?: unknown }> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to reject');
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
/** The runner's own process, reached the way code written to escape its vm context reaches it. */
const escapedProcess = 'setTimeout.constructor("return process")()';

describe('core.code in a runner: results and what the code sees', () => {
  it('returns what the code returns (undefined when nothing), and gets the input in its own realm', async () => {
    const c = codeClient();
    await expect(c.runCode(code('return { a: 1, list: [1, "two", null] };'), never, noLog)).resolves.toEqual({
      a: 1,
      list: [1, 'two', null],
    });
    await expect(c.runCode(code('const x = 1;'), never, noLog)).resolves.toBeUndefined();
    await expect(
      c.runCode(code('await new Promise((r) => setTimeout(r, 10)); return 6 * 7;'), never, noLog),
    ).resolves.toBe(42);
    const realm =
      'return { name: input.name, n: input.list.length, isObject: input instanceof Object, isArray: input.list instanceof Array };';
    await expect(
      c.runCode(code(realm, { input: { name: 'Ada', list: [1, 2, 3] } }), never, noLog),
    ).resolves.toEqual({ name: 'Ada', n: 3, isObject: true, isArray: true });
    await expect(c.runCode(code('return input === undefined;'), never, noLog)).resolves.toBe(true);
    const own = JSON.parse('{"__proto__": {"polluted": 1}}') as unknown;
    const keys =
      'return [Object.keys(input), input.polluted === undefined, Object.getPrototypeOf(input) === Object.prototype];';
    await expect(c.runCode(code(keys, { input: own }), never, noLog)).resolves.toEqual([
      ['__proto__'],
      true,
      true,
    ]);
  });

  it('gets ctx with attempt, nodeId, runId, signal and log', async () => {
    const source =
      'return { attempt: ctx.attempt, nodeId: ctx.nodeId, runId: ctx.runId, ' +
      'signal: ctx.signal instanceof AbortSignal && !ctx.signal.aborted, ' +
      'log: [typeof ctx.log, typeof ctx.log.info, typeof ctx.log.warn, typeof ctx.log.error, typeof ctx.log.debug] };';
    await expect(
      codeClient().runCode(code(source, { attempt: 3, nodeId: 'n7', runId: 'r9' }), never, noLog),
    ).resolves.toEqual({
      attempt: 3,
      nodeId: 'n7',
      runId: 'r9',
      signal: true,
      log: ['function', 'function', 'function', 'function', 'function'],
    });
  });

  it('sends console output and ctx.log to the call’s log with levels, formatting objects', async () => {
    const lines: Line[] = [];
    const source =
      'console.log("hello", { a: 1, b: [1, 2] }); console.info("n=%d", 5); console.warn("careful");' +
      'console.error(new Error("bad").message); console.debug("detail");' +
      'ctx.log("plain"); ctx.log.warn("w"); ctx.log.error("e"); ctx.log.debug("d"); return 1;';
    await codeClient().runCode(code(source), never, (level, message) => lines.push([level, message]));
    expect(lines).toEqual([
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

  it('has no require, process, module, Buffer or file system, and has the standard web-style globals', async () => {
    const c = codeClient();
    const hidden =
      'return [typeof require, typeof process, typeof module, typeof exports, typeof Buffer, typeof __dirname];';
    await expect(c.runCode(code(hidden), never, noLog)).resolves.toEqual(Array(6).fill('undefined'));
    expect(
      (await rejection(c.runCode(code('return await import("node:fs");'), never, noLog))).message,
    ).not.toBe('');
    const names = [
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'queueMicrotask',
      'fetch',
      'URL',
      'URLSearchParams',
      'TextEncoder',
      'TextDecoder',
      'structuredClone',
      'AbortController',
      'atob',
      'btoa',
      'console',
    ];
    await expect(
      c.runCode(
        code(`return ${JSON.stringify(names)}.filter((n) => typeof globalThis[n] === 'undefined');`),
        never,
        noLog,
      ),
    ).resolves.toEqual([]);
    const used =
      'return [new URL("/x?a=1", "https://e.org").searchParams.get("a"), new TextDecoder().decode(new TextEncoder().encode("é")), atob(btoa("hi")), structuredClone({ d: 1 }).d];';
    await expect(c.runCode(code(used), never, noLog)).resolves.toEqual(['1', 'é', 'hi', 1]);
  });

  it('gives each call a fresh global object, and clears the timers a call left pending', async () => {
    const c = codeClient();
    const lines: Line[] = [];
    const log = (level: string, message: string): void => void lines.push([level, message]);
    await c.runCode(
      code(
        'globalThis.leak = 1; setTimeout(() => console.log("late"), 30); setInterval(() => console.log("tick"), 10); return 1;',
      ),
      never,
      log,
    );
    await expect(
      c.runCode(code('await new Promise((r) => setTimeout(r, 100)); return typeof leak;'), never, log),
    ).resolves.toBe('undefined');
    expect(lines).toEqual([]);
  });

  it('runs in the runner process, not in the host', async () => {
    const c = codeClient();
    const pid = await c.runCode(code(`return ${escapedProcess}.pid;`), never, noLog);
    expect(pid).toBe(c.pid);
    expect(pid).not.toBe(process.pid);
  });

  it('refuses a result that JSON would change, saying what to return', async () => {
    const c = codeClient();
    const fn = await rejection(c.runCode(code('return { ok: 1, f() {} };'), never, noLog));
    expect(fn.message).toMatch(/cannot be passed on \(a function at the result\.f\).*plain data/);
    expect(fn.retryable).toBe(false);
    expect((await rejection(c.runCode(code('return [new Map()];'), never, noLog))).message).toMatch(
      /a Map at the result\[0\]/,
    );
    expect(
      (await rejection(c.runCode(code('const a = {}; a.self = a; return a;'), never, noLog))).message,
    ).toMatch(/circular/);
    await expect(c.runCode(code('return { when: new Date(0) };'), never, noLog)).resolves.toEqual({
      when: '1970-01-01T00:00:00.000Z',
    });
  });
});

describe('core.code in a runner: errors', () => {
  it('keeps the message, code and retryable of a thrown error, and reads thrown non-errors', async () => {
    const c = codeClient();
    const error = await rejection(
      c.runCode(
        code('const e = new Error("boom"); e.code = "MY_CODE"; e.retryable = false; throw e;'),
        never,
        noLog,
      ),
    );
    expect(error).toMatchObject({ message: 'boom', code: 'MY_CODE', retryable: false });
    const plain = await rejection(c.runCode(code('throw new TypeError("nope");'), never, noLog));
    expect(plain).toMatchObject({ message: 'nope', name: 'TypeError', code: 'NODE_ERROR' });
    expect(plain.retryable).toBeUndefined();
    expect((await rejection(c.runCode(code('throw "plain text";'), never, noLog))).message).toBe(
      'plain text',
    );
  });

  it('reports a syntax error with its line, not retryable', async () => {
    const error = await rejection(codeClient().runCode(code('const a = 1;\nreturn a }}'), never, noLog));
    expect(error.message).toMatch(/^SyntaxError: Unexpected token '}' in code at line 2$/);
    expect(error.retryable).toBe(false);
  });

  it('fails the call on an error thrown in a timer or a rejection nobody handled, keeping the runner', async () => {
    const c = codeClient();
    await c.runCode(code('return 0;'), never, noLog);
    const pid = c.pid;
    const inTimer = 'await new Promise(() => setTimeout(() => { throw new Error("in timer"); }, 5));';
    expect((await rejection(c.runCode(code(inTimer), never, noLog))).message).toBe('in timer');
    const unhandled =
      'Promise.reject(new Error("nobody")); await new Promise((r) => setTimeout(r, 50)); return 1;';
    expect((await rejection(c.runCode(code(unhandled), never, noLog))).message).toBe('nobody');
    await expect(c.runCode(code('return "still fine";'), never, noLog)).resolves.toBe('still fine');
    expect(c.pid).toBe(pid);
  });
});

describe('core.code in a runner: abort, busy loops and crashes', () => {
  it('rejects promptly with the signal’s reason, aborts ctx.signal inside, and keeps a runner whose code stops', async () => {
    const c = codeClient();
    await c.runCode(code('return 0;'), never, noLog);
    const pid = c.pid;
    const lines: Line[] = [];
    const controller = new AbortController();
    const source =
      'ctx.signal.addEventListener("abort", () => ctx.log("aborted: " + ctx.signal.reason.message)); await new Promise(() => {});';
    const pending = c.runCode(code(source), controller.signal, (level, message) =>
      lines.push([level, message]),
    );
    await sleep(30);
    const reason = timeoutError();
    const started = performance.now();
    controller.abort(reason);
    expect(await rejection(pending)).toBe(reason);
    expect(performance.now() - started).toBeLessThan(100);
    // Code that ignores its signal while it awaits is ended by the runner: no kill, no new process.
    await sleep(200);
    await expect(c.runCode(code('return "same";'), never, noLog)).resolves.toBe('same');
    expect(c.pid).toBe(pid);
    const aborted = AbortSignal.abort('x');
    expect((await rejection(c.runCode(code('return 1;'), aborted, noLog))).message).toBe('x');
  });

  it('kills a busy loop after the grace: the call fails at its timeout and the next call works', async () => {
    const c = codeClient({ killGraceMs: 100 });
    await c.runCode(code('return 0;'), never, noLog);
    const pid = c.pid;
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(timeoutError()), 200);
    await expect(c.runCode(code('for (;;) {}'), controller.signal, noLog)).rejects.toMatchObject({
      code: 'TIMEOUT',
    });
    expect(performance.now() - started).toBeLessThan(200 + 300);
    await expect(c.runCode(code('return 42;'), never, noLog)).resolves.toBe(42);
    expect(performance.now() - started).toBeLessThan(200 + 1_000);
    expect(c.pid).not.toBe(pid);
  });

  it('contains process.exit reached by escaping the vm context: PLUGIN_CRASHED, and the next call works', async () => {
    const c = codeClient();
    for (let i = 0; i < 4; i++) {
      // Never quarantined, however often: each call is the user's code of the moment.
      const error = await rejection(c.runCode(code(`${escapedProcess}.exit(3);`), never, noLog));
      expect(error).toMatchObject({
        code: 'PLUGIN_CRASHED',
        message: expect.stringMatching(/the code crashed: its runner exited with code 3/),
      });
      await expect(c.runCode(code('return "alive";'), never, noLog)).resolves.toBe('alive');
    }
  });

  it('does not let this.constructor reach the runner’s Function', async () => {
    const error = await rejection(
      codeClient().runCode(code('this.constructor.constructor("return process")().exit(1);'), never, noLog),
    );
    expect(error.message).toMatch(/process is not defined/);
  });

  it('reports running out of memory as PLUGIN_CRASHED', async () => {
    const c = createRunnerClient(forkLauncher({ heapMb: 32 }));
    clients.push(c);
    const hog = 'const keep = []; for (;;) keep.push(new Array(100000).fill({ x: 1 }));';
    const error = await rejection(c.runCode(code(hog), never, noLog));
    expect(error.code).toBe('PLUGIN_CRASHED');
    expect(error.message).toMatch(/memory/i);
    await expect(c.runCode(code('return "alive";'), never, noLog)).resolves.toBe('alive');
  });

  it('shares the runner with plugins: a code crash fails the plugin call in flight, naming the code', async () => {
    const c = await client();
    const innocent = c.run(call('fixture.sleep', { ms: 2_000 }), never, noLog);
    await expect(
      c.runCode(code(`${escapedProcess}.exit(3);`, { nodeId: 'bad' }), never, noLog),
    ).rejects.toMatchObject({ code: 'PLUGIN_CRASHED' });
    await expect(innocent).rejects.toMatchObject({
      code: 'PLUGIN_CRASHED',
      message: expect.stringContaining('caused by core (core.code node bad)'),
    });
    // The plugins are re-loaded into the replacement runner, beside the code.
    await expect(c.run(call('testkit.upper', {}, { in: 'x' }), never, noLog)).resolves.toEqual({ out: 'X' });
    await expect(c.runCode(code('return 1;'), never, noLog)).resolves.toBe(1);
  });

  it('warm starts the runner ahead of the first call', async () => {
    const c = codeClient();
    expect(c.pid).toBeUndefined();
    await c.warm();
    const pid = c.pid;
    expect(pid).toBeDefined();
    await c.runCode(code('return 1;'), never, noLog);
    expect(c.pid).toBe(pid);
  });
});

describe('the core.code node backed by a runner', () => {
  it('runs its source in the runner and emits the result, logging to the node log', async () => {
    const c = codeClient();
    const types = coreNodeTypesInRunner(coreNodeTypes, c);
    expect(types.map((t) => t.type)).toEqual(coreNodeTypes.map((t) => t.type));
    expect(types.filter((t, i) => t !== coreNodeTypes[i]).map((t) => t.type)).toEqual(['core.code']);
    const node = types.find((t) => t.type === 'core.code')!;
    const ctx = makeContext({
      params: {
        source: `console.log("in", input); return { pid: ${escapedProcess}.pid, doubled: input * 2 };`,
      },
      inputs: { in: 21 },
    });
    const result = (await node.run(ctx)) as { out: { pid: number; doubled: number } };
    expect(result.out).toEqual({ pid: c.pid, doubled: 42 });
    expect(result.out.pid).not.toBe(process.pid);
    expect(ctx.logs).toEqual([{ level: 'info', message: 'in 21' }]);
    await expect(node.run(makeContext({ params: { source: 'const x = 1;' } }))).resolves.toEqual({
      out: null,
    });
  });

  it('refuses tasks once disposed, leaving the client to its owner', async () => {
    const c = codeClient();
    const sandbox = runnerCodeSandbox(c);
    const task = {
      source: 'return 1;',
      input: undefined,
      attempt: 1,
      nodeId: 'n',
      runId: 'r',
      signal: never,
      log: noLog,
    };
    await expect(sandbox.run(task)).resolves.toBe(1);
    await sandbox.dispose();
    await expect(sandbox.run(task)).rejects.toMatchObject({ code: 'CANCELLED' });
    await expect(c.runCode(code('return 2;'), never, noLog)).resolves.toBe(2);
  });
});
