import { describe, expect, it } from 'vitest';
import {
  createGeometryCache,
  documentBounds,
  nodeGeometry,
  portAnchor,
  shownPorts,
} from './node-geometry.js';
import { testTypes } from './test-catalog.js';

// The numbers below are what Chromium measured for canvas.css (a node is 200 px wide; header 26, sub
// line 20, port rows 22 with 2 + 6 padding, run line 21, 1 px borders top and bottom, 4 px on the left).
describe('node geometry', () => {
  it('sizes a node by its busier side of ports', () => {
    expect(nodeGeometry(testTypes['core.set'], false)).toMatchObject({ width: 200, height: 99 });
    expect(nodeGeometry(testTypes['core.manual'], false).height).toBe(99);
    // No ports at all (an unknown type, or the catalog not loaded yet): no ports block.
    expect(nodeGeometry(undefined, false).height).toBe(69);
  });

  it('adds the error port when the node routes errors', () => {
    const g = nodeGeometry(testTypes['core.set'], true);
    expect(g.height).toBe(121);
    expect(shownPorts(testTypes['core.set'], true).outputs.map((p) => p.name)).toEqual(['out', 'error']);
    expect(g.handles.map((h) => `${h.type}:${h.id}`)).toEqual(['target:in', 'source:out', 'source:error']);
  });

  it('puts handles on the node edges, one row apart, centred in their row', () => {
    const [input, output, error] = nodeGeometry(testTypes['core.set'], true).handles;
    expect(input).toMatchObject({ x: -1, y: 55, width: 10, height: 10, position: 'left' });
    expect(output).toMatchObject({ x: 194, y: 55, position: 'right' });
    expect(error).toMatchObject({ x: 194, y: 77 });
  });

  it('anchors edges where React Flow does: the outer middle of the handle', () => {
    const g = nodeGeometry(testTypes['core.set'], false);
    expect(portAnchor(g, 'in', 'target')).toEqual({ x: -1, y: 60 });
    expect(portAnchor(g, 'out', 'source')).toEqual({ x: 204, y: 60 });
    expect(portAnchor(g, 'out', 'target')).toBeNull();
    expect(portAnchor(g, 'nope', 'source')).toBeNull();
  });

  it('shares one geometry object per type and error routing', () => {
    const geometryOf = createGeometryCache(testTypes);
    expect(geometryOf('core.set', false)).toBe(geometryOf('core.set', false));
    expect(geometryOf('core.set', true)).not.toBe(geometryOf('core.set', false));
    expect(geometryOf('no.such', false).handles).toEqual([]);
  });

  it('bounds a document by its nodes, sizes included', () => {
    const geometryOf = createGeometryCache(testTypes);
    expect(documentBounds([], geometryOf)).toBeNull();
    expect(
      documentBounds(
        [
          { id: 'a', type: 'core.set', position: { x: -50, y: 10 } },
          { id: 'b', type: 'core.manual', position: { x: 300, y: 400 } },
        ],
        geometryOf,
      ),
    ).toEqual({ x: -50, y: 10, width: 550, height: 489 });
  });
});
