// The document as the zoomed-out drawing needs it, in flow coordinates: one box per node (its real
// size, from node-geometry.ts) and one curve per edge between the real port positions, plus the grid
// index for hit-testing. Rebuilt when the document or the catalog changes, not when the view moves.
import type { WorkflowEdge, WorkflowNode } from '../../engine/model/document.js';
import { documentBounds, portAnchor, type GeometryOf, type NodeGeometry } from './node-geometry.js';
import { createNodeIndex, type Box, type NodeIndex } from './node-index.js';

export interface LodScene {
  /** Node ids in document order; `boxes[i]` is `ids[i]`'s box. */
  readonly ids: readonly string[];
  readonly boxes: readonly Box[];
  /** Four numbers per edge: source x, y (an output port), target x, y (an input port). */
  readonly edges: Float64Array;
  /** Two numbers per edge of `edges`: its source's and its target's index in `ids` (a drag moves ends). */
  readonly edgeEnds: Int32Array;
  readonly index: NodeIndex;
  /** The box around every node, or null for an empty document. */
  readonly bounds: Box | null;
}

const ORIGIN = { x: 0, y: 0 };

/** Where an edge meets its node: the port's anchor, or the middle of the side when the port is unknown. */
function anchor(box: Box, geometry: NodeGeometry, port: string, side: 'source' | 'target') {
  const a = portAnchor(geometry, port, side);
  if (a) return { x: box.x + a.x, y: box.y + a.y };
  return { x: side === 'source' ? box.x + box.width : box.x, y: box.y + box.height / 2 };
}

export function buildLodScene(
  nodes: readonly WorkflowNode[],
  edges: readonly WorkflowEdge[],
  geometryOf: GeometryOf,
): LodScene {
  const ids: string[] = new Array<string>(nodes.length);
  const boxes: Box[] = new Array<Box>(nodes.length);
  const byId = new Map<string, { box: Box; geometry: NodeGeometry; index: number }>();
  nodes.forEach((n, i) => {
    const geometry = geometryOf(n.type, n.policy?.onError === 'route');
    const p = n.position ?? ORIGIN;
    const box = { x: p.x, y: p.y, width: geometry.width, height: geometry.height };
    ids[i] = n.id;
    boxes[i] = box;
    byId.set(n.id, { box, geometry, index: i });
  });

  const lines = new Float64Array(edges.length * 4);
  const ends = new Int32Array(edges.length * 2);
  let count = 0;
  for (const e of edges) {
    const from = byId.get(e.source);
    const to = byId.get(e.target);
    if (!from || !to) continue;
    const s = anchor(from.box, from.geometry, e.sourcePort, 'source');
    const t = anchor(to.box, to.geometry, e.targetPort, 'target');
    const at = count * 4;
    lines[at] = s.x;
    lines[at + 1] = s.y;
    lines[at + 2] = t.x;
    lines[at + 3] = t.y;
    ends[count * 2] = from.index;
    ends[count * 2 + 1] = to.index;
    count += 1;
  }

  return {
    ids,
    boxes,
    edges: count * 4 === lines.length ? lines : lines.slice(0, count * 4),
    edgeEnds: count * 2 === ends.length ? ends : ends.slice(0, count * 2),
    index: createNodeIndex(ids, boxes),
    bounds: documentBounds(nodes, geometryOf),
  };
}
