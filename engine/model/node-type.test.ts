import { describe, expect, it } from 'vitest';
import {
  createRegistry,
  PORT_TYPES,
  portsConnect,
  valueFitsPort,
  type NodeType,
  type PortType,
} from './node-type.js';
import { formatPath, WorkflowInvalidError } from './problem.js';

const type = (name: string): NodeType => ({
  type: name,
  title: name,
  inputs: [],
  outputs: [],
  run: () => ({}),
});

describe('createRegistry', () => {
  it('finds registered types and lists them in order', () => {
    const a = type('x.a');
    const b = type('x.b');
    const registry = createRegistry([a, b]);
    expect(registry.get('x.a')).toBe(a);
    expect(registry.get('x.c')).toBeUndefined();
    expect(registry.list()).toEqual([a, b]);
  });

  it('refuses a type registered twice, naming it', () => {
    expect(() => createRegistry([type('x.a'), type('x.a')])).toThrow(/x\.a/);
  });

  it('does not find prototype members by name', () => {
    expect(createRegistry([]).get('constructor')).toBeUndefined();
    expect(createRegistry([]).get('__proto__')).toBeUndefined();
  });
});

describe('portsConnect (SPEC §2)', () => {
  it('connects equal types and anything with any, nothing else', () => {
    for (const from of PORT_TYPES) {
      for (const to of PORT_TYPES) {
        const expected = from === to || from === 'any' || to === 'any';
        expect(portsConnect(from, to), `${from} → ${to}`).toBe(expected);
      }
    }
    expect(portsConnect('number', 'string')).toBe(false);
  });
});

describe('valueFitsPort', () => {
  it.each<[PortType, unknown, boolean]>([
    ['any', undefined, true],
    ['any', null, true],
    ['string', 'x', true],
    ['string', 1, false],
    ['number', 1.5, true],
    ['number', '1', false],
    ['boolean', false, true],
    ['boolean', 0, false],
    ['object', {}, true],
    ['object', [], false],
    ['object', null, false],
    ['array', [], true],
    ['array', {}, false],
  ])('%s accepts %j: %s', (port, value, expected) => {
    expect(valueFitsPort(value, port)).toBe(expected);
  });
});

describe('formatPath', () => {
  it.each<[Array<string | number>, string]>([
    [[], '$'],
    [['nodes', 2, 'params', 'url'], 'nodes[2].params.url'],
    [['nodes', 0, 'params', 'my-key'], 'nodes[0].params["my-key"]'],
    [['nodes', 0, 'params', ''], 'nodes[0].params[""]'],
    [[3], '[3]'],
  ])('%j → %s', (segments, expected) => {
    expect(formatPath(segments)).toBe(expected);
  });
});

describe('WorkflowInvalidError', () => {
  it('carries every problem and says the first in its message', () => {
    const problems = [
      { path: 'nodes[0].type', code: 'UNKNOWN_NODE_TYPE' as const, message: 'unknown node type "x"' },
      { path: 'edges[0].source', code: 'MISSING_NODE' as const, message: 'no node "y"' },
    ];
    const error = new WorkflowInvalidError(problems);
    expect(error.problems).toEqual(problems);
    expect(error.code).toBe('WORKFLOW_INVALID');
    expect(error.message).toContain('2 problems');
    expect(error.message).toContain('nodes[0].type');
    expect(new WorkflowInvalidError(problems.slice(1)).message).toBe('edges[0].source: no node "y"');
  });
});
