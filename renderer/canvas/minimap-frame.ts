// Which part of the flow the overview map shows and at what scale: the graph and the current view
// together, centred, with a margin, the way React Flow's own minimap frames it. Pure, so the mapping
// between map pixels and flow coordinates (both ways: drawing, and pointing at the map) is testable.
import type { Box } from './node-index.js';

export interface MiniMapFrame {
  /** Flow coordinates of the map's top-left corner. */
  readonly x: number;
  readonly y: number;
  /** Map pixels per flow pixel. */
  readonly scale: number;
}

/** Margin around the framed area, in view widths of the scale (React Flow's `offsetScale`). */
const MARGIN = 5;

/** The part of the flow a viewport shows (React Flow transform: screen = flow × zoom + x, y). */
export function viewBox(view: { x: number; y: number; zoom: number; width: number; height: number }): Box {
  return {
    x: -view.x / view.zoom,
    y: -view.y / view.zoom,
    width: view.width / view.zoom,
    height: view.height / view.zoom,
  };
}

function union(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
}

/** Frames `graph` (null: no nodes) and `view` in a map of `width` × `height` pixels. */
export function frameMiniMap(graph: Box | null, view: Box, width: number, height: number): MiniMapFrame {
  const shown = graph ? union(graph, view) : view;
  // Flow pixels per map pixel, so that the whole area fits both ways.
  const perPixel = Math.max(shown.width / width, shown.height / height) || 1;
  const margin = MARGIN * perPixel;
  const scale = Math.min(width / (perPixel * width + 2 * margin), height / (perPixel * height + 2 * margin));
  // Centred both ways: the scale fits one direction exactly, the other has room to spare.
  return {
    x: shown.x + shown.width / 2 - width / scale / 2,
    y: shown.y + shown.height / 2 - height / scale / 2,
    scale,
  };
}

/** A point on the map (pixels from its top-left corner) as flow coordinates. */
export function mapToFlow(frame: MiniMapFrame, px: number, py: number): { x: number; y: number } {
  return { x: frame.x + px / frame.scale, y: frame.y + py / frame.scale };
}
