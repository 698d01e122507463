import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getRun, insertRun } from '../db/runs.repo.js';
import { sampleDoc, tempStore } from '../db/testing/temp-store.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.js';
import {
  createWorkflow,
  deleteWorkflow,
  diffVersions,
  duplicateWorkflow,
  exportWorkflow,
  getVersion,
  getWorkflow,
  importWorkflow,
  listVersions,
  listWorkflows,
  restoreVersion,
  updateWorkflow,
  type ListOptions,
} from './workflows.service.js';

let store: ReturnType<typeof tempStore>;
let ws: string;
beforeEach(() => {
  store = tempStore();
  ws = store.defaultWorkspace.id;
});
afterEach(() => store.dispose());

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

const count = (table: string) =>
  (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('create and get', () => {
  it('stores a valid document as version 1 with name, description and tags from it', () => {
    const wf = createWorkflow(
      store,
      ws,
      sampleDoc({ name: 'Hello', description: 'says hi', tags: ['demo', 'a'] }),
    );
    expect(wf.id).toMatch(/^wf_[0-9a-f]{20}$/);
    expect(wf).toMatchObject({ version: 1, name: 'Hello', description: 'says hi', tags: ['a', 'demo'] });
    expect(wf.document.nodes.map((n) => n.id)).toEqual(['start', 'greet', 'result']);
    expect(getWorkflow(store, ws, wf.id)).toEqual(wf);
    expect(listVersions(store, ws, wf.id)).toEqual([{ version: 1, createdAt: wf.createdAt, note: null }]);
  });

  it('names a nameless workflow "Untitled workflow"', () => {
    const { name: _name, ...doc } = sampleDoc();
    expect(createWorkflow(store, ws, doc).name).toBe('Untitled workflow');
  });

  it('refuses an invalid document with every problem and its path, writing nothing', () => {
    const doc = sampleDoc();
    (doc.nodes as Array<Record<string, unknown>>).push(
      { id: 'x', type: 'core.nope' },
      { id: 'start', type: 'core.set' },
    );
    const e = thrown(() => createWorkflow(store, ws, doc)) as InvalidInputError;
    expect(e).toBeInstanceOf(InvalidInputError);
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.problems.length).toBeGreaterThanOrEqual(2);
    expect(e.problems.map((p) => p.path)).toContain('nodes[3].type');
    expect(thrown(() => createWorkflow(store, ws, 'not a doc'))).toBeInstanceOf(InvalidInputError);
    expect(count('workflows')).toBe(0);
  });

  it('answers not found for a missing workflow or workspace', () => {
    expect(thrown(() => getWorkflow(store, ws, 'wf_nope'))).toBeInstanceOf(NotFoundError);
    expect(thrown(() => createWorkflow(store, 'ws_nope', sampleDoc()))).toBeInstanceOf(NotFoundError);
  });
});

