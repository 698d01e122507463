// Where a node added without a drop point goes: near the wanted point, on the first spot where it
// overlaps no other node, so a double-click in the palette never hides one node under another.
import type { WorkflowNode } from '../../engine/model/document.js';
import type { Position } from '../stores/document-model.js';

export interface Box {
  readonly width: number;
  readonly height: number;
}

const GAP = 20;

function overlaps(a: Position, b: Position, size: Box): boolean {
  return Math.abs(a.x - b.x) < size.width + GAP && Math.abs(a.y - b.y) < size.height + GAP;
}

/** The first free spot from `wanted`, going down in rows, then to the next column. */
export function freeSpot(nodes: readonly WorkflowNode[], wanted: Position, size: Box): Position {
  const near = nodes
    .filter((n) => n.position && Math.abs(n.position.x - wanted.x) < size.width * 12)
    .map((n) => n.position!);
  for (let column = 0; column < 12; column++) {
    for (let row = 0; row < 12; row++) {
      const spot = { x: wanted.x + column * (size.width + GAP * 2), y: wanted.y + row * (size.height + GAP) };
      if (!near.some((p) => overlaps(p, spot, size))) return spot;
    }
  }
  return wanted;
}
