// The problems list, pure: the live problems (always current) merged with the host's last check
// (`workflows.validate`, which also sees params schemas and policies). A check answers for the document
// as it was; each of its problems is anchored to what it concerns (a node's type, params, policy and
// label; an edge; the document's other keys) and stays listed only while that is unchanged, with its
// path re-indexed to where the node now sits. Graph problems are the live checks' own, so the check's
// copies of them are left out rather than shown stale.
import type { WorkflowEdge, WorkflowNode } from '../../../engine/model/document.js';
import type { Problem, ProblemCode } from '../../../engine/model/problem.js';
import type { DocumentSnapshot } from '../../stores/document-model.js';
import { nodeOfPath } from '../../stores/live-problems.js';

/** Codes the live checks (engine graph checks) find themselves, so always from the current graph. */
const LIVE_CODES: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
  'UNKNOWN_NODE_TYPE',
  'DUPLICATE_ID',
  'MISSING_NODE',
  'MISSING_PORT',
  'PORT_TYPE_MISMATCH',
  'PORT_TAKEN',
  'CYCLE',
]);

type NodeFacts = Pick<WorkflowNode, 'type' | 'params' | 'policy' | 'label'>;

export type Anchor =
  | { readonly kind: 'node'; readonly id: string; readonly facts: NodeFacts; readonly rest: string }
  | { readonly kind: 'edge'; readonly id: string; readonly edge: WorkflowEdge; readonly rest: string }
  | { readonly kind: 'document'; readonly meta: DocumentSnapshot['meta'] };

/** A problem from a check, with what it concerns as it was when checked. */
export interface AnchoredProblem extends Problem {
  readonly anchor: Anchor;
}

/** One entry of the list. */
export interface ListedProblem extends Problem {
  /** Unique in the list: path and message. */
  readonly key: string;
  /** The node to select and show, if the problem is about one (an edge's: its target). */
  readonly nodeId?: string;
  readonly source: 'live' | 'check';
}

const INDEXED = /^(nodes|edges)\[(\d+)\]/;

function factsOf(n: WorkflowNode): NodeFacts {
  return { type: n.type, params: n.params, policy: n.policy, label: n.label };
}

function sameFacts(a: NodeFacts, n: WorkflowNode): boolean {
  return a.type === n.type && a.params === n.params && a.policy === n.policy && a.label === n.label;
}

/** Anchors a check's problems to the snapshot that was checked; the live checks' codes are dropped. */
export function anchorProblems(problems: readonly Problem[], checked: DocumentSnapshot): AnchoredProblem[] {
  const out: AnchoredProblem[] = [];
  for (const p of problems) {
    if (LIVE_CODES.has(p.code)) continue;
    const m = INDEXED.exec(p.path);
    const rest = m ? p.path.slice(m[0].length) : '';
    const node = m?.[1] === 'nodes' ? checked.nodes[Number(m[2])] : undefined;
    const edge = m?.[1] === 'edges' ? checked.edges[Number(m[2])] : undefined;
    if (node) out.push({ ...p, anchor: { kind: 'node', id: node.id, facts: factsOf(node), rest } });
    else if (edge) out.push({ ...p, anchor: { kind: 'edge', id: edge.id, edge, rest } });
    else if (!m) out.push({ ...p, anchor: { kind: 'document', meta: checked.meta } });
  }
  return out;
}

function indexById<T extends { id: string }>(items: readonly T[]): Map<string, number> {
  const map = new Map<string, number>();
  items.forEach((item, i) => map.set(item.id, i));
  return map;
}

/** The check's problems that still hold for `current`, with paths where their subject now sits. */
export function currentCheckProblems(
  anchored: readonly AnchoredProblem[],
  current: DocumentSnapshot,
): ListedProblem[] {
  if (anchored.length === 0) return [];
  const nodeIndex = anchored.some((p) => p.anchor.kind === 'node') ? indexById(current.nodes) : null;
  const edgeIndex = anchored.some((p) => p.anchor.kind === 'edge') ? indexById(current.edges) : null;
  const out: ListedProblem[] = [];
  for (const p of anchored) {
    const { anchor } = p;
    let path: string | undefined;
    let nodeId: string | undefined;
    if (anchor.kind === 'node') {
      const i = nodeIndex?.get(anchor.id);
      const node = i === undefined ? undefined : current.nodes[i];
      if (node && sameFacts(anchor.facts, node)) {
        path = `nodes[${i}]${anchor.rest}`;
        nodeId = node.id;
      }
    } else if (anchor.kind === 'edge') {
      const i = edgeIndex?.get(anchor.id);
      if (i !== undefined && current.edges[i] === anchor.edge) {
        path = `edges[${i}]${anchor.rest}`;
        nodeId = anchor.edge.target;
      }
    } else if (anchor.meta === current.meta) {
      path = p.path;
    }
    if (path === undefined) continue;
    out.push({
      path,
      message: p.message,
      code: p.code,
      key: `${path}\u0000${p.message}`,
      source: 'check',
      ...(nodeId !== undefined ? { nodeId } : {}),
    });
  }
  return out;
}

function orderOf(p: ListedProblem): [number, number] {
  const m = INDEXED.exec(p.path);
  if (!m) return [0, 0];
  return [m[1] === 'nodes' ? 1 : 2, Number(m[2])];
}

/**
 * The list: live problems and the check's, without duplicates (same path and message), ordered
 * document first, then by node, then by edge, each keeping its own order within.
 */
export function mergeProblems(
  live: readonly Problem[],
  fromCheck: readonly ListedProblem[],
  current: Pick<DocumentSnapshot, 'nodes' | 'edges'>,
): ListedProblem[] {
  const seen = new Set<string>();
  const out: ListedProblem[] = [];
  for (const p of live) {
    const key = `${p.path}\u0000${p.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const nodeId = nodeOfPath(p.path, current.nodes, current.edges);
    out.push({ ...p, key, source: 'live', ...(nodeId !== undefined ? { nodeId } : {}) });
  }
  for (const p of fromCheck) {
    if (seen.has(p.key)) continue;
    seen.add(p.key);
    out.push(p);
  }
  const ranked = out.map((p, i) => ({ p, i, order: orderOf(p) }));
  ranked.sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.i - b.i);
  return ranked.map((r) => r.p);
}

/** The path as seen from its node: `nodes[3].params.url` → `params.url`. */
export function pathWithinNode(path: string): string {
  const m = /^nodes\[\d+\]\.?/.exec(path);
  return m ? path.slice(m[0].length) || '(node)' : path;
}
