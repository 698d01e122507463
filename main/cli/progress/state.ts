import type { NodeStatus, RunError, RunEvent, RunRecord, WorkflowDocument } from '../../../engine/index.js';

/** A node's status as shown: the engine's, plus `retrying` for a node waiting between tries. */
export type DisplayStatus = NodeStatus | 'retrying';

export const DISPLAY_STATUSES: readonly DisplayStatus[] = [
  'pending',
  'running',
  'retrying',
  'succeeded',
  'failed',
  'skipped',
  'cancelled',
];

/** What the display knows about one node, folded from its events. */
export interface NodeProgress {
  readonly id: string;
  readonly type: string;
  readonly label: string | undefined;
  /** From the node's retry policy; 1 when it has none. */
  readonly maxAttempts: number;
  status: DisplayStatus;
  /** The try under way, or the last one made; 0 before the first. */
  attempt: number;
  /** Epoch ms of the first try's start. */
  startedAt: number | undefined;
  finishedAt: number | undefined;
  durationMs: number | undefined;
  /** While retrying: epoch ms at which the next try is due, and why the last one failed. */
  retryAt: number | undefined;
  lastError: RunError | undefined;
  /** Why a node was skipped. */
  reason: string | undefined;
  recovered: boolean;
}

/** Everything a progress display shows about a run. Updated in place: a run may have 10,000 nodes. */
export interface RunProgress {
  /** The file being run, as the person typed it. */
  readonly file: string;
  runId: string | undefined;
  status: 'starting' | 'running' | RunRecord['status'];
  startedAt: number | undefined;
  finishedAt: number | undefined;
  /** In document order. */
  readonly nodes: ReadonlyMap<string, NodeProgress>;
  readonly counts: Record<DisplayStatus, number>;
  /** Nodes running or waiting to retry, in the order they started. */
  readonly active: Set<string>;
  /** Failed nodes, in the order they failed. */
  readonly failures: string[];
  /** Ctrl-C was pressed once; the run is being cancelled. */
  cancelling: boolean;
}

function nodeProgress(
  id: string,
  type: string,
  label: string | undefined,
  maxAttempts: number,
): NodeProgress {
  return {
    id,
    type,
    label,
    maxAttempts,
    status: 'pending',
    attempt: 0,
    startedAt: undefined,
    finishedAt: undefined,
    durationMs: undefined,
    retryAt: undefined,
    lastError: undefined,
    reason: undefined,
    recovered: false,
  };
}

/** The display's state before the run starts: every node pending. */
export function createRunProgress(file: string, doc: WorkflowDocument): RunProgress {
  const nodes = new Map<string, NodeProgress>();
  for (const n of doc.nodes) {
    nodes.set(n.id, nodeProgress(n.id, n.type, n.label, n.policy?.retry?.maxAttempts ?? 1));
  }
  const counts = Object.fromEntries(DISPLAY_STATUSES.map((s) => [s, 0])) as Record<DisplayStatus, number>;
  counts.pending = nodes.size;
  return {
    file,
    runId: undefined,
    status: 'starting',
    startedAt: undefined,
    finishedAt: undefined,
    nodes,
    counts,
    active: new Set(),
    failures: [],
    cancelling: false,
  };
}

function setStatus(p: RunProgress, node: NodeProgress, status: DisplayStatus): void {
  p.counts[node.status] -= 1;
  p.counts[status] += 1;
  node.status = status;
  if (status === 'running' || status === 'retrying') p.active.add(node.id);
  else p.active.delete(node.id);
}

function settle(node: NodeProgress, at: number): void {
  node.finishedAt = at;
  node.retryAt = undefined;
  if (node.startedAt !== undefined) node.durationMs = at - node.startedAt;
}

/** Folds one run event into the display state. */
export function applyRunEvent(p: RunProgress, event: RunEvent): void {
  switch (event.type) {
    case 'runStarted':
      p.runId = event.runId;
      p.status = 'running';
      p.startedAt = event.at;
      return;
    case 'runFinished':
      p.status = event.status;
      p.finishedAt = event.at;
      return;
    default:
      break;
  }
  let node = p.nodes.get(event.nodeId);
  if (node === undefined) {
    // Not in the document (should not happen); show it rather than drop what the engine said.
    node = nodeProgress(event.nodeId, '?', undefined, 1);
    (p.nodes as Map<string, NodeProgress>).set(node.id, node);
    p.counts.pending += 1;
  }
  switch (event.type) {
    case 'nodeStarted':
      node.attempt = event.attempt;
      node.startedAt ??= event.at;
      node.retryAt = undefined;
      setStatus(p, node, 'running');
      return;
    case 'nodeRetrying':
      node.attempt = event.attempt;
      node.retryAt = event.at + event.delayMs;
      node.lastError = event.error;
      setStatus(p, node, 'retrying');
      return;
    case 'nodeSucceeded':
      settle(node, event.at);
      node.durationMs = event.durationMs;
      node.recovered = event.recovered === true;
      setStatus(p, node, 'succeeded');
      return;
    case 'nodeFailed':
      settle(node, event.at);
      node.lastError = event.error;
      p.failures.push(node.id);
      setStatus(p, node, 'failed');
      return;
    case 'nodeSkipped':
      settle(node, event.at);
      node.reason = event.reason;
      if (event.error) node.lastError = event.error;
      setStatus(p, node, 'skipped');
      return;
    case 'nodeCancelled':
      settle(node, event.at);
      setStatus(p, node, 'cancelled');
      return;
    case 'nodeLog':
      return;
  }
}

/** Nodes that have settled, whatever the outcome. */
export function settledCount(p: RunProgress): number {
  return p.counts.succeeded + p.counts.failed + p.counts.skipped + p.counts.cancelled;
}
