// What the zoomed-out drawing paints for one view: the boxes in view grouped by run status (one fill
// per colour), the edges in view as React Flow's own bezier curves, outlines for the selection and a
// mark on nodes with problems, all in screen pixels. Pure, so a frame's work can be checked without a
// canvas; LodLayer paints the list.
import type { LodScene } from './lod-scene.js';
import type { ShownStatus } from './node-status.js';

/** React Flow's transform (screen = flow × zoom + x, y) and the pane's size in screen pixels. */
export interface LodView {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
  readonly width: number;
  readonly height: number;
}

export interface LodDrawList {
  /** Per status, four numbers per box: x, y, width, height. */
  readonly boxes: ReadonlyMap<ShownStatus, readonly number[]>;
  /** Eight numbers per edge: start, first control point, second control point, end. */
  readonly curves: readonly number[];
  /** Boxes of selected nodes, four numbers each. */
  readonly selected: readonly number[];
  /** Top-right corners of nodes with problems, two numbers each. */
  readonly flagged: readonly number[];
  /** How many nodes are in view (drawn). */
  readonly drawn: number;
}

/** Boxes being dragged (use-lod-drag.ts): drawn moved by dx, dy flow pixels, with their edges' ends. */
export interface LodBoxOffset {
  /** One flag per scene node: 1 when it moves. */
  readonly moving: Uint8Array;
  readonly dx: number;
  readonly dy: number;
}

export interface NodeLookups {
  statusOf(id: string): ShownStatus;
  isSelected(id: string): boolean;
  hasProblems(id: string): boolean;
}

/** React Flow's default edge (getBezierPath, curvature 0.25): how far a control point leaves its port. */
function controlOffset(distance: number): number {
  return distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance);
}

export function computeLodDrawList(
  scene: LodScene,
  view: LodView,
  lookups: NodeLookups,
  offset?: LodBoxOffset,
): LodDrawList {
  const { x: tx, y: ty, zoom, width, height } = view;
  const moving = offset?.moving;
  const odx = offset?.dx ?? 0;
  const ody = offset?.dy ?? 0;
  const boxes = new Map<ShownStatus, number[]>();
  const selected: number[] = [];
  const flagged: number[] = [];
  let drawn = 0;
  scene.boxes.forEach((b, i) => {
    const shift = moving?.[i] ?? 0;
    const x = (b.x + odx * shift) * zoom + tx;
    const y = (b.y + ody * shift) * zoom + ty;
    const w = b.width * zoom;
    const h = b.height * zoom;
    if (x > width || y > height || x + w < 0 || y + h < 0) return;
    const id = scene.ids[i]!;
    const status = lookups.statusOf(id);
    const list = boxes.get(status);
    if (list) list.push(x, y, w, h);
    else boxes.set(status, [x, y, w, h]);
    if (lookups.isSelected(id)) selected.push(x, y, w, h);
    if (lookups.hasProblems(id)) flagged.push(x + w, y);
    drawn += 1;
  });

  const curves: number[] = [];
  const e = scene.edges;
  const ends = scene.edgeEnds;
  for (let k = 0; k < e.length; k += 4) {
    const s = moving?.[ends[k / 2]!] ?? 0;
    const t = moving?.[ends[k / 2 + 1]!] ?? 0;
    const fsx = e[k]! + odx * s;
    const fex = e[k + 2]! + odx * t;
    const sx = fsx * zoom + tx;
    const sy = (e[k + 1]! + ody * s) * zoom + ty;
    const ex = fex * zoom + tx;
    const ey = (e[k + 3]! + ody * t) * zoom + ty;
    // In flow units, as React Flow computes it, then scaled (the square-root branch is not linear).
    const offset = controlOffset(fex - fsx) * zoom;
    // The curve stays within its end points' box widened by the control offsets.
    if (Math.max(sx + offset, ex) < 0 || Math.min(sx, ex - offset) > width) continue;
    if (Math.max(sy, ey) < 0 || Math.min(sy, ey) > height) continue;
    curves.push(sx, sy, sx + offset, sy, ex - offset, ey, ex, ey);
  }
  return { boxes, curves, selected, flagged, drawn };
}
