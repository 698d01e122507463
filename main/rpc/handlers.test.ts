// Every API method through dispatch over a real store: its happy path and the shape of its result
// (checkResults is on, so any non-plain result would fail as INTERNAL).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleDoc } from '../db/testing/temp-store.js';
import { delayDoc, failingDoc, harness, type Harness } from './handlers/testing.js';

let h: Harness;
let ws: string;
beforeEach(async () => {
  h = harness();
  ws = (await h.ok('workspaces.create', { name: 'Team' })).id;
});
afterEach(() => h.dispose());

const summaryKeys = ['createdAt', 'description', 'id', 'name', 'tags', 'updatedAt', 'version'];

describe('workspaces', () => {
  it('lists, creates, renames, sets policy and retention, deletes', async () => {
    const list = await h.ok('workspaces.list', {});
    expect(list.map((w) => w.name)).toEqual(['Default', 'Team']);
    const renamed = await h.ok('workspaces.rename', { workspaceId: ws, name: ' Crew ' });
    expect(renamed).toMatchObject({ id: ws, name: 'Crew', policy: {}, runRetention: 200 });
    expect(Object.keys(renamed).sort()).toEqual([
      'createdAt',
      'id',
      'name',
      'policy',
      'runRetention',
      'updatedAt',
    ]);
    const policy = await h.ok('workspaces.setPolicy', {
      workspaceId: ws,
      policy: { deniedNodeTypes: ['core.http'] },
    });
    expect(policy.policy).toEqual({ deniedNodeTypes: ['core.http'] });
    expect(
      (await h.ok('workspaces.setRunRetention', { workspaceId: ws, runRetention: 5 })).runRetention,
    ).toBe(5);
    expect(await h.ok('workspaces.delete', { workspaceId: ws })).toBeNull();
    expect((await h.fail('workflows.list', { workspaceId: ws })).code).toBe('NOT_FOUND');
  });

  it('refuses a duplicate name with a path', async () => {
    const error = await h.fail('workspaces.create', { name: 'team' });
    expect(error).toMatchObject({ code: 'INVALID_INPUT', path: 'name' });
  });
});

