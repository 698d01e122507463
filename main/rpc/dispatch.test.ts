import { describe, expect, it, vi } from 'vitest';
import { WorkflowInvalidError } from '../../engine/model/problem.js';
import { contract, type ApiError, type ApiMethod } from '../../preload/contract.js';
import {
  ConflictError,
  DatabaseTooNewError,
  InvalidInputError,
  MissingPluginsError,
  NotFoundError,
  PolicyDeniedError,
  WeftError,
} from '../errors.js';
import { createDispatcher, INTERNAL_MESSAGE, type CallContext, type Handlers } from './dispatch.js';
import { createRunSubscriptions } from './events.js';
import { createWorkspaceChanges, createWorkspaceWatch } from './workspace-changes.js';

const notCalled = () => {
  throw new Error('not called in this test');
};

/** A complete handler map whose methods fail unless a test overrides them. */
function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const all = Object.fromEntries(Object.keys(contract).map((m) => [m, notCalled])) as unknown as Handlers;
  return { ...all, ...overrides };
}

const ctx: CallContext = {
  subscriptions: createRunSubscriptions({ snapshotOf: () => undefined, listen: () => () => {} }, () => {}),
  watch: createWorkspaceWatch(createWorkspaceChanges(), () => {}),
};

const workspace = {
  id: 'ws-1',
  name: 'Team',
  policy: {},
  runRetention: 200,
  createdAt: 1,
  updatedAt: 1,
};

function setup(overrides: Partial<Handlers> = {}) {
  const logger = { error: vi.fn() };
  const dispatch = createDispatcher(handlers(overrides), {
    workspaceExists: (id) => id === 'ws-1',
    logger,
    checkResults: true,
  });
  return { dispatch, logger };
}

async function errorOf(response: Promise<{ ok: boolean; error?: ApiError }>): Promise<ApiError> {
  const r = await response;
  expect(r.ok).toBe(false);
  return r.error!;
}

describe('dispatch: routing', () => {
  it('calls the method with the parsed input (defaults applied) and answers its result', async () => {
    const list = vi.fn(() => ({ items: [], nextCursor: null }));
    const { dispatch } = setup({ 'workflows.list': list });
    const r = await dispatch('workflows.list', { workspaceId: 'ws-1', search: 'x' }, ctx);
    expect(r).toEqual({ ok: true, result: { items: [], nextCursor: null } });
    expect(list).toHaveBeenCalledWith({ workspaceId: 'ws-1', search: 'x', limit: 50, sort: 'updated' }, ctx);
  });

  it('awaits async handlers; workspace management needs no workspace', async () => {
    const { dispatch } = setup({ 'workspaces.create': async ({ name }) => ({ ...workspace, name }) });
    expect(await dispatch('workspaces.create', { name: ' New ' }, ctx)).toEqual({
      ok: true,
      result: { ...workspace, name: 'New' },
    });
  });

  it('answers UNKNOWN_METHOD for names outside the contract, inherited ones included', async () => {
    const { dispatch } = setup();
    for (const name of ['workflows.drop', 'toString', '__proto__', 'constructor', '']) {
      expect((await errorOf(dispatch(name, {}, ctx))).code).toBe('UNKNOWN_METHOD');
    }
  });
});

describe('dispatch: input', () => {
  it('answers INVALID_INPUT with the path of the first problem and every problem in details', async () => {
    const { dispatch } = setup();
    const e = await errorOf(
      dispatch('runs.start', { workspaceId: 'ws-1', workflowId: 'wf', fromNode: { nodeId: 'a b' }, bogus: 1 }, ctx),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.path).toBe('fromNode.nodeId');
    expect(e.details?.problems).toEqual([
      expect.objectContaining({ path: 'fromNode.nodeId', code: 'INVALID_VALUE' }),
      { path: 'fromNode.sourceRunId', message: 'required', code: 'REQUIRED' },
      { path: 'bogus', message: 'unknown key', code: 'UNKNOWN_KEY' },
    ]);
  });

  it('names the path of limits and missing fields', async () => {
    const { dispatch } = setup();
    expect((await errorOf(dispatch('workflows.list', { workspaceId: 'ws-1', limit: 500 }, ctx))).path).toBe('limit');
    expect((await errorOf(dispatch('workflows.get', { workspaceId: 'ws-1' }, ctx))).path).toBe('workflowId');
    const policy = { deniedNodeTypes: ['ok', ''] };
    expect((await errorOf(dispatch('workspaces.setPolicy', { workspaceId: 'ws-1', policy }, ctx))).path).toBe(
      'policy.deniedNodeTypes[1]',
    );
    expect((await errorOf(dispatch('workspaces.list', null, ctx))).path).toBe('$');
  });

  it('answers NOT_FOUND for a workspace that does not exist, as for any missing record', async () => {
    const get = vi.fn();
    const { dispatch } = setup({ 'workflows.get': get });
    const e = await errorOf(dispatch('workflows.get', { workspaceId: 'ws-2', workflowId: 'wf' }, ctx));
    expect(e).toEqual(new NotFoundError('workspace', 'ws-2').toInfo());
    expect(get).not.toHaveBeenCalled();
  });
});

