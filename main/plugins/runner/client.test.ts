import { describe, expect, it } from 'vitest';
import { createRunnerClient } from './client.js';
import { forkLauncher } from './launcher.js';
import { call, client, clients, hello, never, noLog, slowInit, spinInit, testkit, throwsOnLoad } from './testing/helpers.js';

describe('loading', () => {
  it('loads good plugins, fails the bad ones with their reason, and bounds a slow init by the timeout', async () => {
    const c = createRunnerClient(forkLauncher());
    clients.push(c);
    const started = performance.now();
    const results = await c.load([testkit, throwsOnLoad, slowInit, hello], { timeoutMs: 300, concurrency: 5 });
    expect(performance.now() - started).toBeLessThan(1_500);
    const [kit, throws, slow, hi] = results;
    expect(kit?.status).toBe('loaded');
    expect(kit?.nodes.map((n) => n.type)).toEqual(['testkit.upper', 'testkit.count', 'testkit.flaky', 'testkit.exit', 'testkit.spin', 'testkit.ignore-abort']);
    expect(kit?.nodes[0]).toEqual({
      type: 'testkit.upper', title: 'Upper case', category: 'Testing', tags: ['string'], description: 'Upper-cases a string.',
      inputs: [{ name: 'in', type: 'string' }], outputs: [{ name: 'out', type: 'string' }], params: { type: 'object', properties: {} },
      rawParams: [], plugin: 'weft-plugin-testkit',
    });
    expect(throws).toMatchObject({ status: 'failed', reason: expect.stringContaining('kaboom') });
    expect(slow).toMatchObject({ status: 'failed', reason: 'init timed out after 300 ms' });
    expect(hi).toMatchObject({ status: 'loaded', nodes: [expect.objectContaining({ type: 'hello.say' })] });
    await expect(c.run(call('hello.say'), never, noLog)).resolves.toEqual({ out: 'hello' });
    await expect(c.run({ ...call('x'), plugin: 'slow-init', type: 'slow.node' }, never, noLog)).rejects.toMatchObject({
      code: 'PLUGIN_NOT_LOADED',
      message: expect.stringContaining('timed out'),
    });
  });

  it('kills a runner stuck in a busy loop while loading, fails only the culprit, loads the others', async () => {
    const c = createRunnerClient(forkLauncher());
    clients.push(c);
    const results = await c.load([hello, spinInit, testkit], { timeoutMs: 300, concurrency: 3 });
    expect(results.map((r) => r.status)).toEqual(['loaded', 'failed', 'loaded']);
    expect(results[1]?.reason).toMatch(/timed out after 300 ms/);
    await expect(c.run(call('testkit.upper', {}, { in: 'ok' }), never, noLog)).resolves.toEqual({ out: 'OK' });
    await expect(c.run(call('hello.say'), never, noLog)).resolves.toEqual({ out: 'hello' });
  });
});

describe('calls', () => {
  it('runs nodes, keeping the message, code and retryable of their errors', async () => {
    const c = await client();
    await expect(c.run(call('testkit.upper', {}, { in: 'abc' }), never, noLog)).resolves.toEqual({ out: 'ABC' });
    await expect(c.run(call('testkit.count', { n: 7 }), never, noLog)).resolves.toEqual({ out: 7 });
    await expect(c.run(call('testkit.flaky', { failTimes: 1 }, {}, 1), never, noLog)).rejects.toMatchObject({
      message: 'flaky failure on try 1',
      code: 'NODE_ERROR',
    });
    await expect(c.run(call('testkit.flaky', { failTimes: 1 }, { in: 5 }, 2), never, noLog)).resolves.toEqual({ out: 5 });
    await expect(c.run(call('fixture.fatal'), never, noLog)).rejects.toMatchObject({
      message: 'bad thing, do not retry',
      code: 'BAD_THING',
      retryable: false,
    });
  });

  it('gives plugin code none of the host environment', async () => {
    process.env.WEFT_TEST_SECRET = 'hunter2';
    try {
      const c = await client();
      const out = (await c.run(call('fixture.env'), never, noLog)).out as string[];
      expect(out).not.toContain('WEFT_TEST_SECRET');
      expect(out).toEqual(['NODE_ENV']);
    } finally {
      delete process.env.WEFT_TEST_SECRET;
    }
  });

  it('forwards log lines and console output of a call to its logger, and those of init to onLog', async () => {
    const initLines: string[] = [];
    const c = await client(undefined, { onLog: (plugin, level, message) => initLines.push(`${plugin}:${level}:${message}`) });
    expect(initLines).toEqual(['weft-plugin-runner-fixtures:info:fixtures ready']);
    const lines: string[] = [];
    await c.run(call('fixture.log'), never, (level, message) => lines.push(`${level}:${message}`));
    expect(lines).toEqual(['warn:from log', 'info:from console 42']);
  });

  it('fails a call with an error thrown from its own stray timer, keeping the runner', async () => {
    const c = await client();
    await c.run(call('testkit.upper', {}, { in: 'a' }), never, noLog);
    const pid = c.pid;
    await expect(c.run(call('fixture.stray'), never, noLog)).rejects.toThrow('stray timer error');
    await expect(c.run(call('testkit.upper', {}, { in: 'b' }), never, noLog)).resolves.toEqual({ out: 'B' });
    expect(c.pid).toBe(pid);
  });

  it('runs two calls at once in one warm runner', async () => {
    const c = await client();
    const started = performance.now();
    const both = await Promise.all([c.run(call('fixture.sleep', { ms: 200 }), never, noLog), c.run(call('fixture.sleep', { ms: 200 }), never, noLog)]);
    expect(both).toEqual([{ out: 200 }, { out: 200 }]);
    expect(performance.now() - started).toBeLessThan(380);
  });

  it('refuses inputs that are not JSON, and a plugin that is not loaded', async () => {
    const c = await client();
    await expect(c.run(call('testkit.upper', {}, { in: 1n }), never, noLog)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(c.run({ ...call('x'), plugin: 'nope', type: 'nope.x' }, never, noLog)).rejects.toMatchObject({ code: 'PLUGIN_NOT_LOADED' });
    await expect(c.run(call('testkit.nope'), never, noLog)).rejects.toMatchObject({ code: 'NODE_ERROR', retryable: false });
  });

  it('keeps the per-call overhead small (1,000 sequential calls on a warm runner)', async () => {
    const c = await client();
    for (let i = 0; i < 100; i++) await c.run(call('testkit.upper', {}, { in: 'warm' }), never, noLog);
    const started = performance.now();
    for (let i = 0; i < 1_000; i++) await c.run(call('testkit.upper', {}, { in: `x${i}` }), never, noLog);
    const perCallUs = ((performance.now() - started) / 1_000) * 1_000;
    console.log(`plugin runner: ${perCallUs.toFixed(1)} µs per sequential testkit.upper call`);
    expect(perCallUs).toBeLessThan(2_000);
  });
});
