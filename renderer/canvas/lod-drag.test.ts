import { describe, expect, it } from 'vitest';
import type { WorkflowEdge, WorkflowNode } from '../../engine/model/document.js';
import { computeLodDrawList, type NodeLookups } from './lod-draw-list.js';
import {
  DRAG_THRESHOLD,
  finalPositions,
  IDLE,
  movePointer,
  nodesToMove,
  press,
  type PointerAt,
} from './lod-drag.js';
import { buildLodScene } from './lod-scene.js';
import { createGeometryCache } from './node-geometry.js';
import { testTypes } from './test-catalog.js';

/** A pointer at screen (x, y) in a view zoomed to 0.25 with no pan: flow = screen × 4. */
function at(x: number, y: number): PointerAt {
  return { screen: { x, y }, flow: { x: x * 4, y: y * 4 } };
}

const positions: Record<string, { x: number; y: number }> = {
  a: { x: 0, y: 0 },
  b: { x: 400, y: 0 },
  c: { x: 800, y: 10.4 },
};
const positionOf = (id: string) => positions[id];

describe('dragging boxes in the simplified drawing', () => {
  it('stays a press (a click) until the pointer has moved the threshold', () => {
    const pressed = press('a', at(100, 100));
    expect(movePointer(pressed, at(102, 102), [])).toBe(pressed);
    expect(movePointer(pressed, at(100 + DRAG_THRESHOLD - 0.5, 100), []).phase).toBe('pressed');
    expect(finalPositions(pressed, positionOf)).toBeNull();
    const dragging = movePointer(pressed, at(100 + DRAG_THRESHOLD, 100), []);
    expect(dragging).toMatchObject({ phase: 'dragging', ids: ['a'], dx: DRAG_THRESHOLD * 4, dy: 0 });
  });

  it('ignores pointer moves when nothing is pressed', () => {
    expect(movePointer(IDLE, at(500, 500), ['a'])).toBe(IDLE);
    expect(finalPositions(IDLE, positionOf)).toBeNull();
  });

  it('moves the whole selection when the pressed node is part of it, else the pressed node alone', () => {
    expect(nodesToMove('a', ['a', 'b'])).toEqual(['a', 'b']);
    expect(nodesToMove('c', ['a', 'b'])).toEqual(['c']);
    expect(nodesToMove('a', [])).toEqual(['a']);
    const dragging = movePointer(press('b', at(0, 0)), at(10, 0), ['a', 'b']);
    expect(dragging).toMatchObject({ phase: 'dragging', ids: ['a', 'b'] });
  });

  it('follows the pointer from where it was pressed and ends at whole flow pixels', () => {
    let state = movePointer(press('c', at(10, 10)), at(20, 10), ['c']);
    state = movePointer(state, at(35, 5), ['a']); // a selection change mid-drag does not change what moves
    expect(state).toMatchObject({ phase: 'dragging', ids: ['c'], dx: 100, dy: -20 });
    expect(finalPositions(state, positionOf)).toEqual(new Map([['c', { x: 900, y: -10 }]]));
  });

  it('commits nothing when the drag came back to where it started, and skips unknown nodes', () => {
    let state = movePointer(press('a', at(0, 0)), at(10, 0), ['a', 'gone']);
    expect(finalPositions(state, positionOf)).toEqual(new Map([['a', { x: 40, y: 0 }]]));
    state = movePointer(state, at(0, 0), []);
    expect(finalPositions(state, positionOf)).toBeNull();
  });
});

describe('the simplified drawing while boxes are dragged', () => {
  const geometryOf = createGeometryCache(testTypes);
  const nodes: WorkflowNode[] = [
    { id: 'a', type: 'core.manual', position: { x: 0, y: 0 } },
    { id: 'b', type: 'core.set', position: { x: 400, y: 0 } },
  ];
  const edges: WorkflowEdge[] = [{ id: 'e1', source: 'a', sourcePort: 'out', target: 'b', targetPort: 'in' }];
  const plain: NodeLookups = { statusOf: () => 'idle', isSelected: () => false, hasProblems: () => false };
  const view = { x: 0, y: 0, zoom: 1, width: 2000, height: 1000 };

  it('draws the moved boxes offset, with the ends of their edges, and the others where they are', () => {
    const scene = buildLodScene(nodes, edges, geometryOf);
    expect([...scene.edgeEnds]).toEqual([0, 1]);
    const still = computeLodDrawList(scene, view, plain);
    const moved = computeLodDrawList(scene, view, plain, { moving: Uint8Array.of(0, 1), dx: 50, dy: 20 });
    const [ax, ay, aw, ah, bx, by, bw, bh] = still.boxes.get('idle')!;
    expect(moved.boxes.get('idle')).toEqual([ax, ay, aw, ah, bx! + 50, by! + 20, bw, bh]);
    // The edge starts where it did and ends 50, 20 further, its control points recomputed.
    const [sx, sy, , , , , ex, ey] = still.curves;
    expect(moved.curves[0]).toBe(sx);
    expect(moved.curves[1]).toBe(sy);
    expect(moved.curves[6]).toBe(ex! + 50);
    expect(moved.curves[7]).toBe(ey! + 20);
    expect(moved.curves[2]).toBe(sx! + 0.5 * (ex! + 50 - sx!));
  });
});
