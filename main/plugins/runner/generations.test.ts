// Generations: every load of a plugin in a runner is numbered; a call names the one it runs.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PluginToLoad, RunCall } from '../types.js';
import { createRunnerClient } from './client.js';
import { forkLauncher } from './launcher.js';
import { clients, never, noLog } from './testing/helpers.js';

const root = mkdtempSync(join(tmpdir(), 'weft-generations-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function version(folder: string, output: string): PluginToLoad {
  const dir = join(root, folder);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'index.js'),
    `export default { nodes: [
      { type: 'gen.say', inputs: [], outputs: [{ name: 'out', type: 'string' }], run: () => ({ out: ${JSON.stringify(output)} }) },
      { type: 'gen.exit', inputs: [], outputs: [], run: () => process.exit(3) },
    ] };`,
  );
  return { name: 'gen', dir, main: 'index.js' };
}

const say = (generation?: number, type = 'gen.say'): RunCall => ({
  plugin: 'gen', type, inputs: {}, params: {}, attempt: 1, nodeId: 'n', runId: 'r', workspaceId: 'w',
  ...(generation === undefined ? {} : { generation }),
});

function client() {
  const c = createRunnerClient(forkLauncher(), { maxCrashes: 10 });
  clients.push(c);
  return c;
}

const options = { timeoutMs: 2_000, concurrency: 2 };

describe('generations', () => {
  it('numbers each load, runs the named one, and keeps the three most recently used', async () => {
    const c = client();
    for (const n of [1, 2, 3, 4]) {
      const [result] = await c.load([version('g', `v${n}`)], options);
      expect(result).toMatchObject({ status: 'loaded', generation: n });
    }
    await expect(c.run(say(), never, noLog)).resolves.toEqual({ out: 'v4' });
    await expect(c.run(say(4), never, noLog)).resolves.toEqual({ out: 'v4' });
    await expect(c.run(say(2), never, noLog)).resolves.toEqual({ out: 'v2' });
    await expect(c.run(say(1), never, noLog)).rejects.toMatchObject({ code: 'PLUGIN_NOT_LOADED', retryable: false, message: expect.stringContaining('generation 1') });
    // Generation 2 was used more recently than 3: a fifth load lets 3 go.
    await c.load([version('g', 'v5')], options);
    await expect(c.run(say(2), never, noLog)).resolves.toEqual({ out: 'v2' });
    await expect(c.run(say(3), never, noLog)).rejects.toMatchObject({ code: 'PLUGIN_NOT_LOADED' });
    await expect(c.run(say(5), never, noLog)).resolves.toEqual({ out: 'v5' });
  });

  it('keeps the old generation when a reload fails', async () => {
    const c = client();
    await c.load([version('h', 'v1')], options);
    writeFileSync(join(root, 'h', 'index.js'), 'export default {');
    const [failed] = await c.load([{ name: 'gen', dir: join(root, 'h'), main: 'index.js' }], options);
    expect(failed?.status).toBe('failed');
    await expect(c.run(say(1), never, noLog)).resolves.toEqual({ out: 'v1' });
  });

  it('loads the latest generation, under its number, into a replacement runner; older ones are gone with the old runner', async () => {
    const c = client();
    await c.load([version('i', 'v1')], options);
    await c.load([version('i', 'v2')], options);
    await expect(c.run(say(undefined, 'gen.exit'), never, noLog)).rejects.toMatchObject({ code: 'PLUGIN_CRASHED' });
    await expect(c.run(say(2), never, noLog)).resolves.toEqual({ out: 'v2' });
    await expect(c.run(say(1), never, noLog)).rejects.toMatchObject({ code: 'PLUGIN_NOT_LOADED' });
  });

  it('does not load a forgotten plugin into a replacement runner', async () => {
    const c = client();
    await c.load([version('j', 'v1')], options);
    await expect(c.run(say(1), never, noLog)).resolves.toEqual({ out: 'v1' });
    c.forget(['gen']);
    // The live runner still serves runs that hold the generation.
    await expect(c.run(say(1), never, noLog)).resolves.toEqual({ out: 'v1' });
    await expect(c.run(say(undefined, 'gen.exit'), never, noLog)).rejects.toMatchObject({ code: 'PLUGIN_CRASHED' });
    await expect(c.run(say(1), never, noLog)).rejects.toMatchObject({ code: 'PLUGIN_NOT_LOADED' });
  });
});