describe('workflows', () => {
  it('creates with a note, gets, lists with search, tag and pagination', async () => {
    const created = await h.ok('workflows.create', {
      workspaceId: ws,
      document: sampleDoc({ name: 'Alpha', tags: ['x'] }),
      note: 'first draft',
    });
    expect(Object.keys(created).sort()).toEqual([...summaryKeys, 'document'].sort());
    expect(created).toMatchObject({ name: 'Alpha', tags: ['x'], version: 1 });
    expect(await h.ok('workflows.get', { workspaceId: ws, workflowId: created.id })).toEqual(created);
    await h.ok('workflows.create', { workspaceId: ws, document: sampleDoc({ name: 'Beta' }) });
    await h.ok('workflows.create', { workspaceId: ws, document: sampleDoc({ name: 'Gamma' }) });

    const first = await h.ok('workflows.list', { workspaceId: ws, limit: 2, sort: 'name' });
    expect(first.items.map((w) => w.name)).toEqual(['Alpha', 'Beta']);
    expect(Object.keys(first.items[0]!).sort()).toEqual(summaryKeys);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await h.ok('workflows.list', {
      workspaceId: ws,
      limit: 2,
      sort: 'name',
      cursor: first.nextCursor!,
    });
    expect(second).toEqual({ items: [expect.objectContaining({ name: 'Gamma' })], nextCursor: null });
    expect((await h.ok('workflows.list', { workspaceId: ws, search: 'GAM' })).items).toHaveLength(1);
    expect((await h.ok('workflows.list', { workspaceId: ws, tag: 'x' })).items.map((w) => w.id)).toEqual([
      created.id,
    ]);

    const versions = await h.ok('workflows.versions', { workspaceId: ws, workflowId: created.id });
    expect(versions).toEqual({
      items: [{ version: 1, createdAt: expect.any(Number), note: 'first draft' }],
      nextCursor: null,
    });
  });

  it('updates, pages versions, opens, diffs and restores them', async () => {
    const { id } = await h.ok('workflows.create', { workspaceId: ws, document: sampleDoc() });
    await h.ok('workflows.update', {
      workspaceId: ws,
      workflowId: id,
      expectedVersion: 1,
      document: sampleDoc({ text: 'v2' }),
      note: 'v2',
    });
    const v3 = await h.ok('workflows.update', {
      workspaceId: ws,
      workflowId: id,
      expectedVersion: 2,
      document: sampleDoc({ text: 'v3' }),
    });
    expect(v3.version).toBe(3);

    const page1 = await h.ok('workflows.versions', { workspaceId: ws, workflowId: id, limit: 2 });
    expect(page1.items.map((v) => [v.version, v.note])).toEqual([
      [3, null],
      [2, 'v2'],
    ]);
    const page2 = await h.ok('workflows.versions', {
      workspaceId: ws,
      workflowId: id,
      limit: 2,
      cursor: page1.nextCursor!,
    });
    expect(page2).toEqual({ items: [expect.objectContaining({ version: 1, note: null })], nextCursor: null });

    const v2 = await h.ok('workflows.getVersion', { workspaceId: ws, workflowId: id, version: 2 });
    expect(v2).toMatchObject({ workflowId: id, version: 2, note: 'v2' });
    expect(Object.keys(v2).sort()).toEqual(['createdAt', 'document', 'note', 'version', 'workflowId']);

    const diff = await h.ok('workflows.diff', { workspaceId: ws, workflowId: id, from: 1, to: 2 });
    expect(diff).toMatchObject({ workflowId: id, from: 1, to: 2, nodes: { added: [], removed: [] } });
    expect(diff.nodes.changed).toEqual([
      { id: 'greet', changes: [expect.objectContaining({ path: 'params.values.text', after: 'v2' })] },
    ]);
    expect(diff).not.toHaveProperty('same');

    const restored = await h.ok('workflows.restore', {
      workspaceId: ws,
      workflowId: id,
      version: 1,
      expectedVersion: 3,
    });
    expect(restored.version).toBe(4);
    expect(restored.document).toEqual(
      (await h.ok('workflows.getVersion', { workspaceId: ws, workflowId: id, version: 1 })).document,
    );
  });

  it('answers CONFLICT with the current version for a stale update or restore', async () => {
    const { id } = await h.ok('workflows.create', { workspaceId: ws, document: sampleDoc() });
    await h.ok('workflows.update', {
      workspaceId: ws,
      workflowId: id,
      expectedVersion: 1,
      document: sampleDoc({ text: 'b' }),
    });
    const stale = await h.fail('workflows.update', {
      workspaceId: ws,
      workflowId: id,
      expectedVersion: 1,
      document: sampleDoc({ text: 'c' }),
    });
    expect(stale).toMatchObject({ code: 'CONFLICT', details: { currentVersion: 2 } });
    const staleRestore = await h.fail('workflows.restore', {
      workspaceId: ws,
      workflowId: id,
      version: 1,
      expectedVersion: 1,
    });
    expect(staleRestore).toMatchObject({ code: 'CONFLICT', details: { currentVersion: 2 } });
    expect((await h.ok('workflows.get', { workspaceId: ws, workflowId: id })).version).toBe(2);
  });

  it('duplicates with or without a name, and deletes', async () => {
    const { id } = await h.ok('workflows.create', { workspaceId: ws, document: sampleDoc({ name: 'Orig' }) });
    const copy = await h.ok('workflows.duplicate', { workspaceId: ws, workflowId: id });
    expect(copy).toMatchObject({ name: 'Orig (copy)', version: 1 });
    expect(copy.id).not.toBe(id);
    const named = await h.ok('workflows.duplicate', { workspaceId: ws, workflowId: id, name: ' Fork ' });
    expect(named.name).toBe('Fork');
    expect(named.document.name).toBe('Fork');
    expect(await h.ok('workflows.delete', { workspaceId: ws, workflowId: id })).toBeNull();
    expect((await h.fail('workflows.get', { workspaceId: ws, workflowId: id })).code).toBe('NOT_FOUND');
  });

  it('exports byte-identically with a file name and stripped secrets; import creates a new workflow', async () => {
    const doc = sampleDoc({ name: 'Café Report!' });
    (doc.nodes as Array<Record<string, unknown>>)[1]!.params = { values: { text: 'x', apiKey: 'sk-123' } };
    const { id } = await h.ok('workflows.create', { workspaceId: ws, document: doc });
    const a = await h.ok('workflows.export', { workspaceId: ws, workflowId: id });
    const b = await h.ok('workflows.export', { workspaceId: ws, workflowId: id });
    expect(b.text).toBe(a.text);
    expect(a.fileName).toBe('cafe-report.weft.json');
    expect(a.strippedPaths).toEqual(['nodes[1].params.values.apiKey']);
    expect(a.text).not.toContain('sk-123');
    expect((await h.ok('workflows.export', { workspaceId: ws, workflowId: id, version: 1 })).text).toBe(
      a.text,
    );

    const imported = await h.ok('workflows.import', { workspaceId: ws, text: a.text });
    expect(imported.id).not.toBe(id);
    expect(imported).toMatchObject({ name: 'Café Report!', version: 1 });
    expect(
      (await h.ok('workflows.versions', { workspaceId: ws, workflowId: imported.id })).items[0]!.note,
    ).toBe('imported');
    const bad = await h.fail('workflows.import', { workspaceId: ws, text: '{"nodes": [' });
    expect(bad).toMatchObject({ code: 'INVALID_INPUT', path: '$' });
  });
});

