// Workspace changes reach the connections watching that workspace, whoever made them, and never a
// connection watching another: the hub alone, then the API's connections end to end.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiEvent, WorkspaceChangedEvent } from '../../preload/contract.js';
import { sampleDoc } from '../db/testing/temp-store.js';
import { changeOfCall } from './call-changes.js';
import { delayDoc, failingDoc, harness, type Harness } from './handlers/testing.js';
import { createWorkspaceChanges, createWorkspaceWatch } from './workspace-changes.js';

describe('workspace changes hub', () => {
  it('hands a change to the watchers of its workspace only', () => {
    const changes = createWorkspaceChanges();
    const a: WorkspaceChangedEvent[] = [];
    const b: WorkspaceChangedEvent[] = [];
    createWorkspaceWatch(changes, (e) => a.push(e)).watch('ws-a');
    createWorkspaceWatch(changes, (e) => b.push(e)).watch('ws-b');
    changes.publish({ workspaceId: 'ws-b', what: 'workflows', workflowId: 'wf' });
    expect(a).toEqual([]);
    expect(b).toEqual([{ type: 'workspaceChanged', workspaceId: 'ws-b', what: 'workflows', workflowId: 'wf' }]);
  });

  it('watches one workspace at a time, and nothing once closed', () => {
    const changes = createWorkspaceChanges();
    const got: string[] = [];
    const watch = createWorkspaceWatch(changes, (e) => got.push(e.workspaceId));
    watch.watch('ws-a');
    watch.watch('ws-b');
    changes.publish({ workspaceId: 'ws-a', what: 'runs' });
    changes.publish({ workspaceId: 'ws-b', what: 'runs' });
    expect(watch.workspaceId).toBe('ws-b');
    watch.close();
    changes.publish({ workspaceId: 'ws-b', what: 'runs' });
    watch.watch('ws-b'); // a closed connection does not come back
    changes.publish({ workspaceId: 'ws-b', what: 'runs' });
    expect(got).toEqual(['ws-b']);
    expect(watch.workspaceId).toBeNull();
  });

  it('drops a watcher whose send fails, and goes on with the others', () => {
    const changes = createWorkspaceChanges();
    const got: string[] = [];
    let calls = 0;
    createWorkspaceWatch(changes, () => {
      calls++;
      throw new Error('gone');
    }).watch('ws');
    createWorkspaceWatch(changes, (e) => got.push(e.what)).watch('ws');
    changes.publish({ workspaceId: 'ws', what: 'runs' });
    changes.publish({ workspaceId: 'ws', what: 'workflows' });
    expect(calls).toBe(1);
    expect(got).toEqual(['runs', 'workflows']);
  });
});

describe('changeOfCall', () => {
  it('names the workflow a call made or changed, and ignores reads and failures elsewhere', () => {
    const ws = { workspaceId: 'ws' };
    expect(changeOfCall('workflows.create', ws, { id: 'new' })).toEqual({ workspaceId: 'ws', what: 'workflows', workflowId: 'new' });
    expect(changeOfCall('workflows.duplicate', { ...ws, workflowId: 'src' }, { id: 'copy' })).toMatchObject({ workflowId: 'copy' });
    expect(changeOfCall('workflows.delete', { ...ws, workflowId: 'gone' }, null)).toMatchObject({ workflowId: 'gone' });
    expect(changeOfCall('workspaces.setPolicy', ws, { id: 'ws' })).toEqual({ workspaceId: 'ws', what: 'workspace' });
    expect(changeOfCall('workflows.list', ws, { items: [] })).toBeUndefined();
    expect(changeOfCall('workspaces.create', { name: 'x' }, { id: 'ws2' })).toBeUndefined();
    // The runs service announces runs itself, when they start and when they end.
    expect(changeOfCall('runs.start', { ...ws, workflowId: 'wf' }, { runId: 'r' })).toBeUndefined();
  });
});

