// A uniform grid over node boxes (flow coordinates), for answering "which node is under this point"
// without the DOM: the zoomed-out drawing has no element per node to click or hover. Built on the
// first question after a document change (2,000 nodes: about a millisecond), not on every keystroke.

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface NodeIndex {
  /** The topmost node whose box holds the point (later in the document = drawn later = on top). */
  hit(x: number, y: number): string | undefined;
}

/** Grid cell edge in flow pixels: a few nodes across, so a cell holds a handful of boxes. */
const CELL = 512;

/** Cells are numbered row by row; a graph a hundred million pixels wide would be needed to collide. */
function cellKey(cx: number, cy: number): number {
  return cx * 200_003 + cy;
}

function buildCells(boxes: readonly Box[]): Map<number, number[]> {
  const cells = new Map<number, number[]>();
  boxes.forEach((b, i) => {
    const x0 = Math.floor(b.x / CELL);
    const x1 = Math.floor((b.x + b.width) / CELL);
    const y0 = Math.floor(b.y / CELL);
    const y1 = Math.floor((b.y + b.height) / CELL);
    for (let cx = x0; cx <= x1; cx += 1) {
      for (let cy = y0; cy <= y1; cy += 1) {
        const key = cellKey(cx, cy);
        const list = cells.get(key);
        if (list) list.push(i);
        else cells.set(key, [i]);
      }
    }
  });
  return cells;
}

/** `boxes[i]` belongs to `ids[i]`. */
export function createNodeIndex(ids: readonly string[], boxes: readonly Box[]): NodeIndex {
  let cells: Map<number, number[]> | null = null;
  return {
    hit(x, y) {
      cells ??= buildCells(boxes);
      const list = cells.get(cellKey(Math.floor(x / CELL), Math.floor(y / CELL)));
      if (!list) return undefined;
      // Indices were pushed in document order: scan from the end for the topmost box.
      for (let k = list.length - 1; k >= 0; k -= 1) {
        const i = list[k]!;
        const b = boxes[i]!;
        if (x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height) return ids[i];
      }
      return undefined;
    },
  };
}
