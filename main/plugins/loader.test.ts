import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runWorkflow, validateWorkflow } from '../../engine/index.js';
import { coreNodeTypes } from '../../plugins/core/index.js';
import { loadPlugins } from './loader.js';
import { createRunnerClient, forkLauncher } from './runner/index.js';
import type { RunnerClient } from './types.js';

// CI checks out ../shared beside the repo.
const conformance = resolve(process.cwd(), '../shared/conformance');
const open: RunnerClient[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
});

function client(): RunnerClient {
  const c = createRunnerClient(forkLauncher(), {});
  open.push(c);
  return c;
}

describe('loadPlugins', () => {
  it('reports every plugin of a folder with its status and reason, the bundled core first', async () => {
    const loaded = await loadPlugins({ dir: resolve(conformance, 'plugins-bad'), client: client(), bundled: coreNodeTypes, timeoutMs: 500 });
    const byName = Object.fromEntries(loaded.reports.map((r) => [r.name, r]));
    expect(loaded.reports[0]).toMatchObject({ name: 'core', status: 'loaded', bundled: true });
    expect(byName['a-hello']).toMatchObject({ status: 'loaded', nodes: ['hello.say'] });
    expect(byName['bad-json']).toMatchObject({ status: 'refused' });
    expect(byName['future-api']?.reason).toContain('apiVersion');
    expect(byName['slow-init']).toMatchObject({ status: 'failed' });
    expect(byName['slow-init']?.reason).toContain('time');
    expect(byName['throws-on-load']?.reason).toContain('kaboom');
    expect(byName['z-hello-copy']?.reason).toContain('hello.say');
    expect(byName['not-a-plugin']).toBeUndefined();
    expect(loaded.registry.get('hello.say')).toBeDefined();
    expect(loaded.registry.get('throws.node')).toBeUndefined();
    expect(loaded.pluginOf('hello.say')).toEqual({ name: 'a-hello', version: '1.0.0' });
    expect(loaded.descriptors.find((d) => d.type === 'hello.say')).toMatchObject({ plugin: 'a-hello', title: 'Say hello' });
  });

  it('gives the engine node types whose runs happen in the runner', async () => {
    const loaded = await loadPlugins({ dir: resolve(conformance, 'plugins'), client: client(), bundled: coreNodeTypes });
    const raw = {
      format: 'weft.workflow',
      formatVersion: 1,
      nodes: [
        { id: 's', type: 'core.manual', params: { payload: 'abc' } },
        { id: 'u', type: 'testkit.upper' },
        { id: 'x', type: 'testkit.exit', policy: { onError: 'skip' } },
        { id: 'o', type: 'core.output', params: { name: 'r' } },
      ],
      edges: [
        { id: 'e1', source: 's', sourcePort: 'out', target: 'u', targetPort: 'in' },
        { id: 'e2', source: 'u', sourcePort: 'out', target: 'o', targetPort: 'in' },
        // After `u`: a runner that dies takes every call in flight with it, so `u` must be done first.
        { id: 'e3', source: 'u', sourcePort: 'out', target: 'x', targetPort: 'in' },
      ],
    };
    const valid = validateWorkflow(raw, loaded.registry);
    if (!valid.ok) throw new Error(JSON.stringify(valid.problems));
    const record = await runWorkflow(valid.document, loaded.registry);
    expect(record.status).toBe('succeeded');
    expect(record.outputs).toEqual({ r: 'ABC' });
    expect(record.nodes.x).toMatchObject({ status: 'skipped', error: { code: 'PLUGIN_CRASHED' } });
  });

  it('refuses in strict mode what loose mode accepts with a warning', async () => {
    const dir = resolve(conformance, 'plugins-bad');
    const loose = await loadPlugins({ dir, client: client(), bundled: coreNodeTypes, timeoutMs: 300 });
    const strict = await loadPlugins({ dir, strict: true, client: client(), bundled: coreNodeTypes, timeoutMs: 300 });
    const find = (list: typeof loose.reports, name: string) => list.find((r) => r.name === name);
    expect(find(loose.reports, 'unknown-field')).toMatchObject({ status: 'loaded' });
    expect(find(loose.reports, 'unknown-field')?.warnings.join(' ')).toContain('colour');
    expect(find(strict.reports, 'unknown-field')).toMatchObject({ status: 'refused' });
    expect(find(strict.reports, 'no-main')?.reason).toContain('main');
  });

  it('needs no runner for a folder with no plugins', async () => {
    const loaded = await loadPlugins({ dir: resolve(conformance, 'no-such-folder'), client: client(), bundled: coreNodeTypes });
    expect(loaded.reports.map((r) => r.name)).toEqual(['core']);
  });
});
