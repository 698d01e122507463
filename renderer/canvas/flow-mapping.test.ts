import { describe, expect, it } from 'vitest';
import type { WorkflowNode } from '../../engine/model/document.js';
import { moveNodes } from '../stores/document-model.js';
import {
  createFlowEdgeMapper,
  createFlowNodeMapper,
  edgeFromConnection,
  toFlowEdge,
  type Measured,
} from './flow-mapping.js';
import { createGeometryCache } from './node-geometry.js';
import { testTypes } from './test-catalog.js';

const nodes: WorkflowNode[] = Array.from({ length: 2000 }, (_, i) => ({
  id: `n${i}`,
  type: 'core.set',
  position: { x: i, y: 0 },
}));
const none = new Set<string>();
const noSizes = new Map();
const geometryOf = createGeometryCache({});
const shown = (selected: ReadonlySet<string>, measured: ReadonlyMap<string, Measured> = noSizes) => ({
  selected,
  measured,
  geometryOf,
  hidden: false,
});

describe('document → React Flow nodes', () => {
  it('maps ids, positions and the document node as data', () => {
    const map = createFlowNodeMapper();
    const [first] = map(
      [{ id: 'a', type: 'core.set' }],
      shown(new Set(['a']), new Map([['a', { width: 10, height: 20 }]])),
    );
    expect(first).toEqual({
      id: 'a',
      type: 'weft',
      position: { x: 0, y: 0 },
      data: { node: { id: 'a', type: 'core.set' } },
      selected: true,
      measured: { width: 10, height: 20 },
      handles: [],
    });
  });

  it('rebuilds only the node that changed, and answers the same array when nothing did', () => {
    const map = createFlowNodeMapper();
    const a = map(nodes, shown(none));
    expect(map(nodes, shown(none))).toBe(a);
    const moved = moveNodes(nodes, new Map([['n5', { x: 99, y: 99 }]]));
    const b = map(moved, shown(none));
    expect(b).not.toBe(a);
    expect(b.filter((n, i) => n !== a[i]).map((n) => n.id)).toEqual(['n5']);
    expect(b[5]!.position).toEqual({ x: 99, y: 99 });
  });

  it('keeps the data object when only selection changes, so the node view can skip work', () => {
    const map = createFlowNodeMapper();
    const a = map(nodes, shown(none));
    const b = map(nodes, shown(new Set(['n1'])));
    expect(b[1]).not.toBe(a[1]);
    expect(b[1]!.data).toBe(a[1]!.data);
    expect(b[1]!.selected).toBe(true);
    expect(b[2]).toBe(a[2]);
  });
});

describe('node sizes and the simplified view', () => {
  it('gives every node its computed size and handles, so React Flow need not measure it first', () => {
    const map = createFlowNodeMapper();
    const [node] = map([{ id: 'a', type: 'core.set' }], {
      ...shown(none),
      geometryOf: createGeometryCache(testTypes),
    });
    expect(node!.measured).toEqual({ width: 200, height: 99 });
    expect(node!.handles?.map((h) => h.id)).toEqual(['in', 'out']);
    expect(node!.hidden).toBeUndefined();
  });

  it('hides every node for the simplified view, and rebuilds them all when the catalog changes', () => {
    const map = createFlowNodeMapper();
    const a = map(nodes, shown(none));
    const hidden = map(nodes, { ...shown(none), hidden: true });
    expect(hidden.every((n, i) => n !== a[i] && n.hidden === true && n.data === a[i]!.data)).toBe(true);
    const catalog = map(nodes, { ...shown(none), hidden: true, geometryOf: createGeometryCache(testTypes) });
    expect(catalog.every((n, i) => n !== hidden[i])).toBe(true);
    expect(catalog[0]!.measured).toEqual({ width: 200, height: 99 });
  });
});

describe('document ↔ React Flow edges', () => {
  it('uses port names as handle ids, both ways', () => {
    const edge = { id: 'e1', source: 'a', sourcePort: 'out', target: 'b', targetPort: 'in' };
    const flow = toFlowEdge(edge, false);
    expect(flow).toMatchObject({
      id: 'e1',
      source: 'a',
      sourceHandle: 'out',
      target: 'b',
      targetHandle: 'in',
    });
    expect(edgeFromConnection({ source: 'a', sourceHandle: 'out', target: 'b', targetHandle: 'in' })).toEqual(
      {
        source: 'a',
        sourcePort: 'out',
        target: 'b',
        targetPort: 'in',
      },
    );
    expect(
      edgeFromConnection({ source: 'a', sourceHandle: null, target: 'b', targetHandle: 'in' }),
    ).toBeNull();
  });

  it('reuses unchanged edge objects', () => {
    const map = createFlowEdgeMapper();
    const edges = [{ id: 'e1', source: 'a', sourcePort: 'out', target: 'b', targetPort: 'in' }];
    const a = map(edges, none);
    expect(map(edges, none)).toBe(a);
    expect(map(edges, new Set(['e1']))[0]!.selected).toBe(true);
  });
});
