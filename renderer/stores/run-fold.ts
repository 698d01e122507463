// Folding the host's run events into what the editor shows per node. Pure: the run store applies a
// frame's worth of events at once through `foldEvents`, and tests drive it directly.
import type { NodeStatus, RunEvent } from '../../engine/events.js';
import type { RunError } from '../../engine/run/errors.js';
import type { NodeOutputs } from '../../engine/model/node-type.js';
import type { ApiEvent, RunDetail, StoredRunStatus } from '../../preload/contract.js';

/** A node's status as shown: the engine's, plus `retrying` while it waits between tries. */
export type NodeRunStatus = NodeStatus | 'retrying';

/** The run as shown: `idle` before any, `starting` until the host answered `runs.start`. */
export type RunViewStatus = 'idle' | 'starting' | StoredRunStatus;

export interface NodeLogLine {
  readonly at: number;
  readonly level: string;
  readonly message: string;
}

export interface NodeRunState {
  readonly status: NodeRunStatus;
  /** The try under way or last made (1-based); 0 before the first. */
  readonly attempt: number;
  readonly startedAt?: number;
  readonly finishedAt?: number;
  readonly durationMs?: number;
  /** While retrying: the wait before the next try. */
  readonly retryDelayMs?: number;
  readonly error?: RunError;
  /** The values it received, by input port (known from the recorded run, not from events). */
  readonly inputs?: Readonly<Record<string, unknown>>;
  readonly outputs?: NodeOutputs;
  /** The outputs were too large to travel with the run: fetch them with `runs.nodeOutputs`. */
  readonly outputsDeferred?: boolean;
  readonly recovered?: boolean;
  /** The node did not run: its outputs were reused from the run named by `RunView.reusedFrom`. */
  readonly pinned?: boolean;
  readonly reason?: string;
  readonly logs?: readonly NodeLogLine[];
}

export interface RunView {
  readonly runId: string | null;
  readonly workflowId: string | null;
  readonly status: RunViewStatus;
  /** Seq of the last event applied; later events with a seq not above it are ignored. */
  readonly lastSeq: number;
  readonly startedAt?: number;
  readonly finishedAt?: number;
  readonly durationMs?: number;
  /** Why the run could not start, or its own error. */
  readonly error?: string;
  /** A run from a node: the run whose recorded outputs its pinned nodes reuse. */
  readonly reusedFrom?: string;
  readonly nodes: Readonly<Record<string, NodeRunState>>;
}

/** Log lines kept per node (the host records the first 1,000). */
export const MAX_LOG_LINES = 200;

/** No run. Every optional key is present (undefined) so that setting it over a store clears them. */
export const IDLE_RUN: RunView = {
  runId: null,
  workflowId: null,
  status: 'idle',
  lastSeq: 0,
  startedAt: undefined,
  finishedAt: undefined,
  durationMs: undefined,
  error: undefined,
  reusedFrom: undefined,
  nodes: {},
};

const PENDING: NodeRunState = { status: 'pending', attempt: 0 };

function applyRunEvent(run: RunView, nodes: Record<string, NodeRunState>, event: RunEvent): RunView {
  switch (event.type) {
    case 'runStarted':
      for (const id of event.nodeIds) nodes[id] ??= PENDING;
      return { ...run, status: 'running', startedAt: event.at };
    case 'runFinished':
      return { ...run, status: event.status, finishedAt: event.at, durationMs: event.durationMs };
    default:
      break;
  }
  const prev = nodes[event.nodeId] ?? PENDING;
  switch (event.type) {
    case 'nodeStarted':
      nodes[event.nodeId] = {
        ...prev,
        status: 'running',
        attempt: event.attempt,
        startedAt: prev.startedAt ?? event.at,
        retryDelayMs: undefined,
      };
      break;
    case 'nodeRetrying':
      nodes[event.nodeId] = {
        ...prev,
        status: 'retrying',
        attempt: event.attempt,
        retryDelayMs: event.delayMs,
        error: event.error,
      };
      break;
    case 'nodeSucceeded':
      nodes[event.nodeId] = {
        ...prev,
        status: 'succeeded',
        finishedAt: event.at,
        // A reused node took no time: its 0 ms would read as a very fast run.
        durationMs: event.pinned ? undefined : event.durationMs,
        outputs: event.outputs,
        error: undefined,
        ...(event.recovered ? { recovered: true } : {}),
        ...(event.pinned ? { pinned: true } : {}),
      };
      break;
    case 'nodeFailed':
      nodes[event.nodeId] = {
        ...prev,
        status: 'failed',
        finishedAt: event.at,
        error: event.error,
        ...duration(prev, event.at),
      };
      break;
    case 'nodeSkipped':
      nodes[event.nodeId] = {
        ...prev,
        status: 'skipped',
        finishedAt: event.at,
        reason: event.reason,
        ...(event.error ? { error: event.error } : {}),
      };
      break;
    case 'nodeCancelled':
      nodes[event.nodeId] = {
        ...prev,
        status: 'cancelled',
        finishedAt: event.at,
        ...duration(prev, event.at),
      };
      break;
    case 'nodeLog': {
      const logs = [...(prev.logs ?? []), { at: event.at, level: event.level, message: event.message }];
      nodes[event.nodeId] = {
        ...prev,
        logs: logs.length > MAX_LOG_LINES ? logs.slice(-MAX_LOG_LINES) : logs,
      };
      break;
    }
  }
  return run;
}

