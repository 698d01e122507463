import { describe, expect, it } from 'vitest';
import type { Problem } from '../model/problem.js';
import { createTestKit } from '../testing/nodes.js';
import { parseWorkflowJson, validateWorkflow, type ValidationResult } from './validate.js';

const { registry } = createTestKit();

type Doc = Record<string, unknown>;

function doc(extra: Doc = {}): Doc {
  return { format: 'weft.workflow', formatVersion: 1, nodes: [], edges: [], ...extra };
}

function problems(result: ValidationResult): Problem[] {
  if (result.ok) throw new Error('expected the document to be refused');
  return result.problems;
}

/** The problems of `raw` as `path code` lines, for exact comparisons. */
function found(raw: unknown): string[] {
  return problems(validateWorkflow(raw, registry)).map((p) => `${p.path} ${p.code}`);
}

function parseText(text: string): unknown {
  const parsed = parseWorkflowJson(text);
  if (!parsed.ok) throw new Error(parsed.problems[0]!.message);
  return parsed.value;
}

/** Nesting depth of a JSON value: each object or array is one level. */
function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + Math.max(0, ...children.map(depthOf));
}

/** A document whose params hold `levels` nested objects (or arrays). */
function nestedDoc(levels: number, kind: 'object' | 'array' = 'object'): Doc {
  let inner: unknown = 1;
  for (let i = 0; i < levels; i++) inner = kind === 'object' ? { a: inner } : [inner];
  return doc({ nodes: [{ id: 'a', type: 'test.source', params: { deep: inner } }] });
}

describe('parseWorkflowJson', () => {
  it('turns text that is not JSON into an INVALID_JSON problem at $', () => {
    const r = parseWorkflowJson('{"format": "weft.workflow",');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ path: '$', code: 'INVALID_JSON' });
  });

  it('refuses more than 10 MiB before parsing (the too-large text is not even valid JSON)', () => {
    const text = '{' + ' '.repeat(10 * 1024 * 1024);
    const r = parseWorkflowJson(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([expect.objectContaining({ path: '$', code: 'TOO_LARGE' })]);
    expect(r.problems[0]!.message).toMatch(/10 MiB/);
  });

  it('counts UTF-8 bytes, not characters', () => {
    // 5.5 Mi characters of "é" are 11 MiB of UTF-8.
    const r = parseWorkflowJson(`"${'é'.repeat(5.5 * 1024 * 1024)}"`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.code).toBe('TOO_LARGE');
  });

  it('parses a text of exactly 10 MiB', () => {
    const text = `"${'a'.repeat(10 * 1024 * 1024 - 2)}"`;
    const r = parseWorkflowJson(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect((r.value as string).length).toBe(10 * 1024 * 1024 - 2);
  });
});

describe('validateWorkflow: documents that are not workflow objects', () => {
  it.each([
    ['null', null],
    ['an array', []],
    ['a string', 'weft'],
    ['a number', 5],
    ['undefined', undefined],
  ])('refuses %s at $', (_, raw) => {
    expect(found(raw)).toEqual(['$ INVALID_VALUE']);
  });
});

