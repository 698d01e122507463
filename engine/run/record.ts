import type { NodeStatus, RunStatus } from '../events.js';
import type { LogLevel, NodeOutputs } from '../model/node-type.js';
import type { RunError } from './errors.js';

/** What one node did in a run (SPEC §6 run record). */
export interface NodeRecord {
  status: NodeStatus;
  /** Attempts made; 0 for a node that never started. */
  attempts: number;
  /** Epoch ms of the first attempt's start. */
  startedAt?: number;
  /** Epoch ms of the last attempt's end. */
  finishedAt?: number;
  /** finishedAt − startedAt, waits between tries included. */
  durationMs?: number;
  inputs?: Record<string, unknown>;
  outputs?: NodeOutputs;
  error?: RunError;
  /** The node failed and its `onError` policy recovered it. */
  recovered?: boolean;
  /** The node was not run: its outputs were reused from an earlier run. */
  pinned?: boolean;
  /** Why a node was skipped or cancelled. */
  reason?: string;
  /** What the node wrote to its log (the first 1,000 lines). */
  logs?: Array<{ at: number; level: LogLevel; message: string }>;
}

/** Everything a run did, as printed by `weft run --json` and kept by the store. */
export interface RunRecord {
  runId: string;
  status: Exclude<RunStatus, 'running'>;
  startedAt: number;
  finishedAt: number;
  durationMs: number;
  /** Values recorded by `core.output` nodes, by name. */
  outputs: Record<string, unknown>;
  nodes: Record<string, NodeRecord>;
  /** Set when the run as a whole failed to start or was stopped. */
  error?: RunError;
}
