import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getRun, insertRun } from '../db/runs.repo.js';
import { sampleDoc, tempStore } from '../db/testing/temp-store.js';
import { InvalidInputError, NotFoundError, PolicyDeniedError } from '../errors.js';
import { createWorkflow, listVersions } from './workflows.service.js';
import {
  checkPolicy,
  createWorkspace,
  deleteWorkspace,
  ensureDefaultWorkspace,
  getWorkspace,
  getWorkspaceByName,
  listWorkspaces,
  renameWorkspace,
  setRunRetention,
  setWorkspacePolicy,
} from './workspaces.service.js';

let store: ReturnType<typeof tempStore>;
beforeEach(() => (store = tempStore()));
afterEach(() => store.dispose());

function problemPath(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidInputError);
    return (e as InvalidInputError).problems[0]?.path;
  }
  throw new Error('expected InvalidInputError');
}

describe('workspaces', () => {
  it('starts with the Default workspace; ensureDefault returns it rather than making another', () => {
    expect(listWorkspaces(store).map((w) => w.name)).toEqual(['Default']);
    expect(ensureDefaultWorkspace(store).id).toBe(store.defaultWorkspace.id);
    expect(listWorkspaces(store)).toHaveLength(1);
  });

  it('creates, gets, finds by name (any case), lists by name and renames', () => {
    const w = createWorkspace(store, 'Team B');
    expect(w).toMatchObject({ name: 'Team B', policy: {}, runRetention: 200 });
    expect(w.id).toMatch(/^ws_[0-9a-f]{20}$/);
    expect(getWorkspace(store, w.id)).toEqual(w);
    expect(getWorkspaceByName(store, 'team b').id).toBe(w.id);
    createWorkspace(store, 'alpha');
    expect(listWorkspaces(store).map((x) => x.name)).toEqual(['alpha', 'Default', 'Team B']);
    expect(renameWorkspace(store, w.id, 'Team C').name).toBe('Team C');
    expect(renameWorkspace(store, w.id, 'TEAM c').name).toBe('TEAM c'); // its own name in another case is fine
  });

  it('refuses bad and duplicate names with path "name"', () => {
    expect(problemPath(() => createWorkspace(store, ''))).toBe('name');
    expect(problemPath(() => createWorkspace(store, '   '))).toBe('name');
    expect(problemPath(() => createWorkspace(store, 'x'.repeat(101)))).toBe('name');
    expect(createWorkspace(store, 'x'.repeat(100)).name).toHaveLength(100);
    expect(problemPath(() => createWorkspace(store, 'DEFAULT'))).toBe('name');
    const w = createWorkspace(store, 'B');
    expect(problemPath(() => renameWorkspace(store, w.id, 'default'))).toBe('name');
    expect(problemPath(() => createWorkspace(store, 42 as unknown as string))).toBe('name');
  });

  it('answers not found for unknown ids and names', () => {
    expect(() => getWorkspace(store, 'ws_nope')).toThrow(NotFoundError);
    expect(() => getWorkspaceByName(store, 'nope')).toThrow(NotFoundError);
    expect(() => renameWorkspace(store, 'ws_nope', 'x')).toThrow(NotFoundError);
    expect(() => deleteWorkspace(store, 'ws_nope')).toThrow(NotFoundError);
    expect(() => setWorkspacePolicy(store, 'ws_nope', {})).toThrow(NotFoundError);
    expect(() => setRunRetention(store, 'ws_nope', 5)).toThrow(NotFoundError);
    expect(() => checkPolicy(store, 'ws_nope', { nodes: [] })).toThrow(NotFoundError);
  });

  it('deletes a workspace with its workflows, versions, tags and runs, and nothing of another', () => {
    const w = createWorkspace(store, 'Doomed');
    const wf = createWorkflow(store, w.id, sampleDoc({ tags: ['t'] }));
    insertRun(store.db, w.id, {
      id: 'r1',
      workflowId: wf.id,
      workflowVersion: 1,
      origin: { kind: 'run' },
      startedAt: 1,
    });
    const kept = createWorkflow(store, store.defaultWorkspace.id, sampleDoc());
    deleteWorkspace(store, w.id);
    expect(() => getWorkspace(store, w.id)).toThrow(NotFoundError);
    expect(getRun(store.db, w.id, 'r1')).toBeUndefined();
    for (const table of ['workflows', 'workflow_versions', 'workflow_tags', 'runs']) {
      expect(store.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE workspace_id = ?`).get(w.id)).toEqual(
        { n: 0 },
      );
    }
    expect(listVersions(store, store.defaultWorkspace.id, kept.id)).toHaveLength(1);
  });

  it('keeps a policy and checks documents against it, naming the denied nodes', () => {
    const ws = store.defaultWorkspace.id;
    const doc = {
      nodes: [
        { id: 'a', type: 'core.http' },
        { id: 'b', type: 'core.set' },
        { id: 'c', type: 'core.http' },
      ],
    };
    checkPolicy(store, ws, doc); // no policy: everything runs
    expect(setWorkspacePolicy(store, ws, { deniedNodeTypes: ['core.http', 'core.http'] }).policy).toEqual({
      deniedNodeTypes: ['core.http'],
    });
    try {
      checkPolicy(store, ws, doc);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PolicyDeniedError);
      expect((e as PolicyDeniedError).nodeIds).toEqual(['a', 'c']);
      expect((e as PolicyDeniedError).code).toBe('POLICY_DENIED');
    }
    setWorkspacePolicy(store, ws, { allowedNodeTypes: ['core.set', 'core.http'] });
    checkPolicy(store, ws, doc);
    setWorkspacePolicy(store, ws, { allowedNodeTypes: ['core.set'] });
    expect(() => checkPolicy(store, ws, doc)).toThrow(/nodes a, c/);
    // An empty list is no restriction, not "nothing allowed", and is not kept.
    expect(setWorkspacePolicy(store, ws, { allowedNodeTypes: [], deniedNodeTypes: [] }).policy).toEqual({});
    checkPolicy(store, ws, doc);
    expect(
      problemPath(() =>
        setWorkspacePolicy(store, ws, { allowedNodeTypes: 'core.set' as unknown as string[] }),
      ),
    ).toBe('allowedNodeTypes');
    expect(problemPath(() => setWorkspacePolicy(store, ws, { deniedNodeTypes: [''] }))).toBe(
      'deniedNodeTypes',
    );
  });

  it('sets run retention to a whole number of at least 1', () => {
    const ws = store.defaultWorkspace.id;
    expect(setRunRetention(store, ws, 3).runRetention).toBe(3);
    for (const bad of [0, -1, 1.5, Number.NaN])
      expect(problemPath(() => setRunRetention(store, ws, bad))).toBe('runRetention');
  });
});
