// The Electron launcher, driven through a stand-in for `utilityProcess` (testing/fake-utility-process.ts)
// that gives the real runner script an Electron-like parentPort: the same calls, crashes and limits as
// with forkLauncher, over the JSON-text channel the utility process uses.
import { describe, expect, it } from 'vitest';
import { createRunnerClient, type PluginRunnerClient, type RunnerClientOptions } from './client.js';
import { fakeUtilityProcess, type FakeUtilityProcess } from './testing/fake-utility-process.js';
import { call, clients, fixtures, hello, never, noLog, testkit, timeoutError } from './testing/helpers.js';
import { utilityLauncher, type UtilityLauncherOptions } from './utility-launcher.js';

async function utilityClient(
  options: RunnerClientOptions = {},
  launch: UtilityLauncherOptions = {},
): Promise<{ c: PluginRunnerClient; electron: FakeUtilityProcess }> {
  const electron = fakeUtilityProcess();
  const c = createRunnerClient(utilityLauncher(electron, launch), options);
  clients.push(c);
  const results = await c.load([testkit, hello, fixtures], { timeoutMs: 5_000, concurrency: 5 });
  expect(results.filter((r) => r.status !== 'loaded')).toEqual([]);
  return { c, electron };
}

const upper = (s: string) => call('testkit.upper', {}, { in: s });

describe('utilityLauncher (Electron utility process)', () => {
  it('runs plugin nodes and core.code in a separate process with a minimal environment and a heap limit', async () => {
    const { c, electron } = await utilityClient({}, { heapMb: 128 });
    await expect(c.run(upper('a'), never, noLog)).resolves.toEqual({ out: 'A' });
    await expect(c.run(call('fixture.env'), never, noLog)).resolves.toEqual({ out: ['NODE_ENV'] });
    const code = { source: 'return { out: input.n * 2, when: new Date(0) };', input: { n: 21 }, attempt: 1, nodeId: 'c', runId: 'r', workspaceId: 'w' };
    // A Date crosses as its JSON text, as it does over fork's JSON IPC: only JSON crosses either way.
    await expect(c.runCode(code, never, noLog)).resolves.toEqual({ out: 42, when: '1970-01-01T00:00:00.000Z' });
    expect(c.pid).toBeTypeOf('number');
    expect(c.pid).not.toBe(process.pid);
    expect(electron.forks).toHaveLength(1);
    expect(electron.forks[0]?.modulePath).toMatch(/child\.mjs$/);
    expect(electron.forks[0]?.options).toMatchObject({ execArgv: ['--max-old-space-size=128'], stdio: ['ignore', 'ignore', 'pipe'] });
  });

  it('refuses inputs that JSON cannot carry without losing the runner', async () => {
    const { c } = await utilityClient();
    await expect(c.run(call('testkit.upper', {}, { in: 10n }), never, noLog)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(c.run(upper('b'), never, noLog)).resolves.toEqual({ out: 'B' });
  });

  it('fails a call whose plugin exits its runner with PLUGIN_CRASHED, then serves from a fresh runner', async () => {
    const { c, electron } = await utilityClient();
    await c.run(upper('a'), never, noLog);
    const pid = c.pid;
    await expect(c.run(call('testkit.exit'), never, noLog)).rejects.toMatchObject({
      code: 'PLUGIN_CRASHED',
      message: expect.stringMatching(/weft-plugin-testkit.*testkit\.exit/),
    });
    await expect(c.run(upper('c'), never, noLog)).resolves.toEqual({ out: 'C' });
    expect(c.pid).not.toBe(pid);
    expect(electron.forks).toHaveLength(2);
  });

  it('kills a busy loop after its abort and the grace, and replaces the runner', async () => {
    const { c } = await utilityClient();
    await c.run(upper('a'), never, noLog);
    const pid = c.pid;
    const controller = new AbortController();
    setTimeout(() => controller.abort(timeoutError()), 100);
    await expect(c.run(call('testkit.spin'), controller.signal, noLog)).rejects.toMatchObject({ code: 'TIMEOUT' });
    await expect(c.run(upper('d'), never, noLog)).resolves.toEqual({ out: 'D' });
    expect(c.pid).not.toBe(pid);
  });

  it('fails a call that exhausts the heap limit with PLUGIN_CRASHED', async () => {
    const { c } = await utilityClient({}, { heapMb: 48 });
    await expect(c.run(call('fixture.heap'), never, noLog)).rejects.toMatchObject({
      code: 'PLUGIN_CRASHED',
      message: expect.stringContaining('weft-plugin-runner-fixtures'),
    });
    await expect(c.run(upper('e'), never, noLog)).resolves.toEqual({ out: 'E' });
  });

  it('watches RSS: Buffers outside the heap over the limit kill the runner', async () => {
    const { c } = await utilityClient({ rssLimitMb: 200, rssPollMs: 50 });
    await expect(c.run(call('fixture.buffers'), never, noLog)).rejects.toMatchObject({
      code: 'PLUGIN_CRASHED',
      message: expect.stringMatching(/used too much memory/),
    });
    await expect(c.run(upper('f'), never, noLog)).resolves.toEqual({ out: 'F' });
  });
});
