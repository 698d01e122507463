// `weft serve`'s whole app in process: a real data folder and plugins folder, the runners forked for
// real. The first call after the start already sees the workspace's plugin nodes, and close stops it all.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRegistry } from '../../engine/index.js';
import type {
  NodeTypeDescriptor,
  PluginsReport,
  RunStarted,
  WorkflowDetail,
} from '../../preload/contract.js';
import { coreNodeTypes } from '../../plugins/core/index.js';
import { startWebApp, type WebApp } from './app.js';
import { fakeRenderer, openSocket, rawRequest } from './testing.js';

const TEXT_PLUGIN = join(import.meta.dirname, '../../plugins/examples/weft-plugin-text');

let root: string;
let renderer: ReturnType<typeof fakeRenderer>;
let app: WebApp | undefined;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'weft-serve-app-'));
  cpSync(TEXT_PLUGIN, join(root, 'plugins', 'weft-plugin-text'), { recursive: true });
  renderer = fakeRenderer();
});

afterEach(async () => {
  await app?.close();
  app = undefined;
  renderer.remove();
  rmSync(root, { recursive: true, force: true });
});

async function start(): Promise<WebApp> {
  app = await startWebApp({
    dataDir: join(root, 'data'),
    pluginsDir: join(root, 'plugins'),
    rendererDir: renderer.dir,
    bundled: coreNodeTypes,
    registry: createRegistry(coreNodeTypes),
    watchPlugins: false,
    log: () => undefined,
  });
  return app;
}

async function getRun(port: number, token: string, ws: string, runId: string): Promise<unknown> {
  const r = await rawRequest(port, `/api/v1/workspaces/${ws}/runs/${runId}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return r.json;
}

const upperDoc = {
  format: 'weft.workflow',
  formatVersion: 1,
  name: 'Shout',
  nodes: [
    { id: 'start', type: 'core.manual', params: { payload: 'hello' } },
    { id: 'up', type: 'text.upper' },
    { id: 'result', type: 'core.output', params: { name: 'value' } },
  ],
  edges: [
    { id: 'e1', source: 'start', sourcePort: 'out', target: 'up', targetPort: 'in' },
    { id: 'e2', source: 'up', sourcePort: 'out', target: 'result', targetPort: 'in' },
  ],
};

describe('the serve app', () => {
  it('serves plugin nodes from the first call, runs them, and reports the plugins', async () => {
    const { server, store } = await start();
    const s = await openSocket(server.port, { token: server.token });
    const ws = store.defaultWorkspace.id;
    const types = await s.call('nodeTypes.list', { workspaceId: ws });
    expect(types.ok && (types.result as NodeTypeDescriptor[]).map((t) => t.type)).toContain('text.upper');

    const created = await s.call('workflows.create', { workspaceId: ws, document: upperDoc });
    expect(created.ok).toBe(true);
    const { id } = (created as { result: WorkflowDetail }).result;
    const started = await s.call('runs.start', { workspaceId: ws, workflowId: id });
    const { runId } = (started as { result: RunStarted }).result;
    await s.call('runs.subscribe', { workspaceId: ws, runId });
    // A quick run may be over before the subscription: then its snapshot is already final.
    await s.until((events) =>
      events.some((e) =>
        e.type === 'runEvent' ? e.event.type === 'runFinished' : e.type === 'runSnapshot' && e.snapshot.status !== 'running',
      ),
    );
    // The record is stored just after the run's last event.
    let run = await getRun(server.port, server.token, ws, runId);
    for (let i = 0; i < 100 && (run as { status?: string }).status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      run = await getRun(server.port, server.token, ws, runId);
    }
    expect(run).toMatchObject({ status: 'succeeded', outputs: { value: 'HELLO' } });

    const report = await s.call('plugins.list', { workspaceId: ws });
    expect((report as { result: PluginsReport }).result.plugins.map((p) => [p.name, p.status])).toEqual([
      ['core', 'loaded'],
      ['weft-plugin-text', 'loaded'],
    ]);
    await s.close();
  });

  it('close cancels a running run, stores it, closes the sockets and frees the port', async () => {
    const { server, store } = await start();
    const dataDir = store.dataDir;
    const s = await openSocket(server.port, { token: server.token });
    const ws = store.defaultWorkspace.id;
    const slow = {
      ...upperDoc,
      nodes: [upperDoc.nodes[0], { id: 'up', type: 'core.delay', params: { ms: 30_000 } }, upperDoc.nodes[2]],
    };
    const created = (await s.call('workflows.create', { workspaceId: ws, document: slow })) as {
      result: WorkflowDetail;
    };
    const { runId } = (
      (await s.call('runs.start', { workspaceId: ws, workflowId: created.result.id })) as {
        result: RunStarted;
      }
    ).result;
    const closed = new Promise<number>((resolve) => s.socket.once('close', (code: number) => resolve(code)));

    const stopping = app!.close();
    expect(await closed).toBe(1001);
    await stopping;
    app = undefined;
    await expect(rawRequest(server.port, '/')).rejects.toThrow();

    // The run was stored as cancelled: a new app over the same folder sees it so, not `interrupted`.
    const again = await startWebApp({
      dataDir,
      pluginsDir: join(root, 'plugins'),
      rendererDir: renderer.dir,
      bundled: coreNodeTypes,
      registry: createRegistry(coreNodeTypes),
      watchPlugins: false,
    });
    app = again;
    expect(again.store.interruptedRuns).toBe(0);
    const run = await rawRequest(again.server.port, `/api/v1/workspaces/${ws}/runs/${runId}`, {
      headers: { Authorization: `Bearer ${again.server.token}` },
    });
    expect(run.json).toMatchObject({ status: 'cancelled' });
  });

  it('refuses to start on a port in use, and leaves nothing open', async () => {
    const { server } = await start();
    await expect(
      startWebApp({
        dataDir: join(root, 'other'),
        port: server.port,
        bundled: coreNodeTypes,
        registry: createRegistry(coreNodeTypes),
        watchPlugins: false,
      }),
    ).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});