describe('bad input', () => {
  it('answers INVALID_INPUT with the path, never a stack', async () => {
    const error = await h.fail('workflows.list', { workspaceId: ws, limit: 1000 });
    expect(error).toMatchObject({ code: 'INVALID_INPUT', path: 'limit' });
    expect(error.message).not.toMatch(/\.ts:|\n\s+at /);
    expect(await h.fail('workflows.get', { workspaceId: ws, workflowId: 'no spaces allowed' })).toMatchObject(
      {
        code: 'INVALID_INPUT',
        path: 'workflowId',
      },
    );
    expect(await h.fail('workflows.create', { workspaceId: ws, document: { nodes: 'x' } })).toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(
      await h.fail('workflows.versions', { workspaceId: ws, workflowId: 'x', cursor: '!!' }),
    ).toMatchObject({
      code: 'INVALID_INPUT',
      path: 'cursor',
    });
    expect((await h.fail('workflows.nope', {})).code).toBe('UNKNOWN_METHOD');
  });
});

describe('runs', () => {
  it('starts a run that is recorded: get, list, nodeOutputs, rerun, delete', async () => {
    const { id } = await h.ok('workflows.create', { workspaceId: ws, document: sampleDoc() });
    const { runId } = await h.ok('runs.start', { workspaceId: ws, workflowId: id, input: { name: 'Grace' } });
    await h.api.runs.idle();
    const run = await h.ok('runs.get', { workspaceId: ws, runId });
    expect(run).toMatchObject({
      id: runId,
      workflowId: id,
      workflowVersion: 1,
      status: 'succeeded',
      origin: { kind: 'run' },
    });
    expect(run.input).toEqual({ name: 'Grace' });
    expect(run.outputs).toEqual({ greeting: { name: 'Grace', text: 'Hello, Grace!' } });
    expect(Object.keys(run.nodes).sort()).toEqual(['greet', 'result', 'start']);
    expect(run.nodes.greet).toMatchObject({ nodeType: 'core.set', status: 'succeeded', attempts: 1 });

    expect(await h.ok('runs.nodeOutputs', { workspaceId: ws, runId, nodeId: 'greet' })).toEqual({
      runId,
      nodeId: 'greet',
      outputs: { out: { name: 'Grace', text: 'Hello, Grace!' } },
    });
    const again = await h.ok('runs.rerun', { workspaceId: ws, runId });
    await h.api.runs.idle();
    expect(await h.ok('runs.get', { workspaceId: ws, runId: again.runId })).toMatchObject({
      status: 'succeeded',
      origin: { kind: 'rerun', sourceRunId: runId },
      input: { name: 'Grace' },
    });
    const from = await h.ok('runs.start', {
      workspaceId: ws,
      workflowId: id,
      fromNode: { nodeId: 'result', sourceRunId: runId },
    });
    await h.api.runs.idle();
    expect((await h.ok('runs.get', { workspaceId: ws, runId: from.runId })).origin).toEqual({
      kind: 'fromNode',
      nodeId: 'result',
      sourceRunId: runId,
    });

    const list = await h.ok('runs.list', { workspaceId: ws, workflowId: id, limit: 2 });
    expect(list.items).toHaveLength(2);
    expect(list.nextCursor).toEqual(expect.any(String));
    expect(
      await h.ok('runs.list', { workspaceId: ws, workflowId: id, cursor: list.nextCursor! }),
    ).toMatchObject({ items: [{ id: runId }], nextCursor: null });
    expect(await h.ok('runs.cancel', { workspaceId: ws, runId })).toEqual({ cancelled: false });
    expect(await h.ok('runs.delete', { workspaceId: ws, runId })).toBeNull();
    expect((await h.fail('runs.get', { workspaceId: ws, runId })).code).toBe('NOT_FOUND');
  });

  it('cancels a running run', async () => {
    const { id } = await h.ok('workflows.create', { workspaceId: ws, document: delayDoc(10_000) });
    const { runId } = await h.ok('runs.start', { workspaceId: ws, workflowId: id });
    expect(await h.ok('runs.cancel', { workspaceId: ws, runId })).toEqual({ cancelled: true });
    await h.api.runs.idle();
    expect((await h.ok('runs.get', { workspaceId: ws, runId })).status).toBe('cancelled');
  });

  it('answers POLICY_DENIED with the node ids and records no run', async () => {
    const { id } = await h.ok('workflows.create', { workspaceId: ws, document: sampleDoc() });
    await h.ok('workspaces.setPolicy', { workspaceId: ws, policy: { deniedNodeTypes: ['core.set'] } });
    const error = await h.fail('runs.start', { workspaceId: ws, workflowId: id });
    expect(error).toMatchObject({ code: 'POLICY_DENIED', details: { nodeIds: ['greet'] } });
    expect((await h.ok('runs.list', { workspaceId: ws, workflowId: id })).items).toEqual([]);
  });

  it('counts errors with the last run and node, over one workflow when asked', async () => {
    const failing = await h.ok('workflows.create', { workspaceId: ws, document: failingDoc('broken') });
    const fine = await h.ok('workflows.create', { workspaceId: ws, document: sampleDoc() });
    await h.ok('runs.start', { workspaceId: ws, workflowId: failing.id });
    await h.api.runs.idle();
    const last = await h.ok('runs.start', { workspaceId: ws, workflowId: failing.id });
    await h.ok('runs.start', { workspaceId: ws, workflowId: fine.id });
    await h.api.runs.idle();
    const stats = await h.ok('runs.errorStats', { workspaceId: ws });
    expect(stats).toEqual({
      runs: 3,
      entries: [
        {
          nodeType: 'core.fail',
          code: 'NODE_ERROR',
          count: 2,
          lastMessage: 'broken',
          lastAt: expect.any(Number),
          lastRunId: last.runId,
          lastNodeId: 'stop',
        },
      ],
    });
    expect(await h.ok('runs.errorStats', { workspaceId: ws, workflowId: fine.id })).toEqual({
      runs: 1,
      entries: [],
    });
    expect((await h.ok('runs.errorStats', { workspaceId: ws, runs: 1 })).runs).toBe(1);
  });
});

describe('nodeTypes.list', () => {
  it('describes the registry, filtered by the workspace policy', async () => {
    const all = await h.ok('nodeTypes.list', { workspaceId: ws });
    const delay = all.find((t) => t.type === 'core.delay');
    expect(delay).toMatchObject({
      title: 'Delay',
      category: 'Flow',
      plugin: 'core',
      params: { required: ['ms'] },
    });
    expect(Object.keys(delay!).sort()).toEqual(
      [
        'category',
        'description',
        'inputs',
        'outputs',
        'params',
        'plugin',
        'rawParams',
        'tags',
        'title',
        'type',
      ].sort(),
    );
    await h.ok('workspaces.setPolicy', {
      workspaceId: ws,
      policy: {
        allowedNodeTypes: ['core.manual', 'core.delay', 'core.http'],
        deniedNodeTypes: ['core.http'],
      },
    });
    expect((await h.ok('nodeTypes.list', { workspaceId: ws })).map((t) => t.type)).toEqual([
      'core.delay',
      'core.manual',
    ]);
  });
});