describe('dispatch: errors', () => {
  const kinds: Array<[string, WeftError]> = [
    ['NOT_FOUND', new NotFoundError('workflow', 'wf')],
    ['CONFLICT', new ConflictError(4, 3)],
    ['INVALID_INPUT', new InvalidInputError([{ path: 'nodes[0].type', message: 'unknown', code: 'UNKNOWN_NODE_TYPE' }])],
    ['POLICY_DENIED', new PolicyDeniedError(['h'], ['core.http'])],
    ['DATABASE_TOO_NEW', new DatabaseTooNewError(9, 2)],
    ['MISSING_PLUGINS', new MissingPluginsError([{ plugin: 'weft-plugin-text', version: '^1.0.0' }])],
    ['TOO_LARGE', new WeftError('TOO_LARGE', 'too large', 'text')],
  ];
  for (const [code, error] of kinds) {
    it(`answers a thrown ${code} as its info`, async () => {
      const { dispatch, logger } = setup({ 'workflows.get': () => Promise.reject(error) });
      const e = await errorOf(dispatch('workflows.get', { workspaceId: 'ws-1', workflowId: 'wf' }, ctx));
      expect(e).toEqual(error.toInfo());
      expect(e.code).toBe(code);
      expect(logger.error).not.toHaveBeenCalled();
    });
  }

  it('carries the current version of a conflict', async () => {
    const { dispatch } = setup({ 'workflows.get': () => { throw new ConflictError(7, 6); } });
    const e = await errorOf(dispatch('workflows.get', { workspaceId: 'ws-1', workflowId: 'wf' }, ctx));
    expect(e.details).toEqual({ currentVersion: 7 });
  });

  it("answers the engine's validation error as INVALID_INPUT with its problems", async () => {
    const problems = [{ path: 'edges[0].target', message: 'no such node', code: 'MISSING_NODE' as const }];
    const { dispatch } = setup({ 'workflows.create': () => { throw new WorkflowInvalidError(problems); } });
    const e = await errorOf(dispatch('workflows.create', { workspaceId: 'ws-1', document: {} }, ctx));
    expect(e).toMatchObject({ code: 'INVALID_INPUT', path: 'edges[0].target', details: { problems } });
  });

  it('hides unexpected errors: generic message, no stack or internal text, logged with an incident id', async () => {
    const secret = new TypeError("Cannot read properties of undefined (reading 'x') at /home/me/weft/db.ts:12");
    const { dispatch, logger } = setup({ 'workflows.get': () => { throw secret; } });
    const e = await errorOf(dispatch('workflows.get', { workspaceId: 'ws-1', workflowId: 'wf' }, ctx));
    expect(e.code).toBe('INTERNAL');
    expect(e.message).toBe(INTERNAL_MESSAGE);
    expect(Object.keys(e).sort()).toEqual(['code', 'details', 'message']);
    expect(JSON.stringify(e)).not.toMatch(/Cannot read|db\.ts|TypeError|at /);
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining(String(e.details?.incident)), secret);
  });

  it('hides thrown non-errors and a failing workspace lookup the same way', async () => {
    const { dispatch } = setup({ 'workflows.get': () => { throw 'raw string'; } });
    expect((await errorOf(dispatch('workflows.get', { workspaceId: 'ws-1', workflowId: 'wf' }, ctx))).code).toBe('INTERNAL');
    const broken = createDispatcher(handlers(), {
      workspaceExists: () => { throw new Error('SQLITE_CORRUPT'); },
      logger: { error: () => { throw new Error('logger down'); } },
    });
    const e = await errorOf(broken('workflows.get', { workspaceId: 'ws-1', workflowId: 'wf' }, ctx));
    expect(e).toMatchObject({ code: 'INTERNAL', message: INTERNAL_MESSAGE });
  });

  it('refuses results that are not plain data when checking (dev check)', async () => {
    const { dispatch, logger } = setup({ 'workspaces.list': () => [{ ...workspace, createdAt: new Date() as never }] });
    expect((await errorOf(dispatch('workspaces.list', {}, ctx))).code).toBe('INTERNAL');
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('$[0].createdAt'), expect.anything());
  });
});

