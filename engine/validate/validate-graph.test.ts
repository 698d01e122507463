import { describe, expect, it } from 'vitest';
import { problemLines, problemsOf, rawDoc as doc, type EdgeSpec, type Raw } from '../testing/documents.js';
import { createTestKit } from '../testing/nodes.js';

const { registry } = createTestKit();
const problems = (raw: Raw) => problemsOf(raw, registry);
const found = (raw: Raw) => problemLines(raw, registry);

describe('validateWorkflow: ids and node types', () => {
  it('reports a duplicate node id at the second node', () => {
    const p = problems(
      doc([
        ['a', 'test.source'],
        ['b', 'test.source'],
        ['a', 'test.source'],
      ]),
    );
    expect(p.map((x) => `${x.path} ${x.code}`)).toEqual(['nodes[2].id DUPLICATE_ID']);
    expect(p[0]!.message).toContain('"a"');
  });

  it('reports a duplicate edge id at the second edge', () => {
    const raw = doc(
      [
        ['a', 'test.source'],
        ['b', 'test.pass'],
        ['c', 'test.pass'],
      ],
      [
        ['a', 'b', 'out', 'in', 'e'],
        ['a', 'c', 'out', 'in', 'e'],
      ],
    );
    expect(found(raw)).toEqual(['edges[1].id DUPLICATE_ID']);
  });

  it('reports an unknown node type at its type', () => {
    const p = problems(
      doc([
        ['a', 'test.source'],
        ['b', 'acme.missing'],
      ]),
    );
    expect(p.map((x) => `${x.path} ${x.code}`)).toEqual(['nodes[1].type UNKNOWN_NODE_TYPE']);
    expect(p[0]!.message).toContain('acme.missing');
  });
});

describe('validateWorkflow: edges and ports', () => {
  it.each<[string, EdgeSpec, string]>([
    ['a missing source node', ['ghost', 'b'], 'edges[0].source MISSING_NODE'],
    ['a missing target node', ['a', 'ghost'], 'edges[0].target MISSING_NODE'],
    ['a missing source port', ['a', 'b', 'result'], 'edges[0].sourcePort MISSING_PORT'],
    ['a missing target port', ['a', 'b', 'out', 'input'], 'edges[0].targetPort MISSING_PORT'],
  ])('reports an edge to %s', (_, e, expected) => {
    expect(
      found(
        doc(
          [
            ['a', 'test.source'],
            ['b', 'test.pass'],
          ],
          [e],
        ),
      ),
    ).toEqual([expected]);
  });

  it('accepts an edge from the implicit error port of any node', () => {
    expect(
      found(
        doc(
          [
            ['a', 'test.source'],
            ['b', 'test.pass'],
            ['c', 'test.objIn'],
          ],
          [
            ['a', 'b', 'error'],
            ['a', 'c', 'error'],
          ],
        ),
      ),
    ).toEqual([]);
  });

  it('refuses a port type mismatch, saying which types', () => {
    const p = problems(
      doc(
        [
          ['n', 'test.num'],
          ['s', 'test.str'],
        ],
        [['n', 's']],
      ),
    );
    expect(p.map((x) => `${x.path} ${x.code}`)).toEqual(['edges[0] PORT_TYPE_MISMATCH']);
    expect(p[0]!.message).toContain('number → string');
  });

  it('refuses the error port (an object) into a string input', () => {
    expect(
      found(
        doc(
          [
            ['a', 'test.source'],
            ['s', 'test.str'],
          ],
          [['a', 's', 'error']],
        ),
      ),
    ).toEqual(['edges[0] PORT_TYPE_MISMATCH']);
  });

  it.each<[string, string, string]>([
    ['any → string', 'test.source', 'test.str'],
    ['number → any', 'test.num', 'test.pass'],
    ['object → object', 'test.obj', 'test.objIn'],
    ['number → number', 'test.num', 'test.numIn'],
  ])('connects %s', (_, from, to) => {
    expect(
      found(
        doc(
          [
            ['a', from],
            ['b', to],
          ],
          [['a', 'b']],
        ),
      ),
    ).toEqual([]);
  });

  it('refuses a second edge into an input that is not multiple, at the second edge', () => {
    const p = problems(
      doc(
        [
          ['a', 'test.source'],
          ['b', 'test.source'],
          ['c', 'test.pass'],
        ],
        [
          ['a', 'c'],
          ['b', 'c'],
        ],
      ),
    );
    expect(p.map((x) => `${x.path} ${x.code}`)).toEqual(['edges[1].targetPort PORT_TAKEN']);
    expect(p[0]!.message).toContain('edges[0]');
  });

  it('accepts many edges into a multiple input', () => {
    const raw = doc(
      [
        ['a', 'test.source'],
        ['b', 'test.source'],
        ['c', 'test.source'],
        ['m', 'test.collect'],
      ],
      [
        ['a', 'm'],
        ['b', 'm'],
        ['c', 'm'],
      ],
    );
    expect(found(raw)).toEqual([]);
  });
});

