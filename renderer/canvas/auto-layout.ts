// Left-to-right layered layout with dagre. Pure: positions in, positions out; the caller applies them
// as one undo step (or as part of a load, for nodes that came without a position).
import dagre from '@dagrejs/dagre';
import type { WorkflowEdge, WorkflowNode } from '../../engine/model/document.js';
import type { NodeTypeDescriptor } from '../../preload/contract.js';
import type { Position } from '../stores/document-model.js';
import type { Measured } from './flow-mapping.js';
import { NODE_WIDTH, nodeGeometry, PORT_ROW_HEIGHT } from './node-geometry.js';

/** A node's height when nothing better is known: one row of ports. */
const FALLBACK_HEIGHT = nodeGeometry(undefined, false).height + PORT_ROW_HEIGHT;

/** A node's size before it was drawn (exact: node-geometry.ts computes it as canvas.css lays it out). */
export function estimateSize(type: NodeTypeDescriptor | undefined): { width: number; height: number } {
  const { width, height } = nodeGeometry(type, false);
  return { width, height };
}

export function layoutPositions(
  nodes: readonly WorkflowNode[],
  edges: readonly WorkflowEdge[],
  sizeOf: (node: WorkflowNode) => Measured,
): Map<string, Position> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 80, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  const sizes = new Map<string, { width: number; height: number }>();
  for (const n of nodes) {
    const m = sizeOf(n);
    const size = { width: m.width ?? NODE_WIDTH, height: m.height ?? FALLBACK_HEIGHT };
    sizes.set(n.id, size);
    g.setNode(n.id, size);
  }
  for (const e of edges) if (sizes.has(e.source) && sizes.has(e.target)) g.setEdge(e.source, e.target);
  dagre.layout(g);
  const out = new Map<string, Position>();
  for (const n of nodes) {
    const laid = g.node(n.id);
    const size = sizes.get(n.id)!;
    // dagre answers centres; React Flow positions are top-left corners.
    out.set(n.id, { x: Math.round(laid.x - size.width / 2), y: Math.round(laid.y - size.height / 2) });
  }
  return out;
}

/**
 * Positions for the nodes that have none (SPEC §1: placed by auto-layout when opened). When every node
 * lacks one, the whole graph is laid out; otherwise the missing ones go below the placed ones, in
 * layout order, so nothing the user placed moves.
 */
export function placeMissing(
  nodes: readonly WorkflowNode[],
  edges: readonly WorkflowEdge[],
  sizeOf: (node: WorkflowNode) => Measured,
): Map<string, Position> {
  const missing = nodes.filter((n) => !n.position);
  if (missing.length === 0) return new Map();
  const laid = layoutPositions(nodes, edges, sizeOf);
  if (missing.length === nodes.length) return laid;
  const placedBottom = Math.max(
    ...nodes.filter((n) => n.position).map((n) => n.position!.y + (sizeOf(n).height ?? 80)),
  );
  const laidTop = Math.min(...missing.map((n) => laid.get(n.id)!.y));
  const out = new Map<string, Position>();
  for (const n of missing) {
    const p = laid.get(n.id)!;
    out.set(n.id, { x: p.x, y: p.y - laidTop + placedBottom + 80 });
  }
  return out;
}
