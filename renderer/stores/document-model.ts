// The document as the editor holds it, and the pure operations on it. The store (document.store.ts)
// wraps these in actions; keeping them pure keeps them testable and lets undo hold plain snapshots.
import type { WorkflowDocument, WorkflowEdge, WorkflowNode } from '../../engine/model/document.js';

/** Every top-level key of a document but `format`, `formatVersion`, `nodes` and `edges`. */
export type DocumentMeta = Omit<WorkflowDocument, 'format' | 'formatVersion' | 'nodes' | 'edges'> & {
  name: string;
};

/** What undo records: the document and nothing else. Arrays are replaced, never mutated. */
export interface DocumentSnapshot {
  readonly meta: DocumentMeta;
  readonly nodes: readonly WorkflowNode[];
  readonly edges: readonly WorkflowEdge[];
}

export type Position = { x: number; y: number };

export const UNTITLED = 'Untitled workflow';

export function emptySnapshot(name: string = UNTITLED): DocumentSnapshot {
  return { meta: { name }, nodes: [], edges: [] };
}

/** Splits a stored document into the editor's snapshot (unknown keys were refused by the host). */
export function fromDocument(doc: WorkflowDocument): DocumentSnapshot {
  const { format: _format, formatVersion: _version, nodes, edges, ...rest } = doc;
  return { meta: { ...rest, name: rest.name ?? UNTITLED }, nodes, edges };
}

/** The document to save, export or validate. */
export function toDocument(snapshot: DocumentSnapshot): WorkflowDocument {
  return {
    format: 'weft.workflow',
    formatVersion: 1,
    ...snapshot.meta,
    nodes: [...snapshot.nodes],
    edges: [...snapshot.edges],
  };
}

function takenSet(items: ReadonlyArray<{ id: string }>): Set<string> {
  return new Set(items.map((i) => i.id));
}

/** The first free id of the form `<base>_<n>`, from a node type such as `core.set` → `set_1`. */
export function freeNodeId(type: string, nodes: readonly WorkflowNode[]): string {
  const base = (type.split('.').pop() ?? 'node').replace(/[^A-Za-z0-9_-]/g, '').slice(0, 50) || 'node';
  const taken = takenSet(nodes);
  for (let n = 1; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

export function freeEdgeId(edges: readonly WorkflowEdge[]): string {
  const taken = takenSet(edges);
  for (let n = edges.length + 1; ; n++) if (!taken.has(`e${n}`)) return `e${n}`;
}

/** Replaces the nodes named in `changes` by `change(node)`; keeps every other node object as it was. */
export function mapNodes(
  nodes: readonly WorkflowNode[],
  ids: ReadonlySet<string>,
  change: (node: WorkflowNode) => WorkflowNode,
): WorkflowNode[] {
  return nodes.map((n) => (ids.has(n.id) ? change(n) : n));
}

/** Moves nodes; returns the same array when nothing moved, so no history step is recorded. */
export function moveNodes(
  nodes: readonly WorkflowNode[],
  positions: ReadonlyMap<string, Position>,
): readonly WorkflowNode[] {
  let changed = false;
  const next = nodes.map((n) => {
    const p = positions.get(n.id);
    if (!p || (n.position && n.position.x === p.x && n.position.y === p.y)) return n;
    changed = true;
    return { ...n, position: { x: p.x, y: p.y } };
  });
  return changed ? next : nodes;
}

/** Removes nodes and edges, and every edge that touched a removed node. */
export function removeElements(
  snapshot: DocumentSnapshot,
  nodeIds: ReadonlySet<string>,
  edgeIds: ReadonlySet<string>,
): Pick<DocumentSnapshot, 'nodes' | 'edges'> {
  const nodes = nodeIds.size ? snapshot.nodes.filter((n) => !nodeIds.has(n.id)) : snapshot.nodes;
  const edges = snapshot.edges.filter(
    (e) => !edgeIds.has(e.id) && !nodeIds.has(e.source) && !nodeIds.has(e.target),
  );
  return { nodes, edges: edges.length === snapshot.edges.length ? snapshot.edges : edges };
}

/** Sets or clears (value `undefined`) one param, returning a new params object. */
export function withParam(node: WorkflowNode, name: string, value: unknown): WorkflowNode {
  const params = { ...(node.params ?? {}) };
  if (value === undefined) delete params[name];
  else params[name] = value;
  return { ...node, params };
}
