// Running the open workflow: save if needed, `runs.start`, then `runs.subscribe` (a snapshot, then the
// events the run feed folds into the run store). When the run ends, the recorded run fills in what
// events do not carry. After a dropped socket the run is subscribed to again.
import type { WeftClient } from '../../api/client.js';
import { isFinished } from '../../stores/run-fold.js';
import { useRunStore } from '../../stores/run.store.js';
import { useUiStore } from '../../stores/ui.store.js';
import { reportFailure } from './report-error.js';
import { isDocumentDirty } from '../../stores/document.store.js';

export interface RunCommands {
  run(): Promise<void>;
  stop(): Promise<void>;
  /**
   * Fetches a node's outputs that did not travel with the run (too large, or missed), from the run
   * shown, or from `fromRunId` (a reused node's outputs, from the run that recorded them).
   */
  loadNodeOutputs(nodeId: string, fromRunId?: string): Promise<void>;
  /** Starts the background work (run end, reconnect); answers the function that stops it. */
  start(): () => void;
}

export function createRunCommands(client: WeftClient, save: () => Promise<boolean>): RunCommands {
  const ui = useUiStore.getState;
  const runs = useRunStore.getState;

  async function follow(runId: string): Promise<void> {
    const workspaceId = ui().workspaceId;
    if (!workspaceId) return;
    const { snapshot, seq } = await client.invoke('runs.subscribe', { workspaceId, runId });
    runs().applyEvents([{ type: 'runSnapshot', runId, seq, snapshot }]);
  }

  async function fetchRecord(runId: string): Promise<void> {
    const workspaceId = ui().workspaceId;
    if (!workspaceId) return;
    try {
      runs().applyDetail(await client.invoke('runs.get', { workspaceId, runId }));
    } catch (err) {
      reportFailure('Could not read the finished run', err, 'run');
    }
  }

  return {
    async run() {
      if (ui().busy['run'] || runs().status === 'running' || runs().status === 'starting') return;
      ui().setBusy('run', true);
      try {
        if ((!ui().workflowId || isDocumentDirty()) && !(await save())) return;
        const { workspaceId, workflowId } = ui();
        if (!workspaceId || !workflowId) return;
        runs().starting(workflowId);
        let runId: string;
        try {
          ({ runId } = await client.invoke('runs.start', { workspaceId, workflowId }));
        } catch (err) {
          runs().startFailed(String((err as Error).message ?? err));
          reportFailure('The run did not start', err, 'run');
          return;
        }
        ui().dismissSource('run');
        runs().started(runId, workflowId);
        await follow(runId);
      } catch (err) {
        reportFailure('Lost track of the run', err, 'run');
      } finally {
        ui().setBusy('run', false);
      }
    },

    async stop() {
      const { runId, status } = runs();
      const workspaceId = ui().workspaceId;
      if (!runId || !workspaceId || isFinished(status)) return;
      try {
        await client.invoke('runs.cancel', { workspaceId, runId });
      } catch (err) {
        reportFailure('Could not stop the run', err, 'run');
      }
    },

    async loadNodeOutputs(nodeId, fromRunId) {
      const { runId } = runs();
      const workspaceId = ui().workspaceId;
      if (!runId || !workspaceId) return;
      try {
        const result = await client.invoke('runs.nodeOutputs', { workspaceId, runId: fromRunId ?? runId, nodeId });
        if (runs().runId === runId) runs().setNodeOutputs(nodeId, result.outputs);
      } catch (err) {
        reportFailure(`Could not read the outputs of ${nodeId}`, err, 'outputs');
      }
    },

    start() {
      const stopEnd = useRunStore.subscribe((s, prev) => {
        if (s.runId && s.runId === prev.runId && isFinished(s.status) && !isFinished(prev.status))
          void fetchRecord(s.runId);
      });
      let wasOpen = client.transport.connection().state === 'open';
      const stopLink = client.transport.onConnectionChange((link) => {
        const open = link.state === 'open';
        const { runId, status } = runs();
        // The host forgot this connection's subscriptions with the old socket.
        if (open && !wasOpen && runId && status === 'running') {
          void follow(runId).catch((err: unknown) => reportFailure('Lost track of the run', err, 'run'));
        }
        wasOpen = open;
      });
      return () => {
        stopEnd();
        stopLink();
      };
    },
  };
}
