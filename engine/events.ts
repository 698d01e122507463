import type { LogLevel, NodeOutputs } from './model/node-type.js';
import type { RunError } from './run/errors.js';

/** Status of a node within a run (SPEC §3.8). */
export type NodeStatus = 'pending' | 'running' | 'succeeded' | 'failed' | 'skipped' | 'cancelled';

/** Status of a whole run. */
export type RunStatus = 'running' | 'succeeded' | 'failed' | 'cancelled';

interface NodeEventBase {
  readonly runId: string;
  readonly nodeId: string;
  /** Epoch milliseconds, with fraction. */
  readonly at: number;
}

/**
 * What a run tells its listeners, in order for each node: `nodeStarted` (once per attempt),
 * `nodeRetrying` between attempts, then exactly one of succeeded / failed / skipped / cancelled.
 * The run is framed by `runStarted` and `runFinished`.
 */
export type RunEvent =
  | { readonly type: 'runStarted'; readonly runId: string; readonly at: number; readonly nodeIds: readonly string[] }
  | (NodeEventBase & { readonly type: 'nodeStarted'; readonly attempt: number })
  | (NodeEventBase & {
      readonly type: 'nodeRetrying';
      /** The attempt that failed; the next one is `attempt + 1`. */
      readonly attempt: number;
      readonly delayMs: number;
      readonly error: RunError;
    })
  | (NodeEventBase & {
      readonly type: 'nodeSucceeded';
      readonly durationMs: number;
      readonly outputs: NodeOutputs;
      /** Set when the node failed and `onError` (fallback or route) recovered it. */
      readonly recovered?: boolean;
      /** Set when the node did not run: its outputs were reused from an earlier run (`pinnedOutputs`). */
      readonly pinned?: true;
    })
  | (NodeEventBase & { readonly type: 'nodeFailed'; readonly error: RunError })
  | (NodeEventBase & { readonly type: 'nodeSkipped'; readonly reason: string; readonly error?: RunError })
  | (NodeEventBase & { readonly type: 'nodeCancelled' })
  | (NodeEventBase & { readonly type: 'nodeLog'; readonly level: LogLevel; readonly message: string })
  | {
      readonly type: 'runFinished';
      readonly runId: string;
      readonly at: number;
      readonly status: Exclude<RunStatus, 'running'>;
      readonly durationMs: number;
    };

export type RunEventType = RunEvent['type'];
export type RunEventListener = (event: RunEvent) => void;