function duration(prev: NodeRunState, at: number): { durationMs?: number } {
  return prev.startedAt === undefined ? {} : { durationMs: at - prev.startedAt };
}

/**
 * Applies a batch of pushed events to the run being shown. Events of other runs, and events whose seq
 * is not above the last applied, change nothing; a snapshot replaces statuses and attempts but keeps
 * the details (durations, outputs) already known. Answers `run` itself when nothing applied.
 */
export function foldEvents(run: RunView, events: readonly ApiEvent[]): RunView {
  let next = run;
  let nodes: Record<string, NodeRunState> | null = null;
  for (const e of events) {
    if (e.type === 'workspaceChanged' || e.runId !== next.runId) continue;
    nodes ??= { ...next.nodes };
    if (e.type === 'runSnapshot') {
      for (const [id, n] of Object.entries(e.snapshot.nodes)) {
        const prev = nodes[id] ?? PENDING;
        const pinned = n.pinned === true && prev.pinned !== true;
        if (prev.status !== n.status || prev.attempt !== n.attempts || pinned)
          nodes[id] = { ...prev, status: n.status, attempt: n.attempts, ...(pinned ? { pinned: true } : {}) };
      }
      next = { ...next, status: e.snapshot.status, lastSeq: Math.max(next.lastSeq, e.seq) };
      continue;
    }
    if (e.seq <= next.lastSeq) continue;
    next = { ...applyRunEvent(next, nodes, e.event), lastSeq: e.seq };
  }
  return nodes === null ? run : { ...next, nodes };
}

/** Merges a recorded run (`runs.get`) into the view: the record is the final word on every node. */
export function mergeDetail(run: RunView, detail: RunDetail): RunView {
  if (detail.id !== run.runId) return run;
  const nodes: Record<string, NodeRunState> = { ...run.nodes };
  for (const [id, rec] of Object.entries(detail.nodes)) {
    const prev = nodes[id] ?? PENDING;
    nodes[id] = {
      ...prev,
      status: rec.status,
      attempt: rec.attempts,
      ...(rec.startedAt !== undefined ? { startedAt: rec.startedAt } : {}),
      ...(rec.finishedAt !== undefined ? { finishedAt: rec.finishedAt } : {}),
      ...(rec.durationMs !== undefined ? { durationMs: rec.durationMs } : {}),
      ...(rec.inputs !== undefined ? { inputs: rec.inputs } : {}),
      ...(rec.outputs !== undefined ? { outputs: rec.outputs } : {}),
      ...(rec.outputsDeferred ? { outputsDeferred: true } : {}),
      ...(rec.error !== undefined ? { error: rec.error } : {}),
      ...(rec.reason !== undefined ? { reason: rec.reason } : {}),
      ...(rec.recovered ? { recovered: true } : {}),
      ...(rec.pinned ? { pinned: true, durationMs: undefined } : {}),
      ...(rec.logs ? { logs: rec.logs.slice(-MAX_LOG_LINES) } : {}),
    };
  }
  return {
    ...run,
    ...(detail.origin.kind === 'fromNode' ? { reusedFrom: detail.origin.sourceRunId } : {}),
    status: detail.status,
    startedAt: detail.startedAt,
    ...(detail.finishedAt !== null ? { finishedAt: detail.finishedAt } : {}),
    ...(detail.durationMs !== null ? { durationMs: detail.durationMs } : {}),
    ...(detail.error ? { error: detail.error.message } : {}),
    nodes,
  };
}

/** True once the run has ended, whatever its status. */
export function isFinished(status: RunViewStatus): boolean {
  return status !== 'idle' && status !== 'starting' && status !== 'running';
}
