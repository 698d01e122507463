// The document as React Flow wants it. React Flow re-adopts a node only when its object changes, and
// re-renders a node component only when its props change, so the mapping keeps every node and edge
// object whose source, selection, size and visibility are unchanged: a change to one node rebuilds one
// object, not 2,000. Run status is never part of these objects (node views select it themselves).
// Every node carries its size and handle positions (node-geometry.ts), so React Flow knows where it
// is and where its edges end before rendering it: it renders only the nodes in view, never all of
// them hidden first to measure them.
import type { Connection, Edge, Node, NodeHandle } from '@xyflow/react';
import type { WorkflowEdge, WorkflowNode } from '../../engine/model/document.js';
import type { GeometryOf, NodeGeometry } from './node-geometry.js';

/** What a node view receives: the document node, as stored. */
export type WeftNodeData = { readonly node: WorkflowNode };
export type WeftFlowNode = Node<WeftNodeData, 'weft'>;
export type WeftFlowEdge = Edge;
export type Measured = { readonly width?: number; readonly height?: number };

export const NODE_TYPE = 'weft';
const ORIGIN = { x: 0, y: 0 };

interface NodeEntry {
  readonly src: WorkflowNode;
  readonly selected: boolean;
  readonly measured: Measured | undefined;
  readonly geometry: NodeGeometry;
  readonly hidden: boolean;
  readonly flow: WeftFlowNode;
}

/** How the nodes are shown besides the document: selection, sizes, geometry, the simplified view. */
export interface NodeMappingContext {
  readonly selected: ReadonlySet<string>;
  /** Sizes React Flow measured, when they differ from the computed geometry. */
  readonly measured: ReadonlyMap<string, Measured>;
  readonly geometryOf: GeometryOf;
  /** The simplified drawing shows the graph: React Flow keeps the nodes but renders none. */
  readonly hidden: boolean;
}

/** A mapper from document nodes to React Flow nodes that reuses unchanged objects between calls. */
export function createFlowNodeMapper() {
  let entries = new Map<string, NodeEntry>();
  let last: WeftFlowNode[] = [];
  return function toFlowNodes(nodes: readonly WorkflowNode[], context: NodeMappingContext): WeftFlowNode[] {
    const { selected, measured, geometryOf, hidden } = context;
    const next = new Map<string, NodeEntry>();
    const out: WeftFlowNode[] = new Array<WeftFlowNode>(nodes.length);
    let changed = nodes.length !== last.length;
    nodes.forEach((src, i) => {
      const isSelected = selected.has(src.id);
      const size = measured.get(src.id);
      const geometry = geometryOf(src.type, src.policy?.onError === 'route');
      const hit = entries.get(src.id);
      let entry: NodeEntry;
      if (
        hit &&
        hit.src === src &&
        hit.selected === isSelected &&
        hit.measured === size &&
        hit.geometry === geometry &&
        hit.hidden === hidden
      ) {
        entry = hit;
      } else {
        const flow: WeftFlowNode = {
          id: src.id,
          type: NODE_TYPE,
          position: src.position ?? ORIGIN,
          data: hit && hit.src === src ? hit.flow.data : { node: src },
          selected: isSelected,
          measured: size ?? { width: geometry.width, height: geometry.height },
          // Shared by every node of the type; React Flow copies what it reads from it.
          handles: geometry.handles as NodeHandle[],
          ...(hidden ? { hidden: true } : {}),
        };
        entry = { src, selected: isSelected, measured: size, geometry, hidden, flow };
      }
      next.set(src.id, entry);
      out[i] = entry.flow;
      if (last[i] !== entry.flow) changed = true;
    });
    entries = next;
    if (changed) last = out;
    return last;
  };
}

interface EdgeEntry {
  readonly src: WorkflowEdge;
  readonly selected: boolean;
  readonly flow: WeftFlowEdge;
}

export function toFlowEdge(edge: WorkflowEdge, selected: boolean): WeftFlowEdge {
  return {
    id: edge.id,
    source: edge.source,
    sourceHandle: edge.sourcePort,
    target: edge.target,
    targetHandle: edge.targetPort,
    selected,
    ...(edge.sourcePort === 'error' ? { className: 'weft-edge-error' } : {}),
  };
}

/** As createFlowNodeMapper, for edges. */
export function createFlowEdgeMapper() {
  let entries = new Map<string, EdgeEntry>();
  let last: WeftFlowEdge[] = [];
  return function toFlowEdges(edges: readonly WorkflowEdge[], selected: ReadonlySet<string>): WeftFlowEdge[] {
    const next = new Map<string, EdgeEntry>();
    let changed = edges.length !== last.length;
    const out = edges.map((src, i) => {
      const isSelected = selected.has(src.id);
      const hit = entries.get(src.id);
      const entry =
        hit && hit.src === src && hit.selected === isSelected
          ? hit
          : { src, selected: isSelected, flow: toFlowEdge(src, isSelected) };
      next.set(src.id, entry);
      if (last[i] !== entry.flow) changed = true;
      return entry.flow;
    });
    entries = next;
    if (changed) last = out;
    return last;
  };
}

/** The document edge a React Flow connection stands for (handles are port names), or null if incomplete. */
export function edgeFromConnection(c: Connection | Edge): Omit<WorkflowEdge, 'id'> | null {
  if (!c.source || !c.target || !c.sourceHandle || !c.targetHandle) return null;
  return { source: c.source, sourcePort: c.sourceHandle, target: c.target, targetPort: c.targetHandle };
}
