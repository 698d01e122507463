// Plugins per workspace through the API (issue 4 items 3 and 5): each workspace validates, lists and
// runs its own plugins in its own runner process, and its policy applies to plugin nodes too.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiError, ApiEvent, ApiResponse } from '../../preload/contract.js';
import { coreNodeTypes } from '../../plugins/core/index.js';
import { tempStore } from '../db/testing/temp-store.js';
import { forkLauncher, type RunnerLauncher } from '../plugins/runner/index.js';
import { createWorkspacePlugins, type WorkspacePlugins } from '../plugins/workspace-plugins.js';
import { createApi, type Api, type ApiConnection } from './api.js';

const TEXT_PLUGIN = join(import.meta.dirname, '../../plugins/examples/weft-plugin-text');

/** A plugin whose `pid.of` node answers the process it runs in. */
function writePidPlugin(root: string): void {
  const folder = join(root, 'pid');
  mkdirSync(folder, { recursive: true });
  const manifest = { apiVersion: 1, main: 'index.js', nodes: ['pid.of'] };
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: 'pid', version: '1.0.0', type: 'module', weft: manifest }));
  writeFileSync(
    join(folder, 'index.js'),
    "export default { nodes: [{ type: 'pid.of', title: 'pid', inputs: [], outputs: [{ name: 'out', type: 'number' }], run: async () => ({ out: process.pid }) }] };",
  );
}

function doc(nodes: Array<Record<string, unknown>>): Record<string, unknown> {
  const edges = nodes.slice(1).map((n, i) => ({
    id: `e${i}`,
    source: nodes[i]?.id,
    sourcePort: 'out',
    target: n.id,
    targetPort: 'in',
  }));
  return { format: 'weft.workflow', formatVersion: 1, name: 'Plugged', nodes, edges };
}

const upperDoc = doc([
  { id: 'start', type: 'core.manual', params: { payload: 'hello' } },
  { id: 'up', type: 'text.upper' },
  { id: 'result', type: 'core.output', params: { name: 'value' } },
]);
const pidDoc = doc([
  { id: 'p', type: 'pid.of' },
  { id: 'result', type: 'core.output', params: { name: 'value' } },
]);
// The escape of code-isolation.test.ts: the runner hides `process`, a function made from the realm's
// constructor still reaches it.
const codePidDoc = doc([
  { id: 'c', type: 'core.code', params: { source: "return setTimeout.constructor('return process')().pid;" } },
  { id: 'result', type: 'core.output', params: { name: 'value' } },
]);

let store: ReturnType<typeof tempStore>;
let plugins: WorkspacePlugins;
let api: Api;
let conn: ApiConnection;
let folders: string[];
let pids: number[];
let a: string;
let b: string;

async function call(method: string, input: unknown): Promise<ApiResponse> {
  return conn.call(method, input);
}
async function ok<T>(method: string, input: unknown): Promise<T> {
  const r = await call(method, input);
  if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
  return r.result as T;
}
async function fail(method: string, input: unknown): Promise<ApiError> {
  const r = await call(method, input);
  if (r.ok) throw new Error(`${method} succeeded`);
  return r.error;
}

/** Creates a workflow, runs it to the end through the API and answers the stored run. */
async function runToEnd(workspaceId: string, document: unknown): Promise<{ status: string; outputs: Record<string, unknown> }> {
  const { id } = await ok<{ id: string }>('workflows.create', { workspaceId, document });
  const { runId } = await ok<{ runId: string }>('runs.start', { workspaceId, workflowId: id });
  await api.runs.idle();
  return ok('runs.get', { workspaceId, runId });
}

beforeEach(async () => {
  store = tempStore();
  folders = [];
  pids = [];
  const dirs = new Map<string, string>();
  const fork = forkLauncher();
  const launcher: RunnerLauncher = {
    launch() {
      const proc = fork.launch();
      if (proc.pid !== undefined) pids.push(proc.pid);
      return proc;
    },
  };
  plugins = createWorkspacePlugins({ dirFor: (ws) => dirs.get(ws), bundled: coreNodeTypes, launcher, timeoutMs: 5_000 });
  api = createApi({ store, plugins, checkResults: true });
  conn = api.openConnection((_e: ApiEvent) => undefined);
  a = (await ok<{ id: string }>('workspaces.create', { name: 'A' })).id;
  b = (await ok<{ id: string }>('workspaces.create', { name: 'B' })).id;
  const [dirA, dirB] = [mkdtempSync(join(tmpdir(), 'weft-ws-a-')), mkdtempSync(join(tmpdir(), 'weft-ws-b-'))];
  folders.push(dirA, dirB);
  cpSync(TEXT_PLUGIN, join(dirA, 'weft-plugin-text'), { recursive: true });
  writePidPlugin(dirA);
  writePidPlugin(dirB);
  dirs.set(a, dirA);
  dirs.set(b, dirB);
});

