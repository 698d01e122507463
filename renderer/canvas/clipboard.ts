// Copy and paste of nodes, the pure part: what a copy holds (the chosen nodes and the edges between
// them, as JSON text with a marker), reading such text back (also a whole `.weft.json` document), and
// the plan for a paste: ids that collide get fresh ones (SPEC §1 id rules), edges follow their
// nodes, and the group lands offset from where it was, or in view when it was copied elsewhere.
import { edgeSchema, nodeSchema, type WorkflowEdge, type WorkflowNode } from '../../engine/model/document.js';
import type { Position } from '../stores/document-model.js';

/** The marker of a copy (`{"weft":"nodes", …}`), so a paste tells ours from any other text. */
export const CLIP_MARKER = 'nodes';
export const CLIP_VERSION = 1;

export interface Clip {
  readonly nodes: readonly WorkflowNode[];
  readonly edges: readonly WorkflowEdge[];
}

/** How far a paste lands from the copied nodes, repeated until it covers no node already there. */
export const PASTE_STEP = 40;

/** The selected nodes and every edge whose two ends are among them; null when no node is selected. */
export function clipOf(
  nodes: readonly WorkflowNode[],
  edges: readonly WorkflowEdge[],
  selectedIds: Iterable<string>,
): Clip | null {
  const ids = new Set(selectedIds);
  if (ids.size === 0) return null;
  const chosen = nodes.filter((n) => ids.has(n.id));
  if (chosen.length === 0) return null;
  return { nodes: chosen, edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
}

export function serializeClip(clip: Clip): string {
  return JSON.stringify({ weft: CLIP_MARKER, version: CLIP_VERSION, nodes: clip.nodes, edges: clip.edges });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The clip in `text`: a copy made here, or a whole workflow document (its nodes and edges). Null for
 * anything else. Nodes and edges that break the document's own rules are dropped, as are edges whose
 * ends are not both in the clip.
 */
export function parseClip(text: string): Clip | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return null;
  const value = parseJson(trimmed);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const rec = value as Record<string, unknown>;
  const ours = rec['weft'] === CLIP_MARKER;
  const aDocument = rec['format'] === 'weft.workflow';
  if (!ours && !aDocument) return null;
  const rawNodes = Array.isArray(rec['nodes']) ? (rec['nodes'] as unknown[]) : [];
  const rawEdges = Array.isArray(rec['edges']) ? (rec['edges'] as unknown[]) : [];
  const nodes: WorkflowNode[] = [];
  const ids = new Set<string>();
  for (const raw of rawNodes) {
    const parsed = nodeSchema.safeParse(raw);
    if (!parsed.success || ids.has(parsed.data.id)) continue;
    ids.add(parsed.data.id);
    nodes.push(parsed.data);
  }
  if (nodes.length === 0) return null;
  const edges: WorkflowEdge[] = [];
  for (const raw of rawEdges) {
    const parsed = edgeSchema.safeParse(raw);
    if (parsed.success && ids.has(parsed.data.source) && ids.has(parsed.data.target)) edges.push(parsed.data);
  }
  return { nodes, edges };
}

const ID_MAX = 64;

/** `greet` → `greet_1`, `set_3` → `set_4`…: the first id of that family no one has taken. */
export function freshId(wanted: string, taken: ReadonlySet<string>): string {
  if (!taken.has(wanted)) return wanted;
  const base = wanted.replace(/_\d+$/, '').slice(0, ID_MAX - 8) || 'node';
  for (let n = 1; ; n++) {
    const id = `${base}_${n}`;
    if (!taken.has(id)) return id;
  }
}

/** Keeps `wanted` when free, else the next free `e<n>`; either way the id is taken afterwards. */
function claimEdgeId(wanted: string, taken: Set<string>, counter: { n: number }): string {
  let id = wanted;
  while (taken.has(id)) id = `e${counter.n++}`;
  taken.add(id);
  return id;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

function boundsOf(nodes: readonly WorkflowNode[]): Rect {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of nodes) {
    const p = n.position ?? { x: 0, y: 0 };
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

function intersects(a: Rect, b: Rect): boolean {
  return a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
}

/**
 * Where the clip's nodes move by. Pasting next to the originals: one step down-right, more when an
 * earlier paste already sits there (so repeated pastes fan out rather than pile up). When that spot is
 * out of `view` (copied in another workflow, or scrolled away), the group is centred in the view.
 */
export function pasteShift(clip: Clip, existing: readonly WorkflowNode[], view?: Rect): Position {
  const first = clip.nodes[0]?.position ?? { x: 0, y: 0 };
  const occupied = new Set<string>();
  for (const n of existing) if (n.position) occupied.add(`${n.position.x},${n.position.y}`);
  let k = 1;
  while (k < 1000 && occupied.has(`${first.x + k * PASTE_STEP},${first.y + k * PASTE_STEP}`)) k++;
  const shift = { x: k * PASTE_STEP, y: k * PASTE_STEP };
  if (!view) return shift;
  const bounds = boundsOf(clip.nodes);
  const landed = { ...bounds, x: bounds.x + shift.x, y: bounds.y + shift.y };
  if (intersects(landed, view)) return shift;
  return {
    x: Math.round(view.x + view.width / 2 - (bounds.x + bounds.width / 2)),
    y: Math.round(view.y + view.height / 2 - (bounds.y + bounds.height / 2)),
  };
}

export interface PastePlan {
  readonly nodes: WorkflowNode[];
  readonly edges: WorkflowEdge[];
  /** Ids of the pasted nodes, to select them. */
  readonly nodeIds: string[];
}

/**
 * The nodes and edges to add for a paste into a document holding `existing` nodes and edges. An id
 * still free in the document is kept (a group copied into another workflow stays as it was, so its
 * templates' `nodes.<id>` references still hold); a taken one gets the next free id of its family.
 */
export function planPaste(
  clip: Clip,
  existing: { readonly nodes: readonly WorkflowNode[]; readonly edges: readonly WorkflowEdge[] },
  view?: Rect,
): PastePlan {
  const shift = pasteShift(clip, existing.nodes, view);
  const takenNodes = new Set(existing.nodes.map((n) => n.id));
  const renamed = new Map<string, string>();
  const nodes = clip.nodes.map((n) => {
    const id = freshId(n.id, takenNodes);
    takenNodes.add(id);
    renamed.set(n.id, id);
    const p = n.position ?? { x: 0, y: 0 };
    return { ...n, id, position: { x: p.x + shift.x, y: p.y + shift.y } };
  });
  const takenEdges = new Set(existing.edges.map((e) => e.id));
  const counter = { n: existing.edges.length + 1 };
  const edges = clip.edges.map((e) => ({
    ...e,
    id: claimEdgeId(e.id, takenEdges, counter),
    source: renamed.get(e.source) ?? e.source,
    target: renamed.get(e.target) ?? e.target,
  }));
  return { nodes, edges, nodeIds: nodes.map((n) => n.id) };
}

/**
 * Which copy a paste takes: ours when the system clipboard holds one; else the copy kept in storage,
 * unless the system clipboard holds other text that copy once reached (something was copied since).
 * `systemText` is null when the system clipboard could not be read.
 */
export function clipToPaste(
  systemText: string | null,
  stored: { readonly text: string; readonly onSystemClipboard: boolean } | null,
): Clip | null {
  const fromSystem = systemText ? parseClip(systemText) : null;
  if (fromSystem) return fromSystem;
  if (!stored) return null;
  if (systemText && systemText.trim() !== '' && stored.onSystemClipboard) return null;
  return parseClip(stored.text);
}