describe('update, versions, restore, diff', () => {
  it('saves each update as the next version and keeps every version', () => {
    const wf = createWorkflow(store, ws, sampleDoc({ tags: ['old'] }));
    const v2 = updateWorkflow(
      store,
      ws,
      wf.id,
      sampleDoc({ name: 'Renamed', text: 'Hi!', tags: ['new'] }),
      1,
    );
    expect(v2).toMatchObject({ version: 2, name: 'Renamed', tags: ['new'] });
    expect(v2.updatedAt).toBeGreaterThanOrEqual(wf.updatedAt);
    expect(listVersions(store, ws, wf.id).map((v) => v.version)).toEqual([2, 1]);
    expect(getVersion(store, ws, wf.id, 1).document.name).toBe('Greeting');
    expect(getVersion(store, ws, wf.id, 2).document.name).toBe('Renamed');
    expect(thrown(() => getVersion(store, ws, wf.id, 3))).toBeInstanceOf(NotFoundError);
    expect(thrown(() => getVersion(store, ws, wf.id, 0))).toBeInstanceOf(InvalidInputError);
  });

  it('refuses a stale save with the current version and writes nothing', () => {
    const wf = createWorkflow(store, ws, sampleDoc());
    updateWorkflow(store, ws, wf.id, sampleDoc({ text: 'A' }), 1);
    const before = {
      wf: getWorkflow(store, ws, wf.id),
      versions: count('workflow_versions'),
      tags: count('workflow_tags'),
    };
    const e = thrown(() =>
      updateWorkflow(store, ws, wf.id, sampleDoc({ text: 'B', tags: ['x'] }), 1),
    ) as ConflictError;
    expect(e).toBeInstanceOf(ConflictError);
    expect(e.code).toBe('CONFLICT');
    expect(e.currentVersion).toBe(2);
    expect(e.toInfo().details).toEqual({ currentVersion: 2 });
    expect(getWorkflow(store, ws, wf.id)).toEqual(before.wf);
    expect(count('workflow_versions')).toBe(before.versions);
    expect(count('workflow_tags')).toBe(before.tags);
    expect(thrown(() => updateWorkflow(store, ws, wf.id, sampleDoc(), 3))).toBeInstanceOf(ConflictError);
    expect(thrown(() => updateWorkflow(store, ws, 'wf_nope', sampleDoc(), 1))).toBeInstanceOf(NotFoundError);
    expect(thrown(() => updateWorkflow(store, ws, wf.id, { nope: 1 }, 2))).toBeInstanceOf(InvalidInputError);
    expect(thrown(() => updateWorkflow(store, ws, wf.id, sampleDoc(), 1.5))).toBeInstanceOf(
      InvalidInputError,
    );
  });

  it('restores an old version as a new one, with a note, and checks expectedVersion', () => {
    const wf = createWorkflow(store, ws, sampleDoc({ text: 'one' }));
    updateWorkflow(store, ws, wf.id, sampleDoc({ text: 'two' }), 1);
    expect(thrown(() => restoreVersion(store, ws, wf.id, 1, 1))).toBeInstanceOf(ConflictError);
    const r = restoreVersion(store, ws, wf.id, 1, 2);
    expect(r.version).toBe(3);
    expect(r.document).toEqual(getVersion(store, ws, wf.id, 1).document);
    expect(listVersions(store, ws, wf.id)[0]).toMatchObject({ version: 3, note: 'restored from version 1' });
    expect(thrown(() => restoreVersion(store, ws, wf.id, 9, 3))).toBeInstanceOf(NotFoundError);
    expect(getWorkflow(store, ws, wf.id).version).toBe(3);
  });

  it('diffs two versions by node and edge', () => {
    const wf = createWorkflow(store, ws, sampleDoc({ text: 'one' }));
    const doc = sampleDoc({ text: 'two' });
    (doc.nodes as unknown[]).push({ id: 'extra', type: 'core.manual' });
    updateWorkflow(store, ws, wf.id, doc, 1);
    const d = diffVersions(store, ws, wf.id, 1, 2);
    expect(d.nodes.added).toEqual(['extra']);
    expect(d.nodes.removed).toEqual([]);
    expect(d.nodes.changed.map((c) => c.id)).toEqual(['greet']);
    expect(d.edges).toMatchObject({ added: [], removed: [] });
    expect(thrown(() => diffVersions(store, ws, wf.id, 1, 5))).toBeInstanceOf(NotFoundError);
  });
});

describe('duplicate, delete, export, import', () => {
  it('duplicates under a new id named "<name> (copy)" at version 1', () => {
    const wf = createWorkflow(store, ws, sampleDoc({ name: 'Hello', tags: ['t'] }));
    updateWorkflow(store, ws, wf.id, sampleDoc({ name: 'Hello', text: 'v2', tags: ['t'] }), 1);
    const copy = duplicateWorkflow(store, ws, wf.id);
    expect(copy.id).not.toBe(wf.id);
    expect(copy).toMatchObject({ name: 'Hello (copy)', version: 1, tags: ['t'] });
    expect(copy.document.name).toBe('Hello (copy)');
    expect(copy.document.nodes).toEqual(getWorkflow(store, ws, wf.id).document.nodes);
    expect(thrown(() => duplicateWorkflow(store, ws, 'wf_nope'))).toBeInstanceOf(NotFoundError);
  });

  it('deletes a workflow with its versions, tags and runs', () => {
    const wf = createWorkflow(store, ws, sampleDoc({ tags: ['t'] }));
    insertRun(store.db, ws, {
      id: 'r',
      workflowId: wf.id,
      workflowVersion: 1,
      origin: { kind: 'run' },
      startedAt: 1,
    });
    deleteWorkflow(store, ws, wf.id);
    expect(thrown(() => getWorkflow(store, ws, wf.id))).toBeInstanceOf(NotFoundError);
    expect([count('workflow_versions'), count('workflow_tags'), count('runs')]).toEqual([0, 0, 0]);
    expect(getRun(store.db, ws, 'r')).toBeUndefined();
    expect(thrown(() => deleteWorkflow(store, ws, wf.id))).toBeInstanceOf(NotFoundError);
  });

  it('exports byte-identically, any version, and imports the export as a new workflow', () => {
    const wf = createWorkflow(store, ws, sampleDoc({ name: 'Exp' }));
    updateWorkflow(store, ws, wf.id, sampleDoc({ name: 'Exp', text: 'v2' }), 1);
    const text = exportWorkflow(store, ws, wf.id);
    expect(exportWorkflow(store, ws, wf.id)).toBe(text);
    expect(text).toContain('v2');
    expect(exportWorkflow(store, ws, wf.id, 1)).not.toContain('v2');
    const { id } = importWorkflow(store, ws, text);
    expect(id).not.toBe(wf.id);
    expect(getWorkflow(store, ws, id)).toMatchObject({ name: 'Exp', version: 1 });
    expect(exportWorkflow(store, ws, id)).toBe(text);
    expect(thrown(() => exportWorkflow(store, ws, 'wf_nope'))).toBeInstanceOf(NotFoundError);
  });

  it('refuses a bad import and writes nothing', () => {
    const before = count('workflows');
    expect(thrown(() => importWorkflow(store, ws, '{"format":'))).toMatchObject({ code: 'INVALID_INPUT' });
    expect(thrown(() => importWorkflow(store, ws, '{"__proto__": {"x": 1}}'))).toMatchObject({
      code: 'INVALID_INPUT',
    });
    const missing: Record<string, unknown> = {
      ...sampleDoc(),
      requires: [{ plugin: 'weft-plugin-nope', version: '^1.0.0' }],
    };
    (missing.nodes as unknown[]).push({ id: 'p', type: 'nope.thing' });
    expect(
      (thrown(() => importWorkflow(store, ws, JSON.stringify(missing))) as { code: string }).code,
    ).toMatch(/MISSING_PLUGINS|INVALID_INPUT/);
    expect(
      thrown(() =>
        importWorkflow(
          store,
          'ws_nope',
          exportWorkflow(store, ws, createWorkflow(store, ws, sampleDoc()).id),
        ),
      ),
    ).toBeInstanceOf(NotFoundError);
    expect(count('workflows')).toBe(before + 1);
  });
});

