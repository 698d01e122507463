import { describe, expect, it } from 'vitest';
import { layoutPositions, placeMissing } from './auto-layout.js';

const size = () => ({ width: 200, height: 60 });
const edges = [
  { id: 'e1', source: 'a', sourcePort: 'out', target: 'b', targetPort: 'in' },
  { id: 'e2', source: 'b', sourcePort: 'out', target: 'c', targetPort: 'in' },
];

describe('auto-layout', () => {
  it('lays a chain out left to right', () => {
    const p = layoutPositions(
      [
        { id: 'a', type: 't' },
        { id: 'b', type: 't' },
        { id: 'c', type: 't' },
      ],
      edges,
      size,
    );
    expect(p.get('a')!.x).toBeLessThan(p.get('b')!.x);
    expect(p.get('b')!.x).toBeLessThan(p.get('c')!.x);
  });

  it('places only the nodes without a position, below the placed ones', () => {
    const p = placeMissing(
      [
        { id: 'a', type: 't', position: { x: 0, y: 500 } },
        { id: 'b', type: 't' },
        { id: 'c', type: 't' },
      ],
      edges,
      size,
    );
    expect([...p.keys()]).toEqual(['b', 'c']);
    expect(p.get('b')!.y).toBeGreaterThan(560);
    expect(placeMissing([{ id: 'a', type: 't', position: { x: 0, y: 0 } }], [], size).size).toBe(0);
  });
});
