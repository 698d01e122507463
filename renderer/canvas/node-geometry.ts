// A node's size and port positions, computed from its type the way canvas.css lays a node out (every
// height there is fixed). React Flow gets them up front (`measured` and `handles`), so it can place
// edges, fit the view and cull off-screen nodes without first rendering and measuring every node; the
// zoomed-out drawing places boxes and edge ends with them. Keep in step with canvas.css: the e2e checks
// and a real render measure the same numbers (see node-geometry.test.ts for the arithmetic).
import type { NodeHandle, Position } from '@xyflow/react';
import type { WorkflowNode } from '../../engine/model/document.js';
import type { PortSpec } from '../../engine/model/node-type.js';
import type { NodeTypeDescriptor } from '../../preload/contract.js';
import { ERROR_PORT } from './connection-rules.js';

/** canvas.css, .weft-node and its parts (border-box sizing everywhere). */
export const NODE_WIDTH = 200;
const BORDER = { top: 1, bottom: 1, left: 4, right: 1 } as const;
const HEADER_HEIGHT = 26;
const SUB_HEIGHT = 20;
const PORTS_PADDING = { top: 2, bottom: 6 } as const;
export const PORT_ROW_HEIGHT = 22;
const RUN_HEIGHT = 21;
const HANDLE_SIZE = 10;
/** From the node's top edge to the first port row's top edge. */
const FIRST_ROW_TOP = BORDER.top + HEADER_HEIGHT + SUB_HEIGHT + PORTS_PADDING.top;

export interface NodeGeometry {
  readonly width: number;
  readonly height: number;
  /** React Flow's handle bounds, relative to the node's top-left corner (ids are port names). */
  readonly handles: readonly NodeHandle[];
}

/** The ports a node shows: its type's, plus the implicit error output when it routes errors. */
export function shownPorts(
  type: NodeTypeDescriptor | undefined,
  routesErrors: boolean,
): { readonly inputs: readonly PortSpec[]; readonly outputs: readonly PortSpec[] } {
  if (!type) return { inputs: [], outputs: [] };
  return { inputs: type.inputs, outputs: routesErrors ? [...type.outputs, ERROR_PORT] : type.outputs };
}

function handle(name: string, row: number, side: 'target' | 'source'): NodeHandle {
  const centreX = side === 'target' ? BORDER.left : NODE_WIDTH - BORDER.right;
  return {
    id: name,
    type: side,
    position: (side === 'target' ? 'left' : 'right') as Position,
    x: centreX - HANDLE_SIZE / 2,
    y: FIRST_ROW_TOP + row * PORT_ROW_HEIGHT + (PORT_ROW_HEIGHT - HANDLE_SIZE) / 2,
    width: HANDLE_SIZE,
    height: HANDLE_SIZE,
  };
}

/** The geometry of a node of `type` (undefined: not in the catalog, drawn without ports). */
export function nodeGeometry(type: NodeTypeDescriptor | undefined, routesErrors: boolean): NodeGeometry {
  const { inputs, outputs } = shownPorts(type, routesErrors);
  const rows = Math.max(inputs.length, outputs.length);
  const ports = rows > 0 ? PORTS_PADDING.top + rows * PORT_ROW_HEIGHT + PORTS_PADDING.bottom : 0;
  return {
    width: NODE_WIDTH,
    height: BORDER.top + HEADER_HEIGHT + SUB_HEIGHT + ports + RUN_HEIGHT + BORDER.bottom,
    handles: [
      ...inputs.map((p, row) => handle(p.name, row, 'target')),
      ...outputs.map((p, row) => handle(p.name, row, 'source')),
    ],
  };
}

/** Where an edge meets a port, relative to the node's top-left corner (null: no such port). */
export function portAnchor(
  geometry: NodeGeometry,
  port: string,
  side: 'target' | 'source',
): { readonly x: number; readonly y: number } | null {
  const h = geometry.handles.find((candidate) => candidate.id === port && candidate.type === side);
  if (!h) return null;
  // React Flow's own rule: an edge ends at the outer middle of the handle's box.
  return { x: side === 'target' ? h.x : h.x + (h.width ?? 0), y: h.y + (h.height ?? 0) / 2 };
}

/**
 * Geometry by type and error routing, computed once per pair: 2,000 nodes share a handful of objects,
 * so a node's flow object can be compared by identity. A new catalog needs a new cache.
 */
export function createGeometryCache(byType: Readonly<Record<string, NodeTypeDescriptor>>) {
  const cache = new Map<string, NodeGeometry>();
  return function geometryOf(typeName: string, routesErrors: boolean): NodeGeometry {
    const key = `${routesErrors ? '1' : '0'}${typeName}`;
    let g = cache.get(key);
    if (!g) {
      g = nodeGeometry(byType[typeName], routesErrors);
      cache.set(key, g);
    }
    return g;
  };
}

export type GeometryOf = ReturnType<typeof createGeometryCache>;

/** The box around every node of the document, or null when it has none. */
export function documentBounds(
  nodes: readonly WorkflowNode[],
  geometryOf: GeometryOf,
): { x: number; y: number; width: number; height: number } | null {
  if (nodes.length === 0) return null;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of nodes) {
    const g = geometryOf(n.type, n.policy?.onError === 'route');
    const x = n.position?.x ?? 0;
    const y = n.position?.y ?? 0;
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x + g.width);
    maxY = Math.max(maxY, y + g.height);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}
