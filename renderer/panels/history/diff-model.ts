// What the diff view shows for a `workflows.diff` answer: rows per node and edge coloured by kind, the
// changed values per path with short before/after texts, and the document-level changes. The two
// versions' documents, when known, name the nodes (label, type) and the edges' ends.
import type { WorkflowDocument } from '../../../engine/model/document.js';
import type { ValueChange, WorkflowDiff } from '../../../preload/contract.js';

export type ChangeKind = 'added' | 'removed' | 'changed' | 'moved';

/** One value that differs; `null` text means "absent" on that side. */
export interface ValueLine {
  readonly path: string;
  readonly kind: 'added' | 'removed' | 'changed';
  readonly before: string | null;
  readonly after: string | null;
}

export interface NodeRow {
  readonly id: string;
  readonly kind: ChangeKind;
  /** The node's label, else its id. */
  readonly title: string;
  readonly type: string | null;
  readonly values: readonly ValueLine[];
  /** The node is in the document on the canvas, so a click can select it. */
  readonly onCanvas: boolean;
}

export interface EdgeRow {
  readonly id: string;
  readonly kind: Exclude<ChangeKind, 'moved'>;
  /** `source.port → target.port`, as it is after the change (before it, for a removed edge). */
  readonly text: string;
  /** The ends before the change, for a changed edge. */
  readonly before: string | null;
}

export interface DiffModel {
  readonly same: boolean;
  readonly counts: Readonly<Record<ChangeKind, number>>;
  readonly nodes: readonly NodeRow[];
  readonly edges: readonly EdgeRow[];
  /** Name, settings, description, tags, requires. */
  readonly document: readonly ValueLine[];
  /** Nodes that only moved, left out because moves are hidden. */
  readonly hiddenMoves: number;
}

export interface DiffModelOptions {
  readonly from?: WorkflowDocument | null;
  readonly to?: WorkflowDocument | null;
  /** Ids of the nodes on the canvas now. */
  readonly canvasNodeIds?: ReadonlySet<string>;
  /** Show nodes that only moved (layout noise is hidden by default). */
  readonly showMoves?: boolean;
}

/** Longest value text shown; the rest is cut with an ellipsis. */
export const VALUE_TEXT_MAX = 120;

/** A short one-line text of a JSON value; null when the value is absent. */
export function valueText(value: unknown): string | null {
  if (value === undefined) return null;
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > VALUE_TEXT_MAX ? `${text.slice(0, VALUE_TEXT_MAX - 1)}…` : text;
}

export function valueLine(change: ValueChange): ValueLine {
  const before = valueText(change.before);
  const after = valueText(change.after);
  const kind = before === null ? 'added' : after === null ? 'removed' : 'changed';
  return { path: change.path, kind, before, after };
}

function nodeIndex(doc: WorkflowDocument | null | undefined) {
  return new Map((doc?.nodes ?? []).map((n) => [n.id, n]));
}

function edgeIndex(doc: WorkflowDocument | null | undefined) {
  return new Map((doc?.edges ?? []).map((e) => [e.id, `${e.source}.${e.sourcePort} → ${e.target}.${e.targetPort}`]));
}

function positionText(p: unknown): string {
  if (p && typeof p === 'object' && 'x' in p && 'y' in p) {
    const { x, y } = p as { x: unknown; y: unknown };
    if (typeof x === 'number' && typeof y === 'number') return `(${Math.round(x)}, ${Math.round(y)})`;
  }
  return valueText(p) ?? 'auto';
}

export function buildDiffModel(diff: WorkflowDiff, options: DiffModelOptions = {}): DiffModel {
  const fromNodes = nodeIndex(options.from);
  const toNodes = nodeIndex(options.to);
  const fromEdges = edgeIndex(options.from);
  const toEdges = edgeIndex(options.to);
  const canvas = options.canvasNodeIds ?? new Set<string>();

  const nodeRow = (id: string, kind: ChangeKind, values: readonly ValueLine[]): NodeRow => {
    const node = (kind === 'removed' ? fromNodes : toNodes).get(id) ?? fromNodes.get(id) ?? toNodes.get(id);
    return { id, kind, title: node?.label || id, type: node?.type ?? null, values, onCanvas: canvas.has(id) };
  };

  const changedIds = new Set(diff.nodes.changed.map((c) => c.id));
  const onlyMoved = diff.nodes.moved.filter((m) => !changedIds.has(m.id));
  const movedById = new Map(diff.nodes.moved.map((m) => [m.id, m]));
  const moveLine = (id: string): ValueLine[] => {
    const m = movedById.get(id);
    return m && options.showMoves
      ? [{ path: 'position', kind: 'changed', before: positionText(m.before), after: positionText(m.after) }]
      : [];
  };

  const nodes: NodeRow[] = [
    ...diff.nodes.added.map((id) => nodeRow(id, 'added', [])),
    ...diff.nodes.removed.map((id) => nodeRow(id, 'removed', [])),
    ...diff.nodes.changed.map((c) => nodeRow(c.id, 'changed', [...c.changes.map(valueLine), ...moveLine(c.id)])),
    ...(options.showMoves ? onlyMoved.map((m) => nodeRow(m.id, 'moved', moveLine(m.id))) : []),
  ];

  const edgeRow = (id: string, kind: EdgeRow['kind']): EdgeRow => ({
    id,
    kind,
    text: (kind === 'removed' ? fromEdges.get(id) : toEdges.get(id)) ?? id,
    before: kind === 'changed' ? (fromEdges.get(id) ?? null) : null,
  });
  const edges: EdgeRow[] = [
    ...diff.edges.added.map((id) => edgeRow(id, 'added')),
    ...diff.edges.removed.map((id) => edgeRow(id, 'removed')),
    ...diff.edges.changed.map((id) => edgeRow(id, 'changed')),
  ];

  const document: ValueLine[] = [
    ...(diff.name ? [valueLine({ path: 'name', before: diff.name.before, after: diff.name.after })] : []),
    ...diff.settings.map(valueLine),
    ...diff.other.map(valueLine),
  ];

  const counts: Record<ChangeKind, number> = {
    added: diff.nodes.added.length + diff.edges.added.length,
    removed: diff.nodes.removed.length + diff.edges.removed.length,
    changed: diff.nodes.changed.length + diff.edges.changed.length + document.length,
    moved: onlyMoved.length,
  };
  const same = counts.added + counts.removed + counts.changed + counts.moved === 0;
  return { same, counts, nodes, edges, document, hiddenMoves: options.showMoves ? 0 : onlyMoved.length };
}

/** "3 added · 1 removed · 2 changed", leaving out zeros; "no changes" when all are. */
export function summaryText(counts: DiffModel['counts']): string {
  const parts = (['added', 'removed', 'changed', 'moved'] as const)
    .filter((k) => counts[k] > 0)
    .map((k) => `${counts[k]} ${k}`);
  return parts.length > 0 ? parts.join(' · ') : 'no changes';
}