describe('workspaces.watch through the API', () => {
  let h: Harness;
  let wsA: string;
  let wsB: string;
  beforeEach(async () => {
    h = harness();
    wsA = h.store.defaultWorkspace.id;
    wsB = (await h.ok('workspaces.create', { name: 'B' })).id;
  });
  afterEach(() => h.dispose());

  /** A connection watching `workspaceId`, with the changes it heard. */
  async function watcher(workspaceId: string) {
    const events: ApiEvent[] = [];
    const conn = h.api.openConnection((e) => events.push(e));
    expect(await conn.call('workspaces.watch', { workspaceId })).toEqual({ ok: true, result: null });
    const changes = () => events.filter((e): e is WorkspaceChangedEvent => e.type === 'workspaceChanged');
    return { conn, changes };
  }

  it("tells a watcher of A of A's workflow changes made by any connection, and nothing of B's", async () => {
    const a = await watcher(wsA);
    const b = await watcher(wsB);
    // Made on the harness's own connection, which watches nothing (another window, a script).
    const made = await h.ok('workflows.create', { workspaceId: wsB, document: sampleDoc({ name: 'Only B' }) });
    await h.ok('workflows.update', { workspaceId: wsB, workflowId: made.id, expectedVersion: 1, document: sampleDoc({ name: 'B2' }) });
    const copy = await h.ok('workflows.duplicate', { workspaceId: wsB, workflowId: made.id });
    await h.ok('workflows.delete', { workspaceId: wsB, workflowId: copy.id });

    expect(a.changes()).toEqual([]);
    expect(b.changes()).toEqual([
      { type: 'workspaceChanged', workspaceId: wsB, what: 'workflows', workflowId: made.id },
      { type: 'workspaceChanged', workspaceId: wsB, what: 'workflows', workflowId: made.id },
      { type: 'workspaceChanged', workspaceId: wsB, what: 'workflows', workflowId: copy.id },
      { type: 'workspaceChanged', workspaceId: wsB, what: 'workflows', workflowId: copy.id },
    ]);
    // The harness's connection never watched: it heard nothing.
    expect(h.events).toEqual([]);
  });

  it('announces a failed call nowhere', async () => {
    const b = await watcher(wsB);
    const made = await h.ok('workflows.create', { workspaceId: wsB, document: sampleDoc() });
    await h.fail('workflows.update', { workspaceId: wsB, workflowId: made.id, expectedVersion: 7, document: sampleDoc() });
    await h.fail('workflows.create', { workspaceId: wsB, document: { nope: true } });
    // Another workspace's workflow is "not found" from B: no change, in B or in A.
    await h.fail('workflows.delete', { workspaceId: wsA, workflowId: made.id });
    expect(b.changes()).toHaveLength(1);
  });

  it('announces runs starting, finishing and deleted, to their workspace only', async () => {
    const a = await watcher(wsA);
    const b = await watcher(wsB);
    const wf = await h.ok('workflows.create', { workspaceId: wsB, document: failingDoc() });
    const { runId } = await h.ok('runs.start', { workspaceId: wsB, workflowId: wf.id });
    await h.api.runs.idle();
    await h.ok('runs.delete', { workspaceId: wsB, runId });
    const runs = b.changes().filter((e) => e.what === 'runs');
    const change = { type: 'workspaceChanged', workspaceId: wsB, what: 'runs', workflowId: wf.id, runId };
    // Started, finished, deleted.
    expect(runs).toEqual([change, change, change]);
    expect(a.changes()).toEqual([]);
  });

  it('announces renames and policy changes of the workspace, and a watcher of B hears none of A', async () => {
    const a = await watcher(wsA);
    const b = await watcher(wsB);
    await h.ok('workspaces.rename', { workspaceId: wsA, name: 'Renamed' });
    await h.ok('workspaces.setPolicy', { workspaceId: wsA, policy: { deniedNodeTypes: ['core.http'] } });
    expect(a.changes().map((e) => e.what)).toEqual(['workspace', 'workspace']);
    expect(b.changes()).toEqual([]);
  });

  it('moves a connection to the workspace it watched last, and stops at close', async () => {
    const w = await watcher(wsA);
    expect(await w.conn.call('workspaces.watch', { workspaceId: wsB })).toEqual({ ok: true, result: null });
    await h.ok('workflows.create', { workspaceId: wsA, document: sampleDoc() });
    const inB = await h.ok('workflows.create', { workspaceId: wsB, document: sampleDoc() });
    expect(w.changes().map((e) => e.workflowId)).toEqual([inB.id]);
    w.conn.close();
    await h.ok('workflows.create', { workspaceId: wsB, document: sampleDoc() });
    expect(w.changes()).toHaveLength(1);
  });

  it('refuses to watch a workspace that does not exist, like any other call naming one', async () => {
    const error = await h.fail('workspaces.watch', { workspaceId: 'ws_nope' });
    expect(error.code).toBe('NOT_FOUND');
  });

  it('does not tell one connection another workspace’s runs even when it follows them by id', async () => {
    const a = await watcher(wsA);
    const wf = await h.ok('workflows.create', { workspaceId: wsB, document: delayDoc(20) });
    const { runId } = await h.ok('runs.start', { workspaceId: wsB, workflowId: wf.id });
    // Following the run asks for it in A: "not found", and no change of B reaches A.
    expect((await a.conn.call('runs.subscribe', { workspaceId: wsA, runId })).ok).toBe(false);
    await h.api.runs.idle();
    expect(a.changes()).toEqual([]);
  });
});
