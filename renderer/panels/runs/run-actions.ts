// What the run history and the node output view can do with recorded runs: show one on the canvas,
// run it again, run the workflow from a node reusing a run's upstream outputs, delete one. Runs started
// here are followed like the toolbar's (runs.subscribe, then the run feed); the run commands fetch the
// record when they end, whoever started them.
import { useMemo } from 'react';
import type { RunOrigin, RunSummary } from '../../../preload/contract.js';
import type { WeftClient } from '../../api/client.js';
import { useApiClient, useCommands } from '../../app/app-context.js';
import type { Commands } from '../../app/commands/index.js';
import { reportFailure } from '../../app/commands/report-error.js';
import { errorMessage } from '../../api/client.js';
import { useRunStore } from '../../stores/run.store.js';
import { useUiStore } from '../../stores/ui.store.js';
import { shortRunId, versionNotice } from './run-history-model.js';
import { useShownRunStore } from './shown-run.store.js';
import { isDocumentDirty } from '../../stores/document.store.js';

export interface RunActions {
  /** Shows a recorded run's statuses and data on the canvas (following it when it still runs). */
  openRun(runId: string): Promise<void>;
  /** Runs a past run again: its input and its workflow version. */
  rerun(source: Pick<RunSummary, 'id' | 'workflowId' | 'workflowVersion'>): Promise<void>;
  /** Runs the open workflow from `nodeId`, reusing what `sourceRunId` recorded upstream of it. */
  runFromNode(nodeId: string, sourceRunId: string): Promise<void>;
  /** Asks, then deletes the run; `deleted` runs after the host did. */
  deleteRun(run: Pick<RunSummary, 'id'>, deleted: () => void): void;
}

export function createRunActions(client: WeftClient, commands: Pick<Commands, 'workflows'>): RunActions {
  const ui = useUiStore.getState;
  const runs = useRunStore.getState;

  async function follow(runId: string, workspaceId: string): Promise<void> {
    const { snapshot, seq } = await client.invoke('runs.subscribe', { workspaceId, runId });
    runs().applyEvents([{ type: 'runSnapshot', runId, seq, snapshot }]);
  }

  function runUnderWay(): boolean {
    const { status } = runs();
    if (!ui().busy['run'] && status !== 'running' && status !== 'starting') return false;
    ui().notify('info', 'A run is under way: stop it or wait for it to finish first.', 'run');
    return true;
  }

  /** Starts a run through `start`, then shows and follows it as the toolbar's run is. */
  async function launch(
    workflowId: string,
    workflowVersion: number,
    origin: RunOrigin,
    start: (workspaceId: string) => Promise<{ runId: string }>,
  ): Promise<void> {
    const workspaceId = ui().workspaceId;
    if (!workspaceId || runUnderWay()) return;
    ui().setBusy('run', true);
    try {
      runs().starting(workflowId);
      let runId: string;
      try {
        ({ runId } = await start(workspaceId));
      } catch (err) {
        runs().startFailed(errorMessage(err));
        reportFailure('The run did not start', err, 'run');
        return;
      }
      ui().dismissSource('run');
      ui().dismissSource('past-run');
      useShownRunStore.getState().remember({ runId, workflowVersion, origin });
      runs().started(runId, workflowId, origin.kind === 'fromNode' ? origin.sourceRunId : undefined);
      await follow(runId, workspaceId);
    } catch (err) {
      reportFailure('Lost track of the run', err, 'run');
    } finally {
      ui().setBusy('run', false);
    }
  }

  const actions: RunActions = {
    async openRun(runId) {
      const workspaceId = ui().workspaceId;
      if (!workspaceId) return;
      try {
        const detail = await client.invoke('runs.get', { workspaceId, runId });
        if (detail.workflowId !== ui().workflowId) {
          // A run of another workflow (from the workspace's error statistics): open that one first.
          commands.workflows.guardUnsaved(async () => {
            await commands.workflows.openWorkflow(detail.workflowId);
            if (ui().workflowId === detail.workflowId) await actions.openRun(runId);
          });
          return;
        }
        useShownRunStore
          .getState()
          .remember({ runId, workflowVersion: detail.workflowVersion, origin: detail.origin });
        runs().started(detail.id, detail.workflowId);
        runs().applyDetail(detail);
        const notice = versionNotice(detail.workflowVersion, ui().version);
        if (notice) ui().notify('info', notice, 'past-run');
        else ui().dismissSource('past-run');
        ui().openPanel('bottom', 'run');
        if (detail.status === 'running') await follow(runId, workspaceId);
      } catch (err) {
        reportFailure(`Could not open run ${shortRunId(runId)}`, err, 'runs');
      }
    },

    rerun(source) {
      return launch(source.workflowId, source.workflowVersion, { kind: 'rerun', sourceRunId: source.id }, (workspaceId) =>
        client.invoke('runs.rerun', { workspaceId, runId: source.id }),
      );
    },

    async runFromNode(nodeId, sourceRunId) {
      if (runUnderWay()) return;
      // The host runs the stored version: edits made since must be saved to be part of the run.
      if (isDocumentDirty() && !(await commands.workflows.save())) return;
      const { workflowId, version } = ui();
      if (!workflowId || version === null) return;
      await launch(workflowId, version, { kind: 'fromNode', nodeId, sourceRunId }, (workspaceId) =>
        client.invoke('runs.start', { workspaceId, workflowId, fromNode: { nodeId, sourceRunId } }),
      );
    },

    deleteRun(run, deleted) {
      ui().openDialog({
        kind: 'choice',
        title: 'Delete run',
        message: `Delete run ${shortRunId(run.id)} with everything it recorded? This cannot be undone.`,
        choices: [
          { label: 'Cancel', testId: 'run-delete-cancel', run: () => {} },
          {
            label: 'Delete',
            testId: 'run-delete-confirm',
            run: () => {
              const workspaceId = ui().workspaceId;
              if (!workspaceId) return;
              client.invoke('runs.delete', { workspaceId, runId: run.id }).then(
                () => {
                  if (runs().runId === run.id) runs().clear();
                  deleted();
                },
                (err: unknown) => reportFailure(`Run ${shortRunId(run.id)} not deleted`, err, 'runs'),
              );
            },
          },
        ],
      });
    },
  };
  return actions;
}

/** The run actions over this window's client and commands. */
export function useRunActions(): RunActions {
  const client = useApiClient();
  const commands = useCommands();
  return useMemo(() => createRunActions(client, commands), [client, commands]);
}
