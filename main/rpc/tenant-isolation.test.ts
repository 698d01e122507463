// Tenant isolation through dispatch: every method that takes a workflow or run id, called in workspace
// A with workspace B's ids, answers exactly what it answers for ids that exist nowhere (NOT_FOUND, the
// same message but for the id itself), reveals nothing of B, and changes nothing of B.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiError, ApiMethod } from '../../preload/contract.js';
import { sampleDoc } from '../db/testing/temp-store.js';
import { delayDoc, harness, type Harness } from './handlers/testing.js';

let h: Harness;
let a: string;
let b: string;
let mine: { workflowId: string; runId: string };
let theirs: { workflowId: string; runId: string };
const ghost = { workflowId: 'wf_ghost000000000000000', runId: 'run_ghost00000000000000' };

beforeEach(async () => {
  h = harness();
  a = (await h.ok('workspaces.create', { name: 'A' })).id;
  b = (await h.ok('workspaces.create', { name: 'B' })).id;
  const secret = sampleDoc({ name: 'Secret plans', description: 'hush', tags: ['classified'] });
  const wfB = await h.ok('workflows.create', { workspaceId: b, document: secret });
  await h.ok('workflows.update', {
    workspaceId: b,
    workflowId: wfB.id,
    expectedVersion: 1,
    document: { ...secret, description: 'v2' },
  });
  const runB = await h.ok('runs.start', { workspaceId: b, workflowId: wfB.id });
  const wfA = await h.ok('workflows.create', { workspaceId: a, document: sampleDoc({ name: 'Mine' }) });
  const runA = await h.ok('runs.start', { workspaceId: a, workflowId: wfA.id });
  await h.api.runs.idle();
  theirs = { workflowId: wfB.id, runId: runB.runId };
  mine = { workflowId: wfA.id, runId: runA.runId };
});
afterEach(() => h.dispose());

type Ids = { workflowId: string; runId: string };
const doc = () => sampleDoc({ name: 'Overwrite' });

const cases: Array<[label: string, method: ApiMethod, input: (ids: Ids) => Record<string, unknown>]> = [
  ['workflows.get', 'workflows.get', ({ workflowId }) => ({ workflowId })],
  [
    'workflows.update',
    'workflows.update',
    ({ workflowId }) => ({ workflowId, expectedVersion: 2, document: doc() }),
  ],
  [
    'workflows.update (stale)',
    'workflows.update',
    ({ workflowId }) => ({ workflowId, expectedVersion: 1, document: doc() }),
  ],
  ['workflows.versions', 'workflows.versions', ({ workflowId }) => ({ workflowId })],
  ['workflows.getVersion', 'workflows.getVersion', ({ workflowId }) => ({ workflowId, version: 1 })],
  [
    'workflows.restore',
    'workflows.restore',
    ({ workflowId }) => ({ workflowId, version: 1, expectedVersion: 2 }),
  ],
  ['workflows.diff', 'workflows.diff', ({ workflowId }) => ({ workflowId, from: 1, to: 2 })],
  ['workflows.duplicate', 'workflows.duplicate', ({ workflowId }) => ({ workflowId, name: 'Stolen' })],
  ['workflows.delete', 'workflows.delete', ({ workflowId }) => ({ workflowId })],
  ['workflows.export', 'workflows.export', ({ workflowId }) => ({ workflowId })],
  ['workflows.export (version)', 'workflows.export', ({ workflowId }) => ({ workflowId, version: 1 })],
  ['runs.start', 'runs.start', ({ workflowId }) => ({ workflowId })],
  [
    'runs.start (fromNode of their run)',
    'runs.start',
    ({ runId }) => ({ workflowId: mine.workflowId, fromNode: { nodeId: 'result', sourceRunId: runId } }),
  ],
  ['runs.rerun', 'runs.rerun', ({ runId }) => ({ runId })],
  ['runs.cancel', 'runs.cancel', ({ runId }) => ({ runId })],
  ['runs.list', 'runs.list', ({ workflowId }) => ({ workflowId })],
  ['runs.get', 'runs.get', ({ runId }) => ({ runId })],
  ['runs.nodeOutputs', 'runs.nodeOutputs', ({ runId }) => ({ runId, nodeId: 'greet' })],
  ['runs.delete', 'runs.delete', ({ runId }) => ({ runId })],
  ['runs.errorStats (workflowId)', 'runs.errorStats', ({ workflowId }) => ({ workflowId })],
  ['runs.subscribe', 'runs.subscribe', ({ runId }) => ({ runId })],
  ['runs.unsubscribe', 'runs.unsubscribe', ({ runId }) => ({ runId })],
];

