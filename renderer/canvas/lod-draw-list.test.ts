import { describe, expect, it } from 'vitest';
import type { WorkflowEdge, WorkflowNode } from '../../engine/model/document.js';
import { computeLodDrawList, type NodeLookups } from './lod-draw-list.js';
import { buildLodScene } from './lod-scene.js';
import { createGeometryCache } from './node-geometry.js';
import { testTypes } from './test-catalog.js';

const geometryOf = createGeometryCache(testTypes);
const nodes: WorkflowNode[] = [
  { id: 'a', type: 'core.manual', position: { x: 0, y: 0 } },
  { id: 'b', type: 'core.set', position: { x: 400, y: 0 } },
  { id: 'c', type: 'core.set', position: { x: 5000, y: 0 } },
];
const edges: WorkflowEdge[] = [
  { id: 'e1', source: 'a', sourcePort: 'out', target: 'b', targetPort: 'in' },
  { id: 'e2', source: 'b', sourcePort: 'out', target: 'c', targetPort: 'in' },
  { id: 'gone', source: 'a', sourcePort: 'out', target: 'missing', targetPort: 'in' },
];
const plain: NodeLookups = { statusOf: () => 'idle', isSelected: () => false, hasProblems: () => false };
const view = { x: 0, y: 0, zoom: 1, width: 1000, height: 600 };

describe('the simplified drawing', () => {
  it('builds boxes of the real node sizes and edges between the real ports', () => {
    const scene = buildLodScene(nodes, edges, geometryOf);
    expect(scene.ids).toEqual(['a', 'b', 'c']);
    expect(scene.boxes[1]).toEqual({ x: 400, y: 0, width: 200, height: 99 });
    // a.out (204, 60) → b.in (399, 60); the edge to a missing node is left out.
    expect([...scene.edges.slice(0, 4)]).toEqual([204, 60, 399, 60]);
    expect(scene.edges.length).toBe(8);
    expect(scene.index.hit(450, 50)).toBe('b');
    expect(scene.bounds).toEqual({ x: 0, y: 0, width: 5200, height: 99 });
  });

  it('draws only what is in view, in screen pixels', () => {
    const scene = buildLodScene(nodes, edges, geometryOf);
    const list = computeLodDrawList(scene, { ...view, x: 10, y: 20, zoom: 0.5 }, plain);
    expect(list.drawn).toBe(2);
    expect(list.boxes.get('idle')).toEqual([10, 20, 100, 49.5, 210, 20, 100, 49.5]);
    // c is out of view, but the edge to it starts in view: both edges are drawn.
    expect(list.curves.length).toBe(16);
    expect(list.curves.slice(0, 2)).toEqual([112, 50]);
    const far = computeLodDrawList(scene, { ...view, x: -10_000, zoom: 1 }, plain);
    expect(far.drawn).toBe(0);
    expect(far.curves).toEqual([]);
  });

  it('bends edges as React Flow does: control points half the distance out, more when going back', () => {
    const scene = buildLodScene(nodes.slice(0, 2), edges.slice(0, 1), geometryOf);
    const [sx, sy, c1x, c1y, c2x, c2y, ex, ey] = computeLodDrawList(scene, view, plain).curves;
    expect([sx, sy, ex, ey]).toEqual([204, 60, 399, 60]);
    expect([c1x, c1y, c2x, c2y]).toEqual([204 + 97.5, 60, 399 - 97.5, 60]);
    // Target left of the source: the curve loops out by 0.25 × 25 × √distance on both ends.
    const back = buildLodScene(
      [
        { id: 'a', type: 'core.manual', position: { x: 400, y: 0 } },
        { id: 'b', type: 'core.set', position: { x: 0, y: 200 } },
      ],
      edges.slice(0, 1),
      geometryOf,
    );
    const curve = computeLodDrawList(back, { ...view, zoom: 0.5 }, plain).curves;
    const offset = 0.25 * 25 * Math.sqrt(604 - -1) * 0.5;
    expect(curve[2]).toBeCloseTo(604 * 0.5 + offset);
    expect(curve[4]).toBeCloseTo(-1 * 0.5 - offset);
  });

  it('groups boxes by run status and marks selection and problems', () => {
    const scene = buildLodScene(nodes, edges, geometryOf);
    const list = computeLodDrawList(scene, view, {
      statusOf: (id) => (id === 'a' ? 'succeeded' : id === 'b' ? 'running' : 'idle'),
      isSelected: (id) => id === 'b',
      hasProblems: (id) => id === 'a',
    });
    expect([...list.boxes.keys()]).toEqual(['succeeded', 'running']);
    expect(list.selected).toEqual([400, 0, 200, 99]);
    expect(list.flagged).toEqual([200, 0]);
  });

  it('draws a 2,000-node graph fitted to the window in full', () => {
    const grid: WorkflowNode[] = [];
    for (let c = 0; c < 50; c += 1)
      for (let r = 0; r < 40; r += 1)
        grid.push({ id: `n${c}_${r}`, type: 'core.set', position: { x: c * 280, y: r * 140 } });
    const scene = buildLodScene(grid, [], geometryOf);
    const list = computeLodDrawList(scene, { x: 20, y: 20, zoom: 0.054, width: 800, height: 600 }, plain);
    expect(list.drawn).toBe(2000);
  });
});
