/**
 * The difference between two versions of a workflow, by node and edge id (issue 3 §3): what the
 * history panel shows and what `weft` prints. Ids, not positions in the arrays, identify things, so
 * reordering nodes is no change and renaming a label is one change.
 */
import {
  formatPath,
  type WorkflowDocument,
  type WorkflowEdge,
  type WorkflowNode,
} from '../../engine/index.js';
import type { NodeChange, ValueChange, WorkflowDiff as ContractWorkflowDiff } from '../../preload/contract.js';

export type { NodeChange, ValueChange };

/** The contract's WorkflowDiff without what the caller knows (which workflow, which versions). */
export type WorkflowDiff = Omit<ContractWorkflowDiff, 'workflowId' | 'from' | 'to'> & {
  /** True when nothing at all differs apart from node order. */
  readonly same: boolean;
};

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * The leaf-level differences between two JSON values, pushed in a stable order (keys sorted, array
 * indexes ascending). Where the kinds differ (object versus array versus scalar) the whole value is
 * one change, since a path-by-path listing would be noise.
 */
function diffValues(before: unknown, after: unknown, path: Array<string | number>, out: ValueChange[]): void {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const k of keys) diffValues(before[k], after[k], [...path, k], out);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const n = Math.max(before.length, after.length);
    for (let i = 0; i < n; i++) diffValues(before[i], after[i], [...path, i], out);
    return;
  }
  if (before === after || (Number.isNaN(before) && Number.isNaN(after))) return;
  out.push({ path: formatPath(path), before, after });
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

function sorted(ids: Iterable<string>): string[] {
  return [...ids].sort();
}

function nodeChanges(a: WorkflowNode, b: WorkflowNode): ValueChange[] {
  const changes: ValueChange[] = [];
  diffValues(a.type, b.type, ['type'], changes);
  diffValues(a.label, b.label, ['label'], changes);
  // An absent params is `{}` (SPEC §1), so adding an empty one is no change.
  diffValues(a.params ?? {}, b.params ?? {}, ['params'], changes);
  diffValues(a.policy, b.policy, ['policy'], changes);
  return changes;
}

function sameEdge(a: WorkflowEdge, b: WorkflowEdge): boolean {
  return (
    a.source === b.source &&
    a.sourcePort === b.sourcePort &&
    a.target === b.target &&
    a.targetPort === b.targetPort
  );
}

/** What changed from `a` to `b`, with every list in a deterministic order (ids and paths sorted). */
export function diffDocuments(a: WorkflowDocument, b: WorkflowDocument): WorkflowDiff {
  const nodesA = byId(a.nodes);
  const nodesB = byId(b.nodes);
  const changed: NodeChange[] = [];
  const moved: Array<{ id: string; before: unknown; after: unknown }> = [];
  for (const id of sorted(nodesA.keys())) {
    const na = nodesA.get(id);
    const nb = nodesB.get(id);
    if (!na || !nb) continue;
    const changes = nodeChanges(na, nb);
    if (changes.length > 0) changed.push({ id, changes });
    const position: ValueChange[] = [];
    diffValues(na.position, nb.position, ['position'], position);
    if (position.length > 0) moved.push({ id, before: na.position, after: nb.position });
  }

  const edgesA = byId(a.edges);
  const edgesB = byId(b.edges);
  const edgesChanged = sorted(edgesA.keys()).filter((id) => {
    const ea = edgesA.get(id);
    const eb = edgesB.get(id);
    return ea !== undefined && eb !== undefined && !sameEdge(ea, eb);
  });

  const settings: ValueChange[] = [];
  diffValues(a.settings ?? {}, b.settings ?? {}, ['settings'], settings);
  const other: ValueChange[] = [];
  diffValues(a.description, b.description, ['description'], other);
  diffValues(a.tags ?? [], b.tags ?? [], ['tags'], other);
  diffValues(a.requires ?? [], b.requires ?? [], ['requires'], other);

  const nodes = {
    added: sorted([...nodesB.keys()].filter((id) => !nodesA.has(id))),
    removed: sorted([...nodesA.keys()].filter((id) => !nodesB.has(id))),
    changed,
    moved,
  };
  const edges = {
    added: sorted([...edgesB.keys()].filter((id) => !edgesA.has(id))),
    removed: sorted([...edgesA.keys()].filter((id) => !edgesB.has(id))),
    changed: edgesChanged,
  };
  const nameChanged = a.name !== b.name;
  const same =
    !nameChanged &&
    settings.length === 0 &&
    other.length === 0 &&
    [nodes.added, nodes.removed, nodes.changed, nodes.moved, edges.added, edges.removed, edges.changed].every(
      (l) => l.length === 0,
    );
  return {
    nodes,
    edges,
    settings,
    ...(nameChanged ? { name: { before: a.name, after: b.name } } : {}),
    other,
    same,
  };
}
