import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore } from './testing/temp-store.js';
import { getTagsOf, getWorkflowTags, setWorkflowTags } from './workflow-tags.repo.js';
import { getVersion, insertVersion, listVersions } from './workflow-versions.repo.js';
import {
  deleteWorkflow,
  getWorkflow,
  getWorkflowVersion,
  insertWorkflow,
  listWorkflows,
  updateWorkflow,
} from './workflows.repo.js';

let store: ReturnType<typeof tempStore>;
let ws: string;
beforeEach(() => {
  store = tempStore();
  ws = store.defaultWorkspace.id;
  insertWorkflow(store.db, ws, {
    id: 'w1',
    name: 'One',
    description: 'first',
    version: 1,
    document: '{}',
    at: 10,
  });
});
afterEach(() => store.dispose());

describe('workflows.repo', () => {
  it('inserts, gets and deletes, scoped by workspace', () => {
    expect(getWorkflow(store.db, ws, 'w1')).toEqual({
      id: 'w1',
      name: 'One',
      description: 'first',
      version: 1,
      document: '{}',
      createdAt: 10,
      updatedAt: 10,
    });
    expect(getWorkflow(store.db, 'ws_other', 'w1')).toBeUndefined();
    expect(getWorkflowVersion(store.db, ws, 'w1')).toBe(1);
    expect(deleteWorkflow(store.db, 'ws_other', 'w1')).toBe(false);
    expect(deleteWorkflow(store.db, ws, 'w1')).toBe(true);
    expect(getWorkflowVersion(store.db, ws, 'w1')).toBeUndefined();
  });

  it('updates only from the expected version (compare-and-set)', () => {
    const row = { name: 'Two', description: '', version: 2, document: '{"v":2}', at: 20 };
    expect(updateWorkflow(store.db, ws, 'w1', { ...row, expectedVersion: 5 })).toBe(false);
    expect(updateWorkflow(store.db, ws, 'w1', { ...row, expectedVersion: 1 })).toBe(true);
    expect(updateWorkflow(store.db, ws, 'w1', { ...row, expectedVersion: 1 })).toBe(false);
    expect(getWorkflow(store.db, ws, 'w1')).toMatchObject({
      name: 'Two',
      version: 2,
      updatedAt: 20,
      createdAt: 10,
    });
  });

  it('lists one row past the limit, so callers know a next page exists', () => {
    insertWorkflow(store.db, ws, {
      id: 'w2',
      name: 'two',
      description: '',
      version: 1,
      document: '{}',
      at: 10,
    });
    expect(listWorkflows(store.db, ws, { sort: 'name', limit: 1 }).map((r) => r.id)).toEqual(['w1', 'w2']);
    expect(
      listWorkflows(store.db, ws, {
        sort: 'updated',
        limit: 5,
        after: { sort: 'updated', updatedAt: 10, id: 'w1' },
      }).map((r) => r.id),
    ).toEqual(['w2']);
  });
});

describe('workflow-tags.repo and workflow-versions.repo', () => {
  it('replaces tags and reads them for one or many workflows', () => {
    setWorkflowTags(store.db, ws, 'w1', ['b', 'a', 'a']);
    expect(getWorkflowTags(store.db, ws, 'w1')).toEqual(['a', 'b']);
    setWorkflowTags(store.db, ws, 'w1', ['c']);
    expect(getTagsOf(store.db, ws, ['w1', 'zz'])).toEqual(
      new Map([
        ['w1', ['c']],
        ['zz', []],
      ]),
    );
    expect(getTagsOf(store.db, ws, [])).toEqual(new Map());
    expect(getWorkflowTags(store.db, 'ws_other', 'w1')).toEqual([]);
  });

  it('keeps versions, newest first, and refuses a duplicate version number', () => {
    insertVersion(store.db, ws, 'w1', { version: 1, document: '{}', at: 10 });
    insertVersion(store.db, ws, 'w1', { version: 2, document: '{"v":2}', at: 20, note: 'n' });
    expect(listVersions(store.db, ws, 'w1')).toEqual([
      { version: 2, createdAt: 20, note: 'n' },
      { version: 1, createdAt: 10, note: null },
    ]);
    expect(getVersion(store.db, ws, 'w1', 2)?.document).toBe('{"v":2}');
    expect(getVersion(store.db, 'ws_other', 'w1', 2)).toBeUndefined();
    expect(() => insertVersion(store.db, ws, 'w1', { version: 2, document: '{}', at: 30 })).toThrow(
      /UNIQUE|PRIMARY/,
    );
    expect(() => insertVersion(store.db, ws, 'nope', { version: 1, document: '{}', at: 30 })).toThrow(
      /FOREIGN KEY/,
    );
  });
});
