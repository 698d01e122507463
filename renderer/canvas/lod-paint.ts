// Paints a draw list (lod-draw-list.ts) on a 2D canvas: edges first, as React Flow stacks them under
// the nodes, then one path per status colour, so 2,000 boxes cost a handful of fill calls.
import type { LodDrawList } from './lod-draw-list.js';
import type { ShownStatus } from './node-status.js';

export interface LodColours {
  readonly surface: string;
  readonly mask: string;
  readonly nodeBg: string;
  readonly nodeBorder: string;
  readonly edge: string;
  readonly selected: string;
  readonly danger: string;
  readonly status: Readonly<Record<ShownStatus, string>>;
}

const STATUSES: readonly ShownStatus[] = [
  'idle',
  'pending',
  'running',
  'retrying',
  'succeeded',
  'failed',
  'skipped',
  'cancelled',
];

/** The theme's colours (theme.css variables), as the element inherits them. */
export function readLodColours(element: Element): LodColours {
  const style = getComputedStyle(element);
  const read = (name: string) => style.getPropertyValue(name).trim() || '#888';
  return {
    surface: read('--surface'),
    mask: read('--surface-2'),
    nodeBg: read('--node-bg'),
    nodeBorder: read('--node-border'),
    edge: read('--edge'),
    selected: read('--node-selected'),
    danger: read('--danger'),
    status: Object.fromEntries(STATUSES.map((s) => [s, read(`--status-${s}`)])) as Record<
      ShownStatus,
      string
    >,
  };
}

/** The colours for the theme now shown, read again only when App switches the theme on the root. */
export function createColourCache(): (element: Element) => LodColours {
  let colours: LodColours | null = null;
  let theme: string | undefined;
  return (element) => {
    const now = document.documentElement.dataset['theme'];
    if (!colours || now !== theme) {
      colours = readLodColours(element);
      theme = now;
    }
    return colours;
  };
}

function rectPath(ctx: CanvasRenderingContext2D, rects: readonly number[], grow: number): void {
  ctx.beginPath();
  for (let k = 0; k < rects.length; k += 4) {
    ctx.rect(rects[k]! - grow, rects[k + 1]! - grow, rects[k + 2]! + 2 * grow, rects[k + 3]! + 2 * grow);
  }
}

export function paintLod(
  ctx: CanvasRenderingContext2D,
  list: LodDrawList,
  colours: LodColours,
  zoom: number,
  hovered: readonly number[],
): void {
  const c = list.curves;
  if (c.length > 0) {
    ctx.beginPath();
    for (let k = 0; k < c.length; k += 8) {
      ctx.moveTo(c[k]!, c[k + 1]!);
      ctx.bezierCurveTo(c[k + 2]!, c[k + 3]!, c[k + 4]!, c[k + 5]!, c[k + 6]!, c[k + 7]!);
    }
    ctx.strokeStyle = colours.edge;
    ctx.lineWidth = 1;
    ctx.stroke();
  }

  // An idle node is a card with a border, as in the full view; a node that ran is filled with its
  // status colour, so a run reads at a glance across the whole graph.
  for (const [status, rects] of list.boxes) {
    rectPath(ctx, rects, 0);
    ctx.fillStyle = status === 'idle' ? colours.nodeBg : colours.status[status];
    ctx.fill();
    if (status === 'idle') {
      ctx.strokeStyle = colours.nodeBorder;
      ctx.lineWidth = 1;
      ctx.stroke();
    }
  }

  if (hovered.length > 0) {
    rectPath(ctx, hovered, 1);
    ctx.strokeStyle = colours.selected;
    ctx.lineWidth = 1;
    ctx.stroke();
  }
  if (list.selected.length > 0) {
    rectPath(ctx, list.selected, 1.5);
    ctx.strokeStyle = colours.selected;
    ctx.lineWidth = 2;
    ctx.stroke();
  }

  const f = list.flagged;
  if (f.length > 0) {
    const radius = Math.min(5, Math.max(2.5, 8 * zoom));
    ctx.beginPath();
    for (let k = 0; k < f.length; k += 2) {
      ctx.moveTo(f[k]! + radius, f[k + 1]!);
      ctx.arc(f[k]!, f[k + 1]!, radius, 0, 2 * Math.PI);
    }
    ctx.fillStyle = colours.danger;
    ctx.fill();
  }
}
