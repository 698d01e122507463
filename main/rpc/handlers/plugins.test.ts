// workflows.validate, plugins.list and plugins.reload through dispatch: over the harness's store (one
// registry, bundled node types) and over real per-workspace plugins loaded in a runner process.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PluginsReport } from '../../../preload/contract.js';
import { coreNodeTypes } from '../../../plugins/core/index.js';
import { sampleDoc, tempStore } from '../../db/testing/temp-store.js';
import { createWorkspacePlugins, type WorkspacePlugins } from '../../plugins/workspace-plugins.js';
import { createApi, type Api, type ApiConnection } from '../api.js';
import { harness, type Harness } from './testing.js';

/** A plugin folder `name` whose one node type `<name>.echo` passes its input through. */
function writePlugin(root: string, name: string, opts: { category?: string; broken?: boolean } = {}): void {
  const folder = join(root, name);
  mkdirSync(folder, { recursive: true });
  const manifest = {
    apiVersion: 1,
    main: 'index.js',
    category: opts.category ?? 'Test',
    nodes: [`${name}.echo`],
  };
  writeFileSync(
    join(folder, 'package.json'),
    JSON.stringify({ name, version: '1.0.0', type: 'module', weft: manifest }),
  );
  const node = `{ type: '${name}.echo', title: 'echo', inputs: [{ name: 'in', type: 'any' }], outputs: [{ name: 'out', type: 'any' }], run: async ({ inputs }) => ({ out: inputs.in }) }`;
  writeFileSync(
    join(folder, 'index.js'),
    opts.broken === true ? "throw new Error('cannot start');" : `export default { nodes: [${node}] };`,
  );
}

function docWith(type: string): Record<string, unknown> {
  const doc = sampleDoc();
  (doc.nodes as Array<Record<string, unknown>>)[1] = { id: 'greet', type };
  return doc;
}

