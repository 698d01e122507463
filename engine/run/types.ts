import type { NodeStatus, RunEventListener } from '../events.js';
import type { NodeOutputs } from '../model/node-type.js';
import type { RunRecord } from './record.js';

/** Where the engine reads the time; the host may hand in another (tests use a fake). */
export interface Clock {
  /** Epoch milliseconds with sub-millisecond fraction. */
  now(): number;
}

export interface RunOptions {
  /** Defaults to a random id. */
  readonly runId?: string;
  /** The run's input; replaces `core.manual`'s payload. */
  readonly input?: unknown;
  /** Called synchronously for every event, in order. Must not throw. */
  readonly onEvent?: RunEventListener;
  /** Aborting it cancels the run. */
  readonly signal?: AbortSignal;
  /**
   * Outputs to reuse instead of running a node ("run from here" with recorded upstream outputs): such a
   * node succeeds at once with these outputs and is not run.
   */
  readonly pinnedOutputs?: Readonly<Record<string, NodeOutputs>>;
  readonly clock?: Clock;
  /** Source of randomness for retry jitter, in [0, 1). */
  readonly random?: () => number;
}

/** The state of every node at one instant, for a listener that joins a run late. */
export interface RunSnapshot {
  readonly runId: string;
  readonly status: 'running' | RunRecord['status'];
  /** `pinned`: the node did not run, its outputs were reused (see RunOptions.pinnedOutputs). */
  readonly nodes: Readonly<Record<string, { status: NodeStatus; attempts: number; pinned?: true }>>;
}

/** A run in progress. */
export interface RunHandle {
  readonly runId: string;
  /** Resolves when the run has finished, whatever its status; never rejects. */
  readonly done: Promise<RunRecord>;
  /** Cancels the run: running nodes are aborted, pending ones become cancelled. */
  cancel(reason?: string): void;
  snapshot(): RunSnapshot;
  /** What a node emitted, once it has succeeded; cheaper than reading the whole record. */
  outputsOf(nodeId: string): NodeOutputs | undefined;
}
