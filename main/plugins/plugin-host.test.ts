import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runWorkflow, validateWorkflow, type RunRecord } from '../../engine/index.js';
import { coreNodeTypes } from '../../plugins/core/index.js';
import { createPluginHost, type LoadedPlugins, type PluginHost, type PluginHostOptions } from './plugin-host.js';
import { forkLauncher, type RunnerLauncher } from './runner/index.js';

const hosts: PluginHost[] = [];
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.close()));
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'weft-hot-'));
  folders.push(dir);
  return dir;
}

function host(dir: string, more: Partial<PluginHostOptions> = {}): PluginHost {
  const h = createPluginHost({ dir, bundled: coreNodeTypes, workspaceId: 'w1', timeoutMs: 2_000, ...more });
  hosts.push(h);
  return h;
}

/** A plugin whose one node waits `params.delay` ms, then answers `output`. */
function writePlugin(root: string, folder: string, type: string, output: string, extra = ''): void {
  const dir = join(root, folder);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: folder, version: '1.0.0', type: 'module', weft: { apiVersion: 1, main: 'index.js', displayName: folder, category: 'Test', tags: [], nodes: [type] } }),
  );
  writeIndex(root, folder, type, `${JSON.stringify(output)}`, extra);
}

function writeIndex(root: string, folder: string, type: string, outputExpression: string, extra = ''): void {
  writeFileSync(
    join(root, folder, 'index.js'),
    `${extra}
export default {
  nodes: [{
    type: ${JSON.stringify(type)}, title: 'Say', category: 'Test',
    inputs: [{ name: 'in', type: 'any' }], outputs: [{ name: 'out', type: 'string' }],
    params: { type: 'object', properties: { delay: { type: 'number' } } },
    async run({ params }) {
      await new Promise((r) => setTimeout(r, params.delay ?? 0));
      return { out: ${outputExpression} };
    },
  }],
};
`,
  );
}

