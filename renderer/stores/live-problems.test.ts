import { describe, expect, it } from 'vitest';
import { testTypes } from '../canvas/test-catalog.js';
import { findLiveProblems } from './live-problems.js';
import { stabilize } from './problems.store.js';

describe('live problems', () => {
  it('reports graph problems by node, with their paths', () => {
    const nodes = [
      { id: 'num', type: 'math.num' },
      { id: 'up', type: 'text.upper' },
      { id: 'x', type: 'nope.nope' },
      { id: 'out', type: 'core.output', params: {} },
    ];
    const edges = [{ id: 'e1', source: 'num', sourcePort: 'out', target: 'up', targetPort: 'in' }];
    const found = findLiveProblems(nodes, edges, testTypes);
    expect(found.byNode['up']?.[0]?.message).toContain('number → string');
    expect(found.byNode['x']?.[0]).toMatchObject({ path: 'nodes[2].type', code: 'UNKNOWN_NODE_TYPE' });
    expect(found.byNode['out']?.[0]).toMatchObject({ path: 'nodes[3].params.name', message: 'required' });
    expect(found.byNode['num']).toBeUndefined();
  });

  it('keeps unchanged per-node lists when recomputed', () => {
    const nodes = [
      { id: 'x', type: 'nope.nope' },
      { id: 'y', type: 'nope.nope' },
    ];
    const a = findLiveProblems(nodes, [], testTypes);
    const b = findLiveProblems(nodes, [], testTypes);
    expect(stabilize(a, b)).toBe(a);
    const c = findLiveProblems([nodes[0]!, { id: 'y', type: 'core.set' }], [], testTypes);
    const merged = stabilize(a, c);
    expect(merged.byNode['x']).toBe(a.byNode['x']);
    expect(merged.byNode['y']).toBeUndefined();
  });
});
