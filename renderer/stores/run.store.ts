// The run being shown: status per node, durations, the run's status. Fed by the host's pushed events
// (see run-feed.ts), at most one update per animation frame. Never part of undo, and never inside
// React Flow's `nodes` array: each node view selects its own entry (`selectNodeRun`).
import { create } from 'zustand';
import type { NodeOutputs } from '../../engine/model/node-type.js';
import type { ApiEvent, RunDetail } from '../../preload/contract.js';
import { foldEvents, IDLE_RUN, mergeDetail, type NodeRunState, type RunView } from './run-fold.js';

export interface RunActions {
  /** A run is being asked for (before the host answered). */
  starting(workflowId: string): void;
  /**
   * The host started run `runId`: events of that run apply from now on. `reusedFrom`: a run from a
   * node, whose reused (pinned) nodes' outputs come from that run.
   */
  started(runId: string, workflowId: string, reusedFrom?: string): void;
  /** The run could not start. */
  startFailed(message: string): void;
  /** A batch of pushed events (the run feed calls this once per frame). */
  applyEvents(events: readonly ApiEvent[]): void;
  /** The recorded run (`runs.get`), e.g. when it finished or when a past run is opened. */
  applyDetail(detail: RunDetail): void;
  /** Outputs fetched on demand (`runs.nodeOutputs`). */
  setNodeOutputs(nodeId: string, outputs: NodeOutputs | null): void;
  /** Forgets the run (a workflow was opened or created). */
  clear(): void;
}

export type RunStoreState = RunView & RunActions;

export function createRunStore() {
  return create<RunStoreState>()((set, get) => ({
    ...IDLE_RUN,
    starting: (workflowId) => set({ ...IDLE_RUN, workflowId, status: 'starting' }),
    started: (runId, workflowId, reusedFrom) =>
      set({ ...IDLE_RUN, runId, workflowId, status: 'running', reusedFrom }),
    startFailed: (message) => set({ status: 'failed', error: message }),
    applyEvents(events) {
      const current = get();
      const next = foldEvents(current, events);
      if (next !== current) set(next);
    },
    applyDetail(detail) {
      const current = get();
      const next = mergeDetail(current, detail);
      if (next !== current) set(next);
    },
    setNodeOutputs(nodeId, outputs) {
      const prev = get().nodes[nodeId];
      if (!prev) return;
      set({
        nodes: { ...get().nodes, [nodeId]: { ...prev, outputs: outputs ?? {}, outputsDeferred: false } },
      });
    },
    clear: () => set({ ...IDLE_RUN }),
  }));
}

export const useRunStore = createRunStore();

/** A node's part of the run, undefined when the node has not taken part. */
export const selectNodeRun =
  (nodeId: string) =>
  (s: RunView): NodeRunState | undefined =>
    s.nodes[nodeId];

/** A node's status for `data-status`: its run status, or `idle`. */
export const selectNodeStatus =
  (nodeId: string) =>
  (s: RunView): string =>
    s.nodes[nodeId]?.status ?? 'idle';

export const selectRunStatus = (s: RunView) => s.status;
