// Plugin code that kills, hangs or bloats its runner fails its own call; the host and later calls go on.
import { describe, expect, it } from 'vitest';
import { call, client, never, noLog, timeoutError } from './testing/helpers.js';

const upper = (s: string) => call('testkit.upper', {}, { in: s });

describe('a runner that dies or hangs', () => {
  it('process.exit fails the call with PLUGIN_CRASHED and the next call runs on a fresh, re-loaded runner', async () => {
    const c = await client();
    await c.run(upper('a'), never, noLog);
    const pid = c.pid;
    await expect(c.run(call('testkit.exit'), never, noLog)).rejects.toMatchObject({
      code: 'PLUGIN_CRASHED',
      message: expect.stringMatching(/weft-plugin-testkit.*testkit\.exit.*exited with code 3/),
    });
    await expect(c.run(upper('b'), never, noLog)).resolves.toEqual({ out: 'B' });
    await expect(c.run(call('hello.say'), never, noLog)).resolves.toEqual({ out: 'hello' });
    expect(c.pid).not.toBe(pid);
  });

  it('fails the other calls in flight with PLUGIN_CRASHED, naming the culprit', async () => {
    const c = await client();
    const innocent = c.run(call('fixture.sleep', { ms: 2_000 }), never, noLog);
    await expect(c.run(call('testkit.exit'), never, noLog)).rejects.toMatchObject({ code: 'PLUGIN_CRASHED' });
    await expect(innocent).rejects.toMatchObject({ code: 'PLUGIN_CRASHED', message: expect.stringContaining('caused by weft-plugin-testkit (testkit.exit)') });
  });

  it('ends the runner over an error thrown after its call ended, blaming the plugin', async () => {
    const c = await client();
    await expect(c.run(call('fixture.late'), never, noLog)).resolves.toEqual({ out: 'early' });
    const innocent = c.run(call('fixture.sleep', { ms: 2_000 }), never, noLog);
    await expect(innocent).rejects.toMatchObject({ code: 'PLUGIN_CRASHED', message: expect.stringContaining('late timer error') });
    await expect(c.run(upper('z'), never, noLog)).resolves.toEqual({ out: 'Z' });
  });

  it('stops a busy loop by killing its runner once the signal aborts and the grace runs out', async () => {
    const c = await client();
    await c.run(upper('a'), never, noLog);
    const pid = c.pid;
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(timeoutError()), 200);
    await expect(c.run(call('testkit.spin'), controller.signal, noLog)).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(performance.now() - started).toBeLessThan(200 + 300);
    await expect(c.run(upper('c'), never, noLog)).resolves.toEqual({ out: 'C' });
    expect(performance.now() - started).toBeLessThan(200 + 1_000);
    expect(c.pid).not.toBe(pid);
    expect(c.quarantined('weft-plugin-testkit')).toBeUndefined();
  });

  it('rejects a call that ignores its abort at once, and replaces the runner after the grace', async () => {
    const c = await client(undefined, { killGraceMs: 50 });
    await c.run(upper('a'), never, noLog);
    const pid = c.pid;
    const controller = new AbortController();
    const pending = c.run(call('testkit.ignore-abort', { ms: 5_000 }), controller.signal, noLog);
    await new Promise((r) => setTimeout(r, 50));
    const aborted = performance.now();
    controller.abort(timeoutError());
    await expect(pending).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(performance.now() - aborted).toBeLessThan(100);
    await new Promise((r) => setTimeout(r, 150));
    expect(c.pid).toBeUndefined();
    await expect(c.run(upper('d'), never, noLog)).resolves.toEqual({ out: 'D' });
    expect(c.pid).not.toBe(pid);
  });

  it('keeps a runner whose aborted call stops within the grace', async () => {
    const c = await client();
    await c.run(upper('a'), never, noLog);
    const pid = c.pid;
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    await expect(c.run(call('fixture.sleep', { ms: 5_000 }), controller.signal, noLog)).rejects.toMatchObject({ name: 'AbortError' });
    await new Promise((r) => setTimeout(r, 200));
    expect(c.pid).toBe(pid);
  });

  it('quarantines a plugin that crashed its runner maxCrashes times; other plugins go on', async () => {
    const c = await client(undefined, { maxCrashes: 2 });
    for (let i = 0; i < 2; i++) await expect(c.run(call('testkit.exit'), never, noLog)).rejects.toMatchObject({ code: 'PLUGIN_CRASHED' });
    const started = performance.now();
    await expect(c.run(upper('e'), never, noLog)).rejects.toMatchObject({
      code: 'PLUGIN_CRASHED',
      message: expect.stringMatching(/weft-plugin-testkit is quarantined: it crashed its runner 2 times/),
    });
    expect(performance.now() - started).toBeLessThan(100);
    expect(c.quarantined('weft-plugin-testkit')).toMatch(/quarantined/);
    await expect(c.run(call('hello.say'), never, noLog)).resolves.toEqual({ out: 'hello' });
  });

  it('kills a runner whose Buffers push its RSS over the limit', async () => {
    const c = await client(undefined, { rssLimitMb: 200, rssPollMs: 50 });
    await expect(c.run(call('fixture.buffers'), never, noLog)).rejects.toMatchObject({
      code: 'PLUGIN_CRASHED',
      message: expect.stringMatching(/weft-plugin-runner-fixtures.*used too much memory/),
    });
    await expect(c.run(upper('f'), never, noLog)).resolves.toEqual({ out: 'F' });
  });

  it('fails a call that runs its runner out of heap with PLUGIN_CRASHED', async () => {
    const c = await client(undefined, {}, { heapMb: 48 });
    await expect(c.run(call('fixture.heap'), never, noLog)).rejects.toMatchObject({
      code: 'PLUGIN_CRASHED',
      message: expect.stringContaining('weft-plugin-runner-fixtures'),
    });
    await expect(c.run(upper('g'), never, noLog)).resolves.toEqual({ out: 'G' });
  });
});