afterEach(async () => {
  conn.close();
  await api.runs.idle();
  await plugins.close();
  store.dispose();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('plugins per workspace', () => {
  it('lists, validates and runs a workspace own plugin nodes; another workspace refuses them', async () => {
    // Before its plugins are loaded, a workspace has the bundled node types only.
    expect(plugins.registryFor(a).get('text.upper')).toBeUndefined();
    await Promise.all([plugins.ensure(a), plugins.ensure(b)]);

    const listA = await ok<Array<{ type: string; plugin: string }>>('nodeTypes.list', { workspaceId: a });
    expect(listA).toContainEqual(expect.objectContaining({ type: 'text.upper', plugin: 'weft-plugin-text' }));
    const listB = await ok<Array<{ type: string }>>('nodeTypes.list', { workspaceId: b });
    expect(listB.map((t) => t.type)).not.toContain('text.upper');
    expect(listB.map((t) => t.type)).toContain('pid.of');
    expect(plugins.descriptorsFor(a).map((d) => d.type)).toContain('text.upper');
    expect(plugins.reportsFor(a).find((r) => r.name === 'weft-plugin-text')?.status).toBe('loaded');

    const run = await runToEnd(a, upperDoc);
    expect(run).toMatchObject({ status: 'succeeded', outputs: { value: 'HELLO' } });

    const refused = await fail('workflows.create', { workspaceId: b, document: upperDoc });
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.path).toBe('nodes[1].type');
    // Export names the workspace's plugin; an import into a workspace without it is refused.
    const { id } = await ok<{ id: string }>('workflows.create', { workspaceId: a, document: upperDoc });
    const { text } = await ok<{ text: string }>('workflows.export', { workspaceId: a, workflowId: id });
    expect(text).toContain('weft-plugin-text');
    expect((await ok<{ id: string }>('workflows.import', { workspaceId: a, text })).id).toEqual(expect.any(String));
    expect(await fail('workflows.import', { workspaceId: b, text })).toMatchObject({ code: 'MISSING_PLUGINS' });
  });

  it('runs each workspace in its own runner process, and close stops them all', async () => {
    await Promise.all([plugins.ensure(a), plugins.ensure(b)]);
    const runA = await runToEnd(a, pidDoc);
    const runB = await runToEnd(b, pidDoc);
    expect(runA.status).toBe('succeeded');
    expect(runB.status).toBe('succeeded');
    const [pidA, pidB] = [runA.outputs.value, runB.outputs.value];
    expect(pidA).toEqual(expect.any(Number));
    expect(pidB).toEqual(expect.any(Number));
    expect(pidA).not.toBe(pidB);
    expect(pidA).not.toBe(process.pid);
    expect(pids).toEqual(expect.arrayContaining([pidA, pidB]));

    await plugins.close();
    await until(() => pids.every((pid) => !alive(pid)));
    expect(pids.filter(alive)).toEqual([]);
    await expect(plugins.ensure(a)).rejects.toThrow('closed');
  });

  it("runs each workspace's core.code in that workspace's own runner, beside its plugins", async () => {
    await Promise.all([plugins.ensure(a), plugins.ensure(b)]);
    const codeA = await runToEnd(a, codePidDoc);
    const codeB = await runToEnd(b, codePidDoc);
    expect(codeA.status).toBe('succeeded');
    expect(codeB.status).toBe('succeeded');
    const [pidA, pidB] = [codeA.outputs.value, codeB.outputs.value];
    expect(pidA).toEqual(expect.any(Number));
    expect(pidB).toEqual(expect.any(Number));
    expect(pidA).not.toBe(pidB);
    expect(pidA).not.toBe(process.pid);
    expect(pidB).not.toBe(process.pid);
    expect(pids).toEqual(expect.arrayContaining([pidA, pidB]));
    // One runner per workspace: its plugin nodes run in the same process as its code.
    expect((await runToEnd(a, pidDoc)).outputs.value).toBe(pidA);
    expect((await runToEnd(b, pidDoc)).outputs.value).toBe(pidB);
  });

  it("applies the workspace's policy to plugin nodes", async () => {
    await plugins.ensure(a);
    const { id } = await ok<{ id: string }>('workflows.create', { workspaceId: a, document: upperDoc });
    await ok('workspaces.setPolicy', { workspaceId: a, policy: { deniedNodeTypes: ['text.upper'] } });
    const denied = await fail('runs.start', { workspaceId: a, workflowId: id });
    expect(denied).toMatchObject({ code: 'POLICY_DENIED', details: { nodeIds: ['up'], types: ['text.upper'] } });
    const list = await ok<Array<{ type: string }>>('nodeTypes.list', { workspaceId: a });
    expect(list.map((t) => t.type)).not.toContain('text.upper');
    expect(list.map((t) => t.type)).toContain('text.repeat');
  });

  it('compiles again after a reload gives the workspace a new registry', async () => {
    await plugins.ensure(a);
    const { id } = await ok<{ id: string }>('workflows.create', { workspaceId: a, document: upperDoc });
    const before = plugins.registryFor(a);
    await ok('runs.start', { workspaceId: a, workflowId: id });
    await api.runs.idle();
    // Dropping the workspace's host and loading again is a reload with a new runner and registry.
    await plugins.drop(a);
    expect(plugins.registryFor(a).get('text.upper')).toBeUndefined();
    await plugins.ensure(a);
    expect(plugins.registryFor(a)).not.toBe(before);
    const { runId } = await ok<{ runId: string }>('runs.start', { workspaceId: a, workflowId: id });
    await api.runs.idle();
    expect(await ok('runs.get', { workspaceId: a, runId })).toMatchObject({ status: 'succeeded', outputs: { value: 'HELLO' } });
  });
});

describe('without plugins', () => {
  it('the store keeps its one registry for every workspace', async () => {
    const plain = createApi({ store, checkResults: true });
    expect(plain.store).toBe(store);
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

async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
}
