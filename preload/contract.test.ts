import { describe, expect, it } from 'vitest';
import { contract, isApiMethod, type ApiInput, type ApiMethod } from './contract.js';

function parse(method: ApiMethod, input: unknown) {
  return contract[method].input.safeParse(input);
}

/** The paths (as key arrays) of every issue of a refused input. */
function refusedPaths(method: ApiMethod, input: unknown): PropertyKey[][] {
  const result = parse(method, input);
  expect(result.success).toBe(false);
  return result.error ? result.error.issues.map((i) => (i.code === 'unrecognized_keys' ? [...i.path, ...i.keys] : i.path)) : [];
}

const ws = { workspaceId: 'ws-1' };

describe('contract: input schemas', () => {
  const good: { [M in ApiMethod]?: ApiInput<M>[] } = {
    'workspaces.list': [{}],
    'workspaces.create': [{ name: 'Team' }, { name: 'x'.repeat(100) }],
    'workspaces.setPolicy': [{ ...ws, policy: {} }, { ...ws, policy: { deniedNodeTypes: ['core.http'] } }],
    'workspaces.setRunRetention': [{ ...ws, runRetention: 200 }],
    'workflows.create': [{ ...ws, document: { format: 'weft.workflow' } }, { ...ws, document: null }],
    'workflows.list': [{ ...ws }, { ...ws, cursor: 'abc', limit: 200, search: 'greet', tag: 'demo', sort: 'name' }],
    'workflows.update': [{ ...ws, workflowId: 'wf_1', expectedVersion: 3, document: {}, note: 'fix' }],
    'workflows.diff': [{ ...ws, workflowId: 'wf.1', from: 1, to: 2 }],
    'workflows.import': [{ ...ws, text: '{}' }],
    'runs.start': [
      { ...ws, workflowId: 'wf' },
      { ...ws, workflowId: 'wf', input: { n: 1 }, fromNode: { nodeId: 'greet', sourceRunId: 'run-9' } },
    ],
    'runs.list': [{ ...ws, workflowId: 'wf', limit: 1 }],
    'runs.nodeOutputs': [{ ...ws, runId: 'r', nodeId: 'n' }],
    'runs.errorStats': [{ ...ws }, { ...ws, workflowId: 'wf', runs: 10_000 }],
    'runs.subscribe': [{ ...ws, runId: 'r' }],
    'nodeTypes.list': [{ ...ws }],
  };
  for (const [method, inputs] of Object.entries(good)) {
    it(`accepts good input of ${method}`, () => {
      for (const input of inputs) expect(parse(method as ApiMethod, input).error).toBeUndefined();
    });
  }

  it('applies defaults and trims names', () => {
    expect(contract['workflows.list'].input.parse({ ...ws })).toEqual({ ...ws, limit: 50, sort: 'updated' });
    expect(contract['workspaces.create'].input.parse({ name: '  Team  ' })).toEqual({ name: 'Team' });
  });

  const bad: Array<[ApiMethod, unknown, PropertyKey[]]> = [
    ['workspaces.create', { name: '' }, ['name']],
    ['workspaces.create', { name: '   ' }, ['name']],
    ['workspaces.create', { name: 'x'.repeat(101) }, ['name']],
    ['workspaces.create', { name: 'a\u0000b' }, ['name']],
    ['workspaces.create', { name: 'ok', extra: 1 }, ['extra']],
    ['workspaces.rename', { name: 'ok' }, ['workspaceId']],
    ['workspaces.setPolicy', { ...ws, policy: { deniedNodeTypes: ['ok', ''] } }, ['policy', 'deniedNodeTypes', 1]],
    ['workspaces.setRunRetention', { ...ws, runRetention: 0 }, ['runRetention']],
    ['workspaces.setRunRetention', { ...ws, runRetention: 1.5 }, ['runRetention']],
    ['workflows.get', { ...ws, workflowId: 'has space' }, ['workflowId']],
    ['workflows.get', { ...ws, workflowId: 'x'.repeat(65) }, ['workflowId']],
    ['workflows.get', { workspaceId: '../etc', workflowId: 'wf' }, ['workspaceId']],
    ['workflows.create', { ...ws }, ['document']],
    ['workflows.list', { ...ws, limit: 201 }, ['limit']],
    ['workflows.list', { ...ws, limit: 0 }, ['limit']],
    ['workflows.list', { ...ws, sort: 'size' }, ['sort']],
    ['workflows.list', { ...ws, search: 'x'.repeat(201) }, ['search']],
    ['workflows.list', { ...ws, cursor: '' }, ['cursor']],
    ['workflows.update', { ...ws, workflowId: 'wf', document: {} }, ['expectedVersion']],
    ['workflows.update', { ...ws, workflowId: 'wf', expectedVersion: 0, document: {} }, ['expectedVersion']],
    ['workflows.getVersion', { ...ws, workflowId: 'wf', version: '2' }, ['version']],
    ['workflows.import', { ...ws, text: 'x'.repeat(10 * 1024 * 1024 + 1) }, ['text']],
    ['runs.start', { ...ws, workflowId: 'wf', fromNode: { nodeId: 'n' } }, ['fromNode', 'sourceRunId']],
    ['runs.start', { ...ws, workflowId: 'wf', fromNode: { nodeId: 'n n', sourceRunId: 'r' } }, ['fromNode', 'nodeId']],
    ['runs.list', { ...ws, limit: 10 }, ['workflowId']],
    ['runs.nodeOutputs', { ...ws, runId: 'r' }, ['nodeId']],
  ];
  for (const [method, input, path] of bad) {
    it(`refuses ${method} ${JSON.stringify(input).slice(0, 80)} at ${path.join('.')}`, () => {
      expect(refusedPaths(method, input)).toContainEqual(path);
    });
  }

  it('refuses input that is not an object', () => {
    for (const input of [undefined, null, 'x', [], 1]) expect(parse('workspaces.list', input).success).toBe(false);
  });

  it('every method but workspace management takes a workspaceId', () => {
    for (const method of Object.keys(contract) as ApiMethod[]) {
      if (method === 'workspaces.list' || method === 'workspaces.create') continue;
      const shape = contract[method].input.shape as Record<string, unknown>;
      expect(shape, method).toHaveProperty('workspaceId');
    }
  });
});

describe('contract: isApiMethod', () => {
  it('knows only own method names', () => {
    expect(isApiMethod('runs.start')).toBe(true);
    for (const name of ['toString', '__proto__', 'constructor', 'runs.nope', '', 42]) expect(isApiMethod(name)).toBe(false);
  });
});
