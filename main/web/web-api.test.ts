// What the server adds around each call: plugins loaded before a workspace's first call (only for a
// workspace that exists), a deleted workspace's runner stopped, and the runs it started cancellable.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkflowDetail } from '../../preload/contract.js';
import { tempStore } from '../db/testing/temp-store.js';
import { createApi, type Api } from '../rpc/api.js';
import { delayDoc } from '../rpc/handlers/testing.js';
import { createWebApi, type WebApi } from './web-api.js';

let store: ReturnType<typeof tempStore>;
let api: Api;
let calls: string[];
let failEnsure: boolean;
let web: WebApi;
let logged: string[];

beforeEach(() => {
  store = tempStore();
  api = createApi({ store, checkResults: true });
  calls = [];
  failEnsure = false;
  logged = [];
  const plugins = {
    async ensure(workspaceId: string) {
      calls.push(`ensure ${workspaceId}`);
      if (failEnsure) throw new Error('no runner');
    },
    async drop(workspaceId: string) {
      calls.push(`drop ${workspaceId}`);
    },
  };
  web = createWebApi({ api, plugins, log: (m) => logged.push(m) });
});

afterEach(async () => {
  web.cancelRuns();
  await web.idle();
  store.dispose();
});

describe('web api', () => {
  it('loads a workspace plugins before its call, and only for a workspace that exists', async () => {
    const conn = web.openConnection(() => undefined);
    const ws = store.defaultWorkspace.id;
    expect((await conn.call('nodeTypes.list', { workspaceId: ws })).ok).toBe(true);
    expect(calls).toEqual([`ensure ${ws}`]);
    // A made-up id, a malformed one, and no workspace at all start nothing.
    expect((await conn.call('nodeTypes.list', { workspaceId: 'nope' })).ok).toBe(false);
    await conn.call('nodeTypes.list', { workspaceId: '../x' });
    await conn.call('workspaces.list', {});
    await conn.call('workspaces.list', null);
    expect(calls).toEqual([`ensure ${ws}`]);
    conn.close();
  });

  it('answers PLUGINS_UNAVAILABLE when the plugins cannot be loaded, and tries again next time', async () => {
    const conn = web.openConnection(() => undefined);
    const ws = store.defaultWorkspace.id;
    failEnsure = true;
    expect(await conn.call('nodeTypes.list', { workspaceId: ws })).toMatchObject({
      ok: false,
      error: { code: 'PLUGINS_UNAVAILABLE', message: expect.stringContaining('no runner') },
    });
    expect(logged.join('\n')).toContain('no runner');
    failEnsure = false;
    expect((await conn.call('nodeTypes.list', { workspaceId: ws })).ok).toBe(true);
    conn.close();
  });

  it('stops a deleted workspace runner', async () => {
    const conn = web.openConnection(() => undefined);
    const made = await conn.call('workspaces.create', { name: 'Team' });
    const id = (made as { result: { id: string } }).result.id;
    expect((await conn.call('workspaces.delete', { workspaceId: id })).ok).toBe(true);
    // Managing a workspace needs no node types: its runner was never started, and is dropped anyway.
    expect(calls).toEqual([`drop ${id}`]);
    conn.close();
  });

  it('cancels the runs it started that are still going', async () => {
    const conn = web.openConnection(() => undefined);
    const ws = store.defaultWorkspace.id;
    const created = (await conn.call('workflows.create', { workspaceId: ws, document: delayDoc(5_000) })) as {
      result: WorkflowDetail;
    };
    const run = (await conn.call('runs.start', { workspaceId: ws, workflowId: created.result.id })) as {
      result: { runId: string };
    };
    expect(web.cancelRuns()).toBe(1);
    await web.idle();
    expect(api.runs.get(ws, run.result.runId).status).toBe('cancelled');
    expect(web.cancelRuns()).toBe(0);
    conn.close();
  });
});