describe('workflows.validate', () => {
  let h: Harness;
  let ws: string;
  beforeEach(() => {
    h = harness();
    ws = h.store.defaultWorkspace.id;
  });
  afterEach(() => h.dispose());

  it('answers no problems for a valid document and saves nothing', async () => {
    expect(await h.ok('workflows.validate', { workspaceId: ws, document: sampleDoc() })).toEqual({
      problems: [],
    });
    expect((await h.ok('workflows.list', { workspaceId: ws })).items).toEqual([]);
  });

  it('answers every problem with its path and code, as a save would refuse them', async () => {
    const bad = docWith('nope.missing');
    (bad.edges as unknown[]).push({
      id: 'e1',
      source: 'start',
      sourcePort: 'out',
      target: 'result',
      targetPort: 'in',
    });
    const { problems } = await h.ok('workflows.validate', { workspaceId: ws, document: bad });
    expect(problems).toContainEqual(
      expect.objectContaining({ path: 'nodes[1].type', code: 'UNKNOWN_NODE_TYPE' }),
    );
    expect(problems).toContainEqual(expect.objectContaining({ code: 'DUPLICATE_ID' }));
    const refused = await h.fail('workflows.create', { workspaceId: ws, document: bad });
    expect(refused.details?.problems).toEqual(problems);
    expect(await h.ok('workflows.validate', { workspaceId: ws, document: 'text' })).toEqual({
      problems: [{ path: '$', code: 'INVALID_VALUE', message: 'a workflow must be a JSON object' }],
    });
  });

  it('refuses a missing document and an unknown workspace as any call does', async () => {
    expect(await h.fail('workflows.validate', { workspaceId: ws })).toMatchObject({
      code: 'INVALID_INPUT',
      path: 'document',
    });
    expect(await h.fail('workflows.validate', { workspaceId: 'nope', document: {} })).toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('plugins.list without per-workspace plugins', () => {
  let h: Harness;
  beforeEach(() => {
    h = harness();
  });
  afterEach(() => h.dispose());

  it('answers the bundled core plugin with its node types and statistics', async () => {
    const ws = h.store.defaultWorkspace.id;
    const report = await h.ok('plugins.list', { workspaceId: ws });
    expect(report.plugins).toHaveLength(1);
    expect(report.plugins[0]).toMatchObject({
      name: 'core',
      version: 'bundled',
      status: 'loaded',
      bundled: true,
      reason: null,
    });
    expect(report.plugins[0]?.nodes).toEqual(
      expect.arrayContaining(['core.manual', 'core.output', 'core.delay']),
    );
    expect(report.stats.plugins).toMatchObject({ total: 1, byStatus: { loaded: 1, failed: 0, refused: 0 } });
    expect(report.stats.nodeTypes.total).toBe(report.plugins[0]?.nodes.length);
    // Nothing to reload: the same report.
    expect(await h.ok('plugins.reload', { workspaceId: ws })).toEqual(report);
  });
});

describe('plugins.list and plugins.reload per workspace', () => {
  let store: ReturnType<typeof tempStore>;
  let plugins: WorkspacePlugins;
  let api: Api;
  let conn: ApiConnection;
  let dir: string;
  let ws: string;

  async function ok<T>(method: string, input: unknown): Promise<T> {
    const r = await conn.call(method, input);
    if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
    return r.result as T;
  }

  beforeEach(() => {
    store = tempStore();
    dir = mkdtempSync(join(tmpdir(), 'weft-plugins-api-'));
    writePlugin(dir, 'alpha', { category: 'Text' });
    writePlugin(dir, 'beta', { broken: true });
    plugins = createWorkspacePlugins({ dirFor: () => dir, bundled: coreNodeTypes, timeoutMs: 5_000 });
    api = createApi({ store, plugins, checkResults: true });
    conn = api.openConnection(() => undefined);
    ws = store.defaultWorkspace.id;
  });

  afterEach(async () => {
    conn.close();
    await api.runs.idle();
    await plugins.close();
    store.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists loaded and failed plugins with reasons, categories, durations and statistics', async () => {
    await plugins.ensure(ws);
    const report = await ok<PluginsReport>('plugins.list', { workspaceId: ws });
    expect(report.plugins.map((p) => [p.name, p.status])).toEqual([
      ['core', 'loaded'],
      ['alpha', 'loaded'],
      ['beta', 'failed'],
    ]);
    const [, alpha, beta] = report.plugins;
    expect(alpha).toMatchObject({
      version: '1.0.0',
      nodes: ['alpha.echo'],
      category: 'Text',
      bundled: false,
      reason: null,
    });
    expect(alpha?.durationMs).toEqual(expect.any(Number));
    expect(beta?.reason).toContain('cannot start');
    expect(report.stats.plugins.byStatus).toEqual({ loaded: 2, failed: 1, refused: 0 });
    expect(report.stats.plugins.byCategory).toMatchObject({ Text: 1, Test: 1 });
    expect(report.stats.loadTime.slowest).toEqual(expect.any(String));
  });

  it('reload loads what changed in the folder and answers the new report', async () => {
    await plugins.ensure(ws);
    writePlugin(dir, 'beta');
    writePlugin(dir, 'gamma');
    const before = plugins.registryFor(ws);
    const report = await ok<PluginsReport>('plugins.reload', { workspaceId: ws });
    expect(report.plugins.map((p) => [p.name, p.status])).toEqual([
      ['core', 'loaded'],
      ['alpha', 'loaded'],
      ['beta', 'loaded'],
      ['gamma', 'loaded'],
    ]);
    expect(plugins.registryFor(ws)).not.toBe(before);
    expect(plugins.registryFor(ws).get('gamma.echo')).toBeDefined();
    const types = await ok<Array<{ type: string }>>('nodeTypes.list', { workspaceId: ws });
    expect(types.map((t) => t.type)).toContain('beta.echo');
    expect(await ok('workflows.validate', { workspaceId: ws, document: docWith('gamma.echo') })).toEqual({
      problems: [],
    });
  });

  it('reload of a workspace not loaded yet loads it', async () => {
    const report = await ok<PluginsReport>('plugins.reload', { workspaceId: ws });
    expect(report.plugins.map((p) => p.name)).toEqual(['core', 'alpha', 'beta']);
  });
});