describe('validateWorkflow: shape', () => {
  it('returns ok with the typed document for a valid one, every optional key used', () => {
    const valid = doc({
      name: 'Greeting',
      description: 'says hello',
      tags: ['demo'],
      settings: { maxConcurrency: 2, nodeTimeoutMs: 1000, executionTimeoutMs: 0 },
      nodes: [
        { id: 'start', type: 'test.manual', position: { x: 0, y: 0 }, params: { payload: { name: 'Ada' } } },
        {
          id: 'greet',
          type: 'test.set',
          label: 'Greet',
          params: { values: { text: 'Hello, {{ input.in.name }}!' } },
          policy: { retry: { maxAttempts: 3, initialDelayMs: 200 }, onError: 'fail', timeoutMs: 5000 },
        },
      ],
      edges: [{ id: 'e1', source: 'start', sourcePort: 'out', target: 'greet', targetPort: 'in' }],
      requires: [{ plugin: 'weft-plugin-text', version: '^1.2.0' }],
    });
    const r = validateWorkflow(valid, registry);
    expect(r).toEqual({ ok: true, document: valid, problems: [] });
    if (r.ok) expect(r.document.nodes[1]!.policy?.retry?.maxAttempts).toBe(3);
  });

  it.each<[string, Doc, string]>([
    ['an unknown top-level key', doc({ colour: 'red' }), 'colour UNKNOWN_KEY'],
    [
      'an unknown node key',
      doc({ nodes: [{ id: 'a', type: 'test.source', size: 3 }] }),
      'nodes[0].size UNKNOWN_KEY',
    ],
    [
      'an unknown edge key',
      doc({
        nodes: [
          { id: 'a', type: 'test.source' },
          { id: 'b', type: 'test.pass' },
        ],
        edges: [{ id: 'e', source: 'a', sourcePort: 'out', target: 'b', targetPort: 'in', weight: 1 }],
      }),
      'edges[0].weight UNKNOWN_KEY',
    ],
    ['an unknown settings key', doc({ settings: { speed: 1 } }), 'settings.speed UNKNOWN_KEY'],
  ])('reports %s with its path', (_, raw, expected) => {
    expect(found(raw)).toEqual([expected]);
  });

  it.each<[string, Doc, string]>([
    ['format', { formatVersion: 1, nodes: [], edges: [] }, 'format REQUIRED'],
    ['nodes', { format: 'weft.workflow', formatVersion: 1, edges: [] }, 'nodes REQUIRED'],
    ['edges', { format: 'weft.workflow', formatVersion: 1, nodes: [] }, 'edges REQUIRED'],
    ['node id', doc({ nodes: [{ type: 'test.source' }] }), 'nodes[0].id REQUIRED'],
    ['node type', doc({ nodes: [{ id: 'a' }] }), 'nodes[0].type REQUIRED'],
    [
      'an edge sourcePort',
      doc({
        nodes: [
          { id: 'a', type: 'test.source' },
          { id: 'b', type: 'test.pass' },
        ],
        edges: [{ id: 'e', source: 'a', target: 'b', targetPort: 'in' }],
      }),
      'edges[0].sourcePort REQUIRED',
    ],
    [
      'an edge target',
      doc({
        nodes: [{ id: 'a', type: 'test.source' }],
        edges: [{ id: 'e', source: 'a', sourcePort: 'out', targetPort: 'in' }],
      }),
      'edges[0].target REQUIRED',
    ],
  ])('reports a missing %s as REQUIRED at its path', (_, raw, expected) => {
    expect(found(raw)).toEqual([expected]);
  });

  it('reports a missing formatVersion at its path', () => {
    expect(
      problems(validateWorkflow({ format: 'weft.workflow', nodes: [], edges: [] }, registry)).map(
        (p) => p.path,
      ),
    ).toEqual(['formatVersion']);
  });

  it('accepts a node with only id and type', () => {
    expect(validateWorkflow(doc({ nodes: [{ id: 'a', type: 'test.source' }] }), registry).ok).toBe(true);
  });

  it.each<[string, Doc, string]>([
    ['format', doc({ format: 'weft.flow' }), 'format'],
    ['name', doc({ name: 5 }), 'name'],
    ['tags', doc({ tags: 'demo' }), 'tags'],
    ['nodes', doc({ nodes: {} }), 'nodes'],
    ['edges', doc({ edges: 'none' }), 'edges'],
    [
      'a position',
      doc({ nodes: [{ id: 'a', type: 'test.source', position: { x: '0', y: 0 } }] }),
      'nodes[0].position.x',
    ],
    ['params', doc({ nodes: [{ id: 'a', type: 'test.source', params: [1] }] }), 'nodes[0].params'],
    ['a setting', doc({ settings: { maxConcurrency: 0 } }), 'settings.maxConcurrency'],
    ['a label', doc({ nodes: [{ id: 'a', type: 'test.source', label: true }] }), 'nodes[0].label'],
  ])('reports a wrong type or value of %s at its path', (_, raw, path) => {
    expect(found(raw)).toEqual([`${path} INVALID_VALUE`]);
  });

  it.each([
    ['a space', 'a b'],
    ['a slash', 'a/b'],
    ['non-ASCII', 'nœud'],
    ['65 characters', 'x'.repeat(65)],
    ['nothing', ''],
  ])('refuses a node id with %s', (_, id) => {
    expect(found(doc({ nodes: [{ id, type: 'test.source' }] }))).toEqual(['nodes[0].id INVALID_VALUE']);
  });

  it('accepts ids of 1 and 64 characters of the allowed set', () => {
    const nodes = [
      { id: 'a', type: 'test.source' },
      { id: 'A-z_0.9'.padEnd(64, 'x'), type: 'test.source' },
    ];
    expect(validateWorkflow(doc({ nodes }), registry).ok).toBe(true);
  });

  it('refuses a bad edge id at its path', () => {
    const nodes = [
      { id: 'a', type: 'test.source' },
      { id: 'b', type: 'test.pass' },
    ];
    const edges = [{ id: 'e 1', source: 'a', sourcePort: 'out', target: 'b', targetPort: 'in' }];
    expect(found(doc({ nodes, edges }))).toEqual(['edges[0].id INVALID_VALUE']);
  });
});

