import { describe, expect, it } from 'vitest';
import type { WorkflowEdge, WorkflowNode } from '../../engine/model/document.js';
import { checkConnection } from './connection-rules.js';
import { testTypes } from './test-catalog.js';

const nodes: WorkflowNode[] = [
  { id: 'num', type: 'math.num' },
  { id: 'up', type: 'text.upper', label: 'Upper' },
  { id: 'set', type: 'core.set' },
  { id: 'merge', type: 'core.merge' },
  { id: 'out', type: 'core.output' },
];
const edges: WorkflowEdge[] = [
  { id: 'e1', source: 'set', sourcePort: 'out', target: 'out', targetPort: 'in' },
];
const check = (source: string, sourcePort: string, target: string, targetPort: string) =>
  checkConnection({ source, sourcePort, target, targetPort }, nodes, edges, testTypes);

describe('checkConnection', () => {
  it('refuses mismatched port types and says which', () => {
    const r = check('num', 'out', 'up', 'in');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain('number → string');
  });

  it('accepts equal types and any', () => {
    expect(check('num', 'out', 'set', 'in')).toEqual({ ok: true });
    expect(check('up', 'out', 'merge', 'in')).toEqual({ ok: true });
  });

  it('refuses a second edge into a single input but not into a multiple one', () => {
    expect(check('num', 'out', 'out', 'in')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('takes one edge'),
    });
    const withMerge = [
      ...edges,
      { id: 'e2', source: 'num', sourcePort: 'out', target: 'merge', targetPort: 'in' },
    ];
    expect(
      checkConnection(
        { source: 'up', sourcePort: 'out', target: 'merge', targetPort: 'in' },
        nodes,
        withMerge,
        testTypes,
      ),
    ).toEqual({ ok: true });
  });

  it('refuses cycles, self loops and unknown ports', () => {
    const chain = [
      ...edges,
      { id: 'e2', source: 'set', sourcePort: 'out', target: 'merge', targetPort: 'in' },
    ];
    expect(
      checkConnection(
        { source: 'merge', sourcePort: 'out', target: 'set', targetPort: 'in' },
        nodes,
        chain,
        testTypes,
      ),
    ).toMatchObject({ ok: false, reason: expect.stringContaining('cycle') });
    expect(check('set', 'out', 'set', 'in')).toMatchObject({ ok: false });
    expect(check('set', 'nope', 'merge', 'in')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('no output "nope"'),
    });
  });

  it('knows the implicit error port', () => {
    expect(check('up', 'error', 'set', 'in')).toEqual({ ok: true });
    expect(check('up', 'error', 'up', 'in')).toMatchObject({ ok: false });
  });
});