describe('list', () => {
  const N = 250;
  const nameOf = (i: number) => `Flow ${String(i).padStart(3, '0')}`;
  beforeEach(() => {
    for (let i = 0; i < N; i++) {
      createWorkflow(
        store,
        ws,
        sampleDoc({
          name: nameOf(i),
          description: i % 5 === 0 ? 'Has ALPHA inside' : '',
          tags: i % 2 === 0 ? ['even'] : ['odd'],
        }),
      );
    }
  });

  function all(opts: Omit<ListOptions, 'cursor'>, between?: (page: number) => void): string[] {
    const names: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 1000; page++) {
      const res = listWorkflows(store, ws, { ...opts, cursor });
      expect(res.items.length).toBeLessThanOrEqual(opts.limit ?? 50);
      for (const item of res.items) expect(item).not.toHaveProperty('document');
      names.push(...res.items.map((w) => w.name));
      if (!res.nextCursor) return names;
      cursor = res.nextCursor;
      between?.(page);
    }
    throw new Error('too many pages');
  }

  it('pages through everything by name, each item once, in order', () => {
    const names = all({ sort: 'name', limit: 7 });
    expect(names).toEqual(Array.from({ length: N }, (_, i) => nameOf(i)));
  });

  it('pages newest first by default, with 50 a page, each item once', () => {
    const first = listWorkflows(store, ws);
    expect(first.items).toHaveLength(50);
    const names = all({ limit: 13 });
    expect(names).toHaveLength(N);
    expect(new Set(names).size).toBe(N);
    const updated = listWorkflows(store, ws, { limit: 200 }).items.map((w) => w.updatedAt);
    expect([...updated].sort((a, b) => b - a)).toEqual(updated);
  });

  it('stays complete and duplicate-free when workflows are added between pages', () => {
    for (const sort of ['updated', 'name'] as const) {
      const added: string[] = [];
      const names = all({ sort, limit: 20 }, (page) => {
        const name = `Flow ${String(page * 20 + 5).padStart(3, '0')}b ${sort}`;
        added.push(name);
        createWorkflow(store, ws, sampleDoc({ name }));
      });
      const original = names.filter((n) => !n.includes('b '));
      expect(new Set(names).size).toBe(names.length);
      expect(original.sort()).toEqual(Array.from({ length: N }, (_, i) => nameOf(i)));
    }
  });

  it('filters by search in name or description (any case) and by tag, combined with either sort', () => {
    const alpha = Array.from({ length: N }, (_, i) => i)
      .filter((i) => i % 5 === 0)
      .map(nameOf);
    expect(all({ sort: 'name', limit: 9, search: 'alpha' })).toEqual(alpha);
    expect(all({ sort: 'name', limit: 9, search: 'flow 01' })).toEqual(
      Array.from({ length: 10 }, (_, i) => nameOf(10 + i)),
    );
    expect(all({ sort: 'name', limit: 9, tag: 'even', search: 'ALPHA' })).toEqual(
      alpha.filter((_, k) => k % 2 === 0),
    );
    expect(all({ limit: 11, tag: 'odd' })).toHaveLength(N / 2);
    expect(all({ limit: 11, tag: 'none' })).toEqual([]);
    expect(listWorkflows(store, ws, { tag: 'even', limit: 1 }).items[0]?.tags).toEqual(['even']);
  });

  it('refuses a bad limit or cursor with its path', () => {
    for (const limit of [0, 201, 2.5])
      expect(thrown(() => listWorkflows(store, ws, { limit }))).toMatchObject({ path: 'limit' });
    expect(thrown(() => listWorkflows(store, ws, { cursor: 'garbage' }))).toMatchObject({ path: 'cursor' });
    const byName = listWorkflows(store, ws, { sort: 'name', limit: 1 }).nextCursor!;
    expect(thrown(() => listWorkflows(store, ws, { cursor: byName, sort: 'updated' }))).toMatchObject({
      path: 'cursor',
    });
  });
});