/** The error with B's ids written as the ghost ids, so the two answers can be compared whole. */
function normalised(error: ApiError): string {
  return JSON.stringify(error)
    .replaceAll(theirs.workflowId, ghost.workflowId)
    .replaceAll(theirs.runId, ghost.runId);
}

async function expectBUntouched(): Promise<void> {
  expect(await h.ok('workflows.get', { workspaceId: b, workflowId: theirs.workflowId })).toMatchObject({
    version: 2,
    name: 'Secret plans',
  });
  expect((await h.ok('runs.get', { workspaceId: b, runId: theirs.runId })).status).toBe('succeeded');
  expect((await h.ok('workflows.list', { workspaceId: b })).items).toHaveLength(1);
  expect((await h.ok('runs.list', { workspaceId: b, workflowId: theirs.workflowId })).items).toHaveLength(1);
}

describe('tenant isolation through dispatch', () => {
  it.each(cases)(
    '%s with another workspace’s id answers as for an unknown id',
    async (_label, method, input) => {
      const other = await h.fail(method, { workspaceId: a, ...input(theirs) });
      const none = await h.fail(method, { workspaceId: a, ...input(ghost) });
      expect(other.code).toBe('NOT_FOUND');
      expect(normalised(other)).toBe(JSON.stringify(none));
      expect(JSON.stringify(other)).not.toMatch(/Secret|hush|classified/);
      await expectBUntouched();
      expect(h.events).toEqual([]);
    },
  );

  it('covers every method that takes a workflow or run id', () => {
    const covered = new Set(cases.map(([, method]) => method));
    const withIds = [
      'workflows.get',
      'workflows.update',
      'workflows.versions',
      'workflows.getVersion',
      'workflows.restore',
      'workflows.diff',
      'workflows.duplicate',
      'workflows.delete',
      'workflows.export',
      'runs.start',
      'runs.rerun',
      'runs.cancel',
      'runs.list',
      'runs.get',
      'runs.nodeOutputs',
      'runs.delete',
      'runs.errorStats',
      'runs.subscribe',
      'runs.unsubscribe',
    ];
    expect(withIds.filter((m) => !covered.has(m as ApiMethod))).toEqual([]);
  });

  it('a live run of B can be neither cancelled, followed nor deleted from A', async () => {
    const slow = await h.ok('workflows.create', { workspaceId: b, document: delayDoc(10_000) });
    const { runId } = await h.ok('runs.start', { workspaceId: b, workflowId: slow.id });
    for (const method of ['runs.cancel', 'runs.subscribe', 'runs.delete', 'runs.get'] as const) {
      expect((await h.fail(method, { workspaceId: a, runId })).code).toBe('NOT_FOUND');
    }
    expect(h.events).toEqual([]);
    expect((await h.ok('runs.get', { workspaceId: b, runId })).status).toBe('running');
    expect(await h.ok('runs.cancel', { workspaceId: b, runId })).toEqual({ cancelled: true });
  });

  it('a workspace that does not exist is NOT_FOUND for every workspace-scoped method', async () => {
    const missing = { workspaceId: 'ws_missing' };
    for (const [method, input] of [
      ['workflows.list', {}],
      ['workflows.create', { document: sampleDoc() }],
      ['workflows.get', { workflowId: theirs.workflowId }],
      ['runs.get', { runId: theirs.runId }],
      ['nodeTypes.list', {}],
      ['workspaces.rename', { name: 'X' }],
    ] as const) {
      expect(await h.fail(method, { ...missing, ...input })).toEqual({
        code: 'NOT_FOUND',
        message: 'workspace "ws_missing" not found',
      });
    }
  });
});