describe('dispatch: subscriptions', () => {
  it('runs.subscribe answers the snapshot and pushes it through the caller\'s connection', async () => {
    const snapshot = { runId: 'r', status: 'running' as const, nodes: { a: { status: 'running' as const, attempts: 1 } } };
    const pushed: unknown[] = [];
    const own: CallContext = {
      subscriptions: createRunSubscriptions(
        { snapshotOf: (ws, runId) => (ws === 'ws-1' && runId === 'r' ? { snapshot, seq: 2 } : undefined), listen: () => () => {} },
        (e) => pushed.push(e),
      ),
      watch: ctx.watch,
    };
    const { dispatch } = setup({
      'runs.subscribe': ({ workspaceId, runId }, c) => c.subscriptions.subscribe(workspaceId, runId),
    });
    expect(await dispatch('runs.subscribe', { workspaceId: 'ws-1', runId: 'r' }, own)).toEqual({
      ok: true,
      result: { snapshot, seq: 2 },
    });
    expect(pushed).toEqual([{ type: 'runSnapshot', runId: 'r', seq: 2, snapshot }]);
    expect((await errorOf(dispatch('runs.subscribe', { workspaceId: 'ws-1', runId: 'x' }, own))).code).toBe('NOT_FOUND');
  });
});

describe('dispatch: afterCall', () => {
  it('hears each successful call with its validated input and result, and no failed one', async () => {
    const heard: unknown[] = [];
    const dispatch = createDispatcher(
      handlers({
        'workflows.delete': () => null,
        'workflows.get': () => {
          throw new NotFoundError('workflow', 'wf');
        },
      }),
      { workspaceExists: (id) => id === 'ws-1', afterCall: (method, args, result) => heard.push([method, args, result]) },
    );
    await dispatch('workflows.delete', { workspaceId: 'ws-1', workflowId: 'wf' }, ctx);
    await dispatch('workflows.get', { workspaceId: 'ws-1', workflowId: 'wf' }, ctx);
    await dispatch('workflows.delete', { workspaceId: 'ws-2', workflowId: 'wf' }, ctx);
    await dispatch('workflows.delete', { workspaceId: 'ws-1' }, ctx);
    expect(heard).toEqual([['workflows.delete', { workspaceId: 'ws-1', workflowId: 'wf' }, null]]);
  });

  it('answers the call as done even when afterCall throws, and logs that', async () => {
    const logger = { error: vi.fn() };
    const dispatch = createDispatcher(handlers({ 'workflows.delete': () => null }), {
      workspaceExists: () => true,
      logger,
      afterCall: () => {
        throw new Error('announce failed');
      },
    });
    expect(await dispatch('workflows.delete', { workspaceId: 'ws-1', workflowId: 'wf' }, ctx)).toEqual({ ok: true, result: null });
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('afterCall failed'), expect.any(Error));
  });
});

describe('dispatch: types', () => {
  it('requires a handler for every method, with the right result type', () => {
    const complete = handlers();
    const { 'nodeTypes.list': _omitted, ...rest } = complete;
    // @ts-expect-error: a map without 'nodeTypes.list' is not a Handlers
    const incomplete: Handlers = rest;
    // @ts-expect-error: runs.start answers { runId }, not { id }
    const mistyped: Handlers = { ...complete, 'runs.start': () => ({ id: 'r' }) };
    // @ts-expect-error: the input of runs.get has no workflowId
    const misread: Handlers = { ...complete, 'runs.get': (input) => input.workflowId };
    // A WeftError's info is an ApiError.
    const info: ApiError = new ConflictError(2, 1).toInfo();
    const methods: ApiMethod[] = Object.keys(contract) as ApiMethod[];
    expect([incomplete, mistyped, misread, info].length).toBe(4);
    expect(methods.every((m) => typeof complete[m] === 'function')).toBe(true);
  });
});