async function until<T>(what: string, probe: () => T | undefined | false, timeoutMs = 5_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Runs a chain of `types`, each node given `delays[i]`; outputs `a`, `b`, … are the nodes' answers. */
function run(loaded: LoadedPlugins, types: string[], delays: number[] = []): Promise<RunRecord> {
  const ids = types.map((_t, i) => `n${i}`);
  const raw = {
    format: 'weft.workflow',
    formatVersion: 1,
    nodes: [
      { id: 's', type: 'core.manual', params: { payload: 'go' } },
      ...types.map((type, i) => ({ id: ids[i], type, params: { delay: delays[i] ?? 0 } })),
      ...types.map((_t, i) => ({ id: `o${i}`, type: 'core.output', params: { name: String.fromCharCode(97 + i) } })),
    ],
    edges: [
      ...types.map((_t, i) => ({ id: `e${i}`, source: i === 0 ? 's' : ids[i - 1], sourcePort: 'out', target: ids[i], targetPort: 'in' })),
      ...types.map((_t, i) => ({ id: `eo${i}`, source: ids[i], sourcePort: 'out', target: `o${i}`, targetPort: 'in' })),
    ],
  };
  const valid = validateWorkflow(raw, loaded.registry);
  if (!valid.ok) throw new Error(JSON.stringify(valid.problems));
  return runWorkflow(valid.document, loaded.registry);
}

const reportOf = (loaded: LoadedPlugins, name: string) => loaded.reports.find((r) => r.name === name);

describe('plugin host: watched reload', () => {
  it('adds a plugin whose folder appears, with its node in the registry and the descriptors', async () => {
    const dir = tempDir();
    const h = host(dir);
    expect((await h.reload()).reports.map((r) => r.name)).toEqual(['core']);
    const changes: LoadedPlugins[] = [];
    h.watch((l) => changes.push(l));
    writePlugin(dir, 'hot-a', 'hot.a', 'v1');
    const loaded = await until('the new plugin', () => changes.find((l) => l.registry.get('hot.a')));
    expect(h.current()).toBe(changes.at(-1));
    expect(reportOf(loaded, 'hot-a')).toMatchObject({ status: 'loaded', nodes: ['hot.a'] });
    expect(loaded.descriptors.find((d) => d.type === 'hot.a')).toMatchObject({ plugin: 'hot-a', title: 'Say' });
    expect((await run(loaded, ['hot.a'])).outputs).toEqual({ a: 'v1' });
  });

  it('runs new runs with changed code while a run started before the change finishes with the old', async () => {
    const dir = tempDir();
    writePlugin(dir, 'hot-a', 'hot.a', 'v1');
    writePlugin(dir, 'hot-b', 'hot.b', 'b1');
    const h = host(dir);
    const before = await h.reload();
    const changes: LoadedPlugins[] = [];
    h.watch((l) => changes.push(l));

    // Two nodes in a chain: the first is running during the edit, the second starts after the reload.
    const early = run(before, ['hot.a', 'hot.a', 'hot.b'], [400, 0, 0]);
    await new Promise((r) => setTimeout(r, 50));
    writeIndex(dir, 'hot-a', 'hot.a', '"v2"');
    const after = await until('the reload', () => changes.at(-1));
    expect(after.registry.get('hot.a')).not.toBe(before.registry.get('hot.a'));
    expect((await run(after, ['hot.a', 'hot.b'])).outputs).toEqual({ a: 'v2', b: 'b1' });

    const record = await early;
    expect(record.status).toBe('succeeded');
    expect(record.outputs).toEqual({ a: 'v1', b: 'v1', c: 'b1' });
    // The unchanged plugin was not loaded again.
    expect(reportOf(after, 'hot-b')?.durationMs).toBe(reportOf(before, 'hot-b')?.durationMs);
  });

  it('takes up changes in the files a plugin imports, not only its main module', async () => {
    const dir = tempDir();
    writePlugin(dir, 'hot-a', 'hot.a', 'word', `import { word } from './lib/word.js';`);
    mkdirSync(join(dir, 'hot-a', 'lib'));
    writeFileSync(join(dir, 'hot-a', 'lib', 'word.js'), `export const word = 'lib-v1';`);
    writeIndex(dir, 'hot-a', 'hot.a', 'word', `import { word } from './lib/word.js';`);
    const h = host(dir);
    const before = await h.reload();
    expect((await run(before, ['hot.a'])).outputs).toEqual({ a: 'lib-v1' });
    const changes: LoadedPlugins[] = [];
    h.watch((l) => changes.push(l));
    writeFileSync(join(dir, 'hot-a', 'lib', 'word.js'), `export const word = 'lib-v2';`);
    const after = await until('the reload', () => changes.at(-1));
    expect((await run(after, ['hot.a'])).outputs).toEqual({ a: 'lib-v2' });
    expect((await run(before, ['hot.a'])).outputs).toEqual({ a: 'lib-v1' });
  });

  it('drops the node types of a removed plugin from the registry and the descriptors', async () => {
    const dir = tempDir();
    writePlugin(dir, 'hot-a', 'hot.a', 'v1');
    writePlugin(dir, 'hot-b', 'hot.b', 'b1');
    const h = host(dir);
    const before = await h.reload();
    expect(before.registry.get('hot.a')).toBeDefined();
    const changes: LoadedPlugins[] = [];
    h.watch((l) => changes.push(l));
    rmSync(join(dir, 'hot-a'), { recursive: true });
    const after = await until('the removal', () => changes.find((l) => l.registry.get('hot.a') === undefined));
    expect(after.descriptors.some((d) => d.type === 'hot.a')).toBe(false);
    expect(reportOf(after, 'hot-a')).toBeUndefined();
    expect(after.pluginOf('hot.a')).toBeUndefined();
    expect((await run(after, ['hot.b'])).outputs).toEqual({ a: 'b1' });
  });

  it('fails a plugin whose code breaks on reload, with the reason, and leaves the others loaded', async () => {
    const dir = tempDir();
    writePlugin(dir, 'hot-a', 'hot.a', 'v1');
    writePlugin(dir, 'hot-b', 'hot.b', 'b1');
    const h = host(dir);
    await h.reload();
    const changes: LoadedPlugins[] = [];
    h.watch((l) => changes.push(l));
    writeFileSync(join(dir, 'hot-a', 'index.js'), 'export default { nodes: [ this is not javascript');
    const after = await until('the failed reload', () => changes.find((l) => reportOf(l, 'hot-a')?.status === 'failed'));
    expect(reportOf(after, 'hot-a')?.reason).toMatch(/SyntaxError|Unexpected/);
    expect(after.registry.get('hot.a')).toBeUndefined();
    expect(reportOf(after, 'hot-b')).toMatchObject({ status: 'loaded' });
    expect((await run(after, ['hot.b'])).outputs).toEqual({ a: 'b1' });

    // Fixing it brings it back.
    writeIndex(dir, 'hot-a', 'hot.a', '"fixed"');
    const fixed = await until('the fix', () => changes.find((l) => l.registry.get('hot.a')));
    expect((await run(fixed, ['hot.a'])).outputs).toEqual({ a: 'fixed' });
  });

  it('ignores changes in node_modules and dot-folders', async () => {
    const dir = tempDir();
    writePlugin(dir, 'hot-a', 'hot.a', 'v1');
    const h = host(dir, { debounceMs: 50 });
    await h.reload();
    const changes: LoadedPlugins[] = [];
    h.watch((l) => changes.push(l));
    mkdirSync(join(dir, 'hot-a', 'node_modules', 'dep'), { recursive: true });
    writeFileSync(join(dir, 'hot-a', 'node_modules', 'dep', 'x.js'), 'export {}');
    mkdirSync(join(dir, '.cache'));
    writeFileSync(join(dir, '.cache', 'y'), 'y');
    await new Promise((r) => setTimeout(r, 400));
    expect(changes).toEqual([]);
  });

  it('reports reload errors to onError instead of throwing from the watcher', async () => {
    const dir = tempDir();
    const plugins = join(dir, 'plugins');
    mkdirSync(plugins);
    const errors: Error[] = [];
    const h = host(plugins, { onError: (e) => errors.push(e), pollMs: 50, debounceMs: 50 });
    await h.reload();
    h.watch();
    rmSync(plugins, { recursive: true });
    writeFileSync(plugins, 'not a folder');
    await until('the error', () => errors.length > 0);
    expect(errors[0]?.message).toContain('is not a folder');
  });

  it('watches a folder that does not exist yet and one re-created after removal', async () => {
    const dir = tempDir();
    const plugins = join(dir, 'plugins');
    const h = host(plugins, { pollMs: 50, debounceMs: 50 });
    expect((await h.reload()).reports).toHaveLength(1);
    const changes: LoadedPlugins[] = [];
    h.watch((l) => changes.push(l));
    writePlugin(plugins, 'hot-a', 'hot.a', 'v1');
    await until('the new folder', () => changes.find((l) => l.registry.get('hot.a')));
    rmSync(plugins, { recursive: true });
    await until('the removal', () => changes.at(-1)?.registry.get('hot.a') === undefined);
    writePlugin(plugins, 'hot-b', 'hot.b', 'b1');
    const back = await until('the re-created folder', () => changes.find((l) => l.registry.get('hot.b')));
    expect((await run(back, ['hot.b'])).outputs).toEqual({ a: 'b1' });
  });

  it('falls back to scanning the folder when asked to poll', async () => {
    const dir = tempDir();
    const h = host(dir, { poll: true, pollMs: 50, debounceMs: 50 });
    await h.reload();
    const changes: LoadedPlugins[] = [];
    h.watch((l) => changes.push(l));
    writePlugin(dir, 'hot-a', 'hot.a', 'v1');
    const loaded = await until('the new plugin', () => changes.find((l) => l.registry.get('hot.a')));
    writeIndex(dir, 'hot-a', 'hot.a', '"v2"');
    const changed = await until('the change', () => changes.find((l) => l !== loaded && l.registry.get('hot.a')));
    expect((await run(changed, ['hot.a'])).outputs).toEqual({ a: 'v2' });
  });

  it('shares one queued reload between concurrent calls, and reloads everything when forced', async () => {
    const dir = tempDir();
    writePlugin(dir, 'hot-a', 'hot.a', 'v1');
    const h = host(dir);
    const first = await h.reload();
    const [x, y] = [h.reload(), h.reload()];
    expect(x).toBe(y);
    const same = await x;
    expect(same.registry.get('hot.a')).toBeDefined();
    // Unchanged: the proxies still run the code of the first load.
    expect((await run(same, ['hot.a'])).outputs).toEqual({ a: 'v1' });
    expect(reportOf(same, 'hot-a')?.durationMs).toBe(reportOf(first, 'hot-a')?.durationMs);
    const forced = await h.reload({ force: true });
    expect((await run(forced, ['hot.a'])).outputs).toEqual({ a: 'v1' });
    expect((await run(first, ['hot.a'])).outputs).toEqual({ a: 'v1' });
  });

  it('stops the watcher and the runner on close', async () => {
    const dir = tempDir();
    writePlugin(dir, 'hot-a', 'hot.a', 'v1');
    const pids: number[] = [];
    const fork = forkLauncher();
    const launcher: RunnerLauncher = {
      launch() {
        const proc = fork.launch();
        if (proc.pid !== undefined) pids.push(proc.pid);
        return proc;
      },
    };
    const h = host(dir, { launcher, debounceMs: 50 });
    const loaded = await h.reload();
    expect((await run(loaded, ['hot.a'])).outputs).toEqual({ a: 'v1' });
    const changes: LoadedPlugins[] = [];
    h.watch((l) => changes.push(l));
    await h.close();
    expect(pids).toHaveLength(1);
    await until('the runner to exit', () => !alive(pids[0] ?? 0));
    writeIndex(dir, 'hot-a', 'hot.a', '"v2"');
    await new Promise((r) => setTimeout(r, 300));
    expect(changes).toEqual([]);
    await expect(h.reload()).rejects.toThrow('closed');
    expect(h.current()).toBe(loaded);
  });

  it('keeps hosts apart: one runner each, and a reload in one leaves the other as it was', async () => {
    const dir = tempDir();
    writePlugin(dir, 'hot-a', 'hot.a', 'v1');
    const one = host(dir, { workspaceId: 'w1' });
    const two = host(dir, { workspaceId: 'w2' });
    const [a, b] = [await one.reload(), await two.reload()];
    writeIndex(dir, 'hot-a', 'hot.a', '"v2"');
    const a2 = await one.reload();
    expect((await run(a2, ['hot.a'])).outputs).toEqual({ a: 'v2' });
    expect((await run(b, ['hot.a'])).outputs).toEqual({ a: 'v1' });
    expect((await run(a, ['hot.a'])).outputs).toEqual({ a: 'v1' });
    expect(two.current()).toBe(b);
  });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