describe('validateWorkflow: params', () => {
  it.each<[string, Raw, string[]]>([
    ['a wrong type', { count: 'three' }, ['nodes[0].params.count INVALID_PARAMS']],
    ['a missing required param', {}, ['nodes[0].params.count INVALID_PARAMS']],
    ['an unknown param', { count: 1, colour: 'red' }, ['nodes[0].params.colour INVALID_PARAMS']],
    ['a value outside an enum', { count: 1, mode: 'c' }, ['nodes[0].params.mode INVALID_PARAMS']],
    [
      'a nested wrong type',
      { count: 1, nested: { flag: 'yes' } },
      ['nodes[0].params.nested.flag INVALID_PARAMS'],
    ],
  ])('reports %s at its path', (_, params, expected) => {
    expect(found(doc([['n', 'test.strict', { params }]]))).toEqual(expected);
  });

  it('says what is wrong with each param', () => {
    const p = problems(doc([['n', 'test.strict', { params: { colour: 'red' } }]]));
    expect(Object.fromEntries(p.map((x) => [x.path, x.message]))).toEqual({
      'nodes[0].params.count': 'required',
      'nodes[0].params.colour': 'unknown param',
    });
  });

  it('tolerates a template string where a number is expected, and nowhere a param is unknown', () => {
    expect(found(doc([['n', 'test.strict', { params: { count: '{{ 1 + 2 }}' } }]]))).toEqual([]);
    expect(found(doc([['n', 'test.strict', { params: { count: 1, extra: '{{ 1 }}' } }]]))).toEqual([
      'nodes[0].params.extra INVALID_PARAMS',
    ]);
  });

  it('treats absent params as {} (a required param is then missing)', () => {
    expect(found(doc([['n', 'test.strict']]))).toEqual(['nodes[0].params.count INVALID_PARAMS']);
    expect(found(doc([['n', 'test.source']]))).toEqual([]);
  });
});

describe('validateWorkflow: policy', () => {
  it.each<[string, Raw, string]>([
    ['an unknown onError', { onError: 'explode' }, 'nodes[0].policy.onError'],
    ['maxAttempts 0', { retry: { maxAttempts: 0 } }, 'nodes[0].policy.retry.maxAttempts'],
    ['a fractional maxAttempts', { retry: { maxAttempts: 1.5 } }, 'nodes[0].policy.retry.maxAttempts'],
    ['a negative initialDelayMs', { retry: { initialDelayMs: -1 } }, 'nodes[0].policy.retry.initialDelayMs'],
    ['a backoffFactor below 1', { retry: { backoffFactor: 0.5 } }, 'nodes[0].policy.retry.backoffFactor'],
    ['a string maxDelayMs', { retry: { maxDelayMs: '10' } }, 'nodes[0].policy.retry.maxDelayMs'],
    ['a jitter that is not boolean', { retry: { jitter: 'yes' } }, 'nodes[0].policy.retry.jitter'],
    ['an unknown retry key', { retry: { tries: 3 } }, 'nodes[0].policy.retry.tries'],
    ['a zero timeoutMs', { timeoutMs: 0 }, 'nodes[0].policy.timeoutMs'],
    ['an unknown policy key', { retries: 3 }, 'nodes[0].policy.retries'],
    ['onError fallback without a fallback', { onError: 'fallback' }, 'nodes[0].policy.fallback'],
    [
      'a fallback for a port the node does not have',
      { onError: 'fallback', fallback: { out: 1, result: 2 } },
      'nodes[0].policy.fallback.result',
    ],
  ])('reports %s as INVALID_POLICY at its path', (_, policy, path) => {
    expect(found(doc([['n', 'test.source', { policy }]]))).toEqual([`${path} INVALID_POLICY`]);
  });

  it('accepts every onError with what it needs', () => {
    for (const policy of [
      { onError: 'fail' },
      { onError: 'skip' },
      { onError: 'route' },
      { onError: 'fallback', fallback: { out: 1 } },
    ]) {
      expect(found(doc([['n', 'test.source', { policy }]]))).toEqual([]);
    }
  });
});

describe('validateWorkflow: every problem at once', () => {
  it('reports four different problems together', () => {
    const raw = {
      ...doc(
        [
          ['a', 'test.source'],
          ['a', 'test.pass'],
          ['b', 'acme.missing'],
          ['c', 'test.pass'],
        ],
        [['ghost', 'c']],
      ),
      colour: 'red',
    };
    expect(found(raw).sort()).toEqual(
      [
        'colour UNKNOWN_KEY',
        'nodes[1].id DUPLICATE_ID',
        'nodes[2].type UNKNOWN_NODE_TYPE',
        'edges[0].source MISSING_NODE',
      ].sort(),
    );
  });

  it('reports problems of shape, graph, params and policy together', () => {
    const raw = doc(
      [
        ['n', 'test.num'],
        ['s', 'test.str', { params: {} }],
        ['t', 'test.strict', { params: { count: 'x' }, policy: { onError: 'nope' } }],
      ],
      [
        ['n', 's'],
        ['s', 's', 'out', 'in'],
      ],
    );
    expect(found(raw).sort()).toEqual(
      [
        'edges[0] PORT_TYPE_MISMATCH',
        'edges[1].targetPort PORT_TAKEN',
        'nodes[1] CYCLE',
        'nodes[2].params.count INVALID_PARAMS',
        'nodes[2].policy.onError INVALID_POLICY',
      ].sort(),
    );
  });

  it('still knows a node whose own shape is wrong: no spurious MISSING_NODE for its edges', () => {
    const raw = doc(
      [
        ['a', 'test.source'],
        ['b', 'test.pass', { policy: { onError: 'explode' } }],
      ],
      [['a', 'b']],
    );
    expect(found(raw)).toEqual(['nodes[1].policy.onError INVALID_POLICY']);
  });

  it('reports a duplicate id even when the first node with it has another problem', () => {
    const raw = doc([
      ['a', 'test.source', { label: 5 }],
      ['a', 'test.source'],
    ]);
    expect(found(raw).sort()).toEqual(['nodes[0].label INVALID_VALUE', 'nodes[1].id DUPLICATE_ID'].sort());
  });
});