describe('validateWorkflow: format versions', () => {
  it('refuses a newer formatVersion with a message that says so', () => {
    const p = problems(validateWorkflow(doc({ formatVersion: 2 }), registry));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ path: 'formatVersion', code: 'FORMAT_VERSION' });
    expect(p[0]!.message).toMatch(/newer/);
  });

  it.each([0, -1, 1.5, '1'])('refuses formatVersion %j', (formatVersion) => {
    expect(problems(validateWorkflow(doc({ formatVersion }), registry)).map((p) => p.path)).toEqual([
      'formatVersion',
    ]);
  });
});

describe('validateWorkflow: forbidden keys', () => {
  it('refuses __proto__, constructor and prototype wherever they occur, each at its path', () => {
    const raw = parseText(
      `{"format":"weft.workflow","formatVersion":1,"__proto__":{"polluted":1},
        "nodes":[{"id":"a","type":"test.source","params":{"x":{"constructor":{"polluted":1}},"list":[{"prototype":1}]}},
                 {"id":"b","type":"test.pass"}],
        "edges":[{"id":"e","source":"a","sourcePort":"out","target":"b","targetPort":"in","__proto__":{"polluted":1}}]}`,
    );
    const forbidden = problems(validateWorkflow(raw, registry)).filter((p) => p.code === 'FORBIDDEN_KEY');
    expect(forbidden.map((p) => p.path).sort()).toEqual(
      [
        '__proto__',
        'edges[0].__proto__',
        'nodes[0].params.list[0].prototype',
        'nodes[0].params.x.constructor',
      ].sort(),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it('refuses a forbidden key that is the only problem', () => {
    const raw = parseText(
      '{"format":"weft.workflow","formatVersion":1,"nodes":[{"id":"a","type":"test.source","params":{"constructor":1}}],"edges":[]}',
    );
    expect(found(raw)).toEqual(['nodes[0].params.constructor FORBIDDEN_KEY']);
  });
});

describe('validateWorkflow: nesting and size limits', () => {
  it.each(['object', 'array'] as const)('accepts %s nesting of depth 64 and refuses 65', (kind) => {
    const ok = nestedDoc(60, kind);
    expect(depthOf(ok)).toBe(64);
    expect(validateWorkflow(ok, registry).ok).toBe(true);

    const deep = nestedDoc(61, kind);
    expect(depthOf(deep)).toBe(65);
    const p = problems(validateWorkflow(deep, registry));
    expect(p.map((x) => x.code)).toContain('TOO_DEEP');
    expect(p.find((x) => x.code === 'TOO_DEEP')!.path).toMatch(/^nodes\[0\]\.params\.deep/);
  });

  it('refuses a hostile nesting of 100,000 levels without overflowing the stack', () => {
    expect(found(nestedDoc(100_000))).toEqual([expect.stringMatching(/ TOO_DEEP$/)]);
  });

  it('refuses 10,001 nodes with the path nodes, and accepts 10,000', () => {
    const nodes = (count: number) =>
      Array.from({ length: count }, (_, i) => ({ id: `n${i}`, type: 'test.source' }));
    expect(found(doc({ nodes: nodes(10_001) }))).toEqual(['nodes LIMIT_EXCEEDED']);
    expect(validateWorkflow(doc({ nodes: nodes(10_000) }), registry).ok).toBe(true);
  });

  it('refuses 50,001 edges with the path edges', () => {
    const nodes = [
      { id: 'a', type: 'test.source' },
      { id: 'b', type: 'test.collect' },
    ];
    const edges = Array.from({ length: 50_001 }, (_, i) => ({
      id: `e${i}`,
      source: 'a',
      sourcePort: 'out',
      target: 'b',
      targetPort: 'in',
    }));
    expect(found(doc({ nodes, edges }))).toEqual(['edges LIMIT_EXCEEDED']);
  });
});

describe('validateWorkflow: input handling', () => {
  function deepFreeze<T>(value: T): T {
    if (value !== null && typeof value === 'object') {
      for (const v of Object.values(value)) deepFreeze(v);
      Object.freeze(value);
    }
    return value;
  }

  it('does not change the document it checks, valid or not', () => {
    for (const raw of [
      doc({
        nodes: [{ id: 'a', type: 'test.delay', params: { ms: 1 }, policy: { retry: { maxAttempts: 2 } } }],
      }),
      doc({
        nodes: [
          { id: 'a', type: 'nope', params: { x: [1, { y: 2 }] } },
          { id: 'a', type: 'test.source' },
        ],
        extra: 1,
      }),
    ]) {
      const before = JSON.stringify(raw);
      // Frozen, so that any write throws (modules are strict mode).
      expect(() => validateWorkflow(deepFreeze(raw), registry)).not.toThrow();
      expect(JSON.stringify(raw)).toBe(before);
    }
  });
});
