// Every workspace-scoped operation, called with workspace A and an id that belongs to workspace B, must
// answer exactly what it answers for an id that exists nowhere: NOT_FOUND. Any other answer (data,
// a conflict, "forbidden", a different message shape) would leak that the id exists.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getRun, listRuns } from '../db/runs.repo.js';
import { getRunNodeOutputs, getRunNodes, errorStats } from '../db/run-nodes.repo.js';
import { insertRun } from '../db/runs.repo.js';
import { upsertRunNode } from '../db/run-nodes.repo.js';
import { sampleDoc, tempStore } from '../db/testing/temp-store.js';
import { NotFoundError } from '../errors.js';
import * as wf from './workflows.service.js';
import * as wsSvc from './workspaces.service.js';

let store: ReturnType<typeof tempStore>;
let a: string; // the caller's workspace
let b: string; // the other tenant
let theirs: string; // a workflow of b, at version 2
beforeEach(() => {
  store = tempStore();
  a = wsSvc.createWorkspace(store, 'A').id;
  b = wsSvc.createWorkspace(store, 'B').id;
  theirs = wf.createWorkflow(store, b, sampleDoc({ name: 'Secret', tags: ['secret'] })).id;
  wf.updateWorkflow(store, b, theirs, sampleDoc({ name: 'Secret', text: 'v2', tags: ['secret'] }), 1);
  insertRun(store.db, b, {
    id: 'run_b',
    workflowId: theirs,
    workflowVersion: 2,
    origin: { kind: 'run' },
    startedAt: 1,
  });
  upsertRunNode(store.db, b, 'run_b', 'greet', {
    nodeType: 'core.set',
    status: 'failed',
    attempts: 1,
    outputs: { out: 1 },
    error: { code: 'X', message: 'm' },
  });
  wf.createWorkflow(store, a, sampleDoc({ name: 'Mine' }));
});
afterEach(() => store.dispose());

type Call = (ws: string, id: string) => unknown;

const workflowCalls: Array<[string, Call]> = [
  ['get', (ws, id) => wf.getWorkflow(store, ws, id)],
  ['update', (ws, id) => wf.updateWorkflow(store, ws, id, sampleDoc(), 2)],
  ['update (stale version)', (ws, id) => wf.updateWorkflow(store, ws, id, sampleDoc(), 1)],
  ['versions', (ws, id) => wf.listVersions(store, ws, id)],
  ['getVersion', (ws, id) => wf.getVersion(store, ws, id, 1)],
  ['restore', (ws, id) => wf.restoreVersion(store, ws, id, 1, 2)],
  ['diff', (ws, id) => wf.diffVersions(store, ws, id, 1, 2)],
  ['duplicate', (ws, id) => wf.duplicateWorkflow(store, ws, id)],
  ['delete', (ws, id) => wf.deleteWorkflow(store, ws, id)],
  ['export', (ws, id) => wf.exportWorkflow(store, ws, id)],
  ['export (version)', (ws, id) => wf.exportWorkflow(store, ws, id, 1)],
];

function errorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

/** The answer with the id swapped for a placeholder, so "other's id" and "no such id" compare equal. */
function shape(e: unknown, id: string): unknown {
  if (!(e instanceof NotFoundError)) return e;
  return { ...e.toInfo(), message: e.message.replaceAll(id, 'ID') };
}

describe('tenant isolation', () => {
  it.each(workflowCalls)(
    "workflows.%s with another workspace's id answers NOT_FOUND, as for a missing id",
    (_name, call) => {
      const other = errorOf(() => call(a, theirs));
      const missing = errorOf(() => call(a, 'wf_doesnotexist'));
      expect(other).toBeInstanceOf(NotFoundError);
      expect(shape(other, theirs)).toEqual(shape(missing, 'wf_doesnotexist'));
      // And B's workflow is untouched.
      expect(wf.getWorkflow(store, b, theirs)).toMatchObject({ version: 2, name: 'Secret' });
    },
  );

  it("lists never show another workspace's workflows, tags or search hits", () => {
    expect(wf.listWorkflows(store, a).items.map((w) => w.name)).toEqual(['Mine']);
    expect(wf.listWorkflows(store, a, { search: 'secret' }).items).toEqual([]);
    expect(wf.listWorkflows(store, a, { tag: 'secret' }).items).toEqual([]);
    // A cursor made in B's list does not reveal B's rows in A.
    wf.createWorkflow(store, b, sampleDoc({ name: 'Secret 2' }));
    const cursor = wf.listWorkflows(store, b, { limit: 1 }).nextCursor;
    expect(wf.listWorkflows(store, a, { cursor }).items.every((w) => w.name === 'Mine')).toBe(true);
  });

  it('a workflow cannot be created or imported into a workspace that does not exist', () => {
    expect(errorOf(() => wf.createWorkflow(store, 'ws_nope', sampleDoc()))).toBeInstanceOf(NotFoundError);
    expect(
      errorOf(() => wf.importWorkflow(store, 'ws_nope', wf.exportWorkflow(store, b, theirs))),
    ).toBeInstanceOf(NotFoundError);
  });

  const workspaceCalls: Array<[string, (id: string) => unknown]> = [
    ['get', (id) => wsSvc.getWorkspace(store, id)],
    ['rename', (id) => wsSvc.renameWorkspace(store, id, 'X')],
    ['delete', (id) => wsSvc.deleteWorkspace(store, id)],
    ['setPolicy', (id) => wsSvc.setWorkspacePolicy(store, id, { deniedNodeTypes: ['core.set'] })],
    ['setRunRetention', (id) => wsSvc.setRunRetention(store, id, 5)],
    ['checkPolicy', (id) => wsSvc.checkPolicy(store, id, { nodes: [] })],
  ];

  it.each(workspaceCalls)('workspaces.%s with an unknown workspace id answers NOT_FOUND', (_name, call) => {
    expect(errorOf(() => call('ws_doesnotexist'))).toBeInstanceOf(NotFoundError);
  });

  it('run records of another workspace read as absent', () => {
    expect(getRun(store.db, a, 'run_b')).toBeUndefined();
    expect(listRuns(store.db, a, theirs, undefined, 10)).toEqual([]);
    expect(getRunNodes(store.db, a, 'run_b')).toEqual([]);
    expect(getRunNodeOutputs(store.db, a, 'run_b', 'greet')).toEqual({ found: false });
    expect(errorStats(store.db, a, 100)).toEqual([]);
    expect(getRun(store.db, b, 'run_b')).toBeDefined();
  });
});
