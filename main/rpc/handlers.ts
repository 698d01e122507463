// Main's implementation of every API method (preload/contract.ts) over the services. Dispatch has
// already validated the input and checked that the workspace exists; each handler scopes everything by
// `workspaceId` through the services, so another workspace's ids answer NOT_FOUND exactly as unknown
// ones do. Results are built as the contract's plain data (see handlers/convert.ts).
import { validateWorkflow } from '../../engine/index.js';
import type { RunsService } from '../services/runs.service.js';
import { pluginsOf, registryOf, type Store } from '../services/store.js';
import * as wf from '../services/workflows.service.js';
import * as ws from '../services/workspaces.service.js';
import type { Handlers } from './dispatch.js';
import {
  allowedBy,
  exportFileName,
  registeredTypes,
  toDescriptor,
  toDetail,
  toDiff,
  toSummary,
  toVersionSummary,
} from './handlers/convert.js';
import { registryView, toPluginsReport, type PluginsView } from './handlers/plugins.js';
import type { RunFeed } from './run-feed.js';

export interface HandlerDeps {
  readonly store: Store;
  readonly runs: RunsService;
  /** The feed `runs` publishes to; subscriptions reach it through the call context, not here. */
  readonly feed?: RunFeed;
  /** The workspaces' plugin reports; absent: the store's node types, as one report per plugin. */
  readonly plugins?: PluginsView;
}

/** The handler map: one function per contract method (a missing one fails to compile). */
export function createHandlers({ store, runs, plugins: given }: HandlerDeps): Handlers {
  const plugins =
    given ??
    registryView(
      (workspaceId) => registryOf(store, workspaceId),
      (workspaceId) => pluginsOf(store, workspaceId),
    );
  const pluginsReport = (workspaceId: string) =>
    toPluginsReport(plugins.reportsFor(workspaceId), plugins.descriptorsFor(workspaceId));

  return {
    'workspaces.list': () => ws.listWorkspaces(store),
    'workspaces.create': ({ name }) => ws.createWorkspace(store, name),
    'workspaces.rename': ({ workspaceId, name }) => ws.renameWorkspace(store, workspaceId, name),
    'workspaces.delete': ({ workspaceId }) => {
      ws.deleteWorkspace(store, workspaceId);
      return null;
    },
    'workspaces.setPolicy': ({ workspaceId, policy }) => ws.setWorkspacePolicy(store, workspaceId, policy),
    'workspaces.setRunRetention': ({ workspaceId, runRetention }) =>
      ws.setRunRetention(store, workspaceId, runRetention),
    // Dispatch has checked that the workspace exists: an unknown one answers NOT_FOUND, not a silent watch.
    'workspaces.watch': ({ workspaceId }, ctx) => {
      ctx.watch.watch(workspaceId);
      return null;
    },

    'workflows.create': ({ workspaceId, document, note }) =>
      toDetail(wf.createWorkflow(store, workspaceId, document, note)),
    'workflows.get': ({ workspaceId, workflowId }) =>
      toDetail(wf.getWorkflow(store, workspaceId, workflowId)),
    'workflows.list': ({ workspaceId, cursor, limit, search, tag, sort }) => {
      const page = wf.listWorkflows(store, workspaceId, { cursor, limit, search, tag, sort });
      return { items: page.items.map(toSummary), nextCursor: page.nextCursor ?? null };
    },
    'workflows.update': ({ workspaceId, workflowId, expectedVersion, document, note }) =>
      toDetail(wf.updateWorkflow(store, workspaceId, workflowId, document, expectedVersion, note)),
    'workflows.versions': ({ workspaceId, workflowId, cursor, limit }) => {
      const page = wf.listVersionsPage(store, workspaceId, workflowId, { cursor, limit });
      return { items: page.items.map(toVersionSummary), nextCursor: page.nextCursor };
    },
    'workflows.getVersion': ({ workspaceId, workflowId, version }) => {
      const v = wf.getVersion(store, workspaceId, workflowId, version);
      return { ...toVersionSummary(v), workflowId, document: v.document };
    },
    'workflows.restore': ({ workspaceId, workflowId, version, expectedVersion }) =>
      toDetail(wf.restoreVersion(store, workspaceId, workflowId, version, expectedVersion)),
    'workflows.diff': ({ workspaceId, workflowId, from, to }) =>
      toDiff(workflowId, from, to, wf.diffVersions(store, workspaceId, workflowId, from, to)),
    'workflows.duplicate': ({ workspaceId, workflowId, name }) =>
      toDetail(wf.duplicateWorkflow(store, workspaceId, workflowId, name)),
    'workflows.delete': ({ workspaceId, workflowId }) => {
      wf.deleteWorkflow(store, workspaceId, workflowId);
      return null;
    },
    'workflows.export': ({ workspaceId, workflowId, version }) => {
      const { name, text, strippedPaths } = wf.exportWorkflowReport(store, workspaceId, workflowId, version);
      return { fileName: exportFileName(name), text, strippedPaths: [...strippedPaths] };
    },
    'workflows.import': ({ workspaceId, text }) => {
      const { id } = wf.importWorkflow(store, workspaceId, text);
      return toDetail(wf.getWorkflow(store, workspaceId, id));
    },
    // The check a save makes (engine validation against the workspace's node types), answered as data.
    'workflows.validate': ({ workspaceId, document }) => {
      const result = validateWorkflow(document, registryOf(store, workspaceId));
      return { problems: result.problems.map((p) => ({ path: p.path, message: p.message, code: p.code })) };
    },

    // A run is answered as soon as it has started (its row exists); its progress comes by subscription.
    'runs.start': ({ workspaceId, workflowId, input, fromNode }) => {
      const started = runs.start(workspaceId, workflowId, {
        ...(input === undefined ? {} : { input }),
        ...(fromNode === undefined ? {} : { fromNode }),
      });
      return { runId: started.runId };
    },
    'runs.rerun': ({ workspaceId, runId }) => ({ runId: runs.rerun(workspaceId, runId).runId }),
    'runs.cancel': ({ workspaceId, runId }) => runs.cancel(workspaceId, runId),
    'runs.list': ({ workspaceId, workflowId, cursor, limit }) =>
      runs.list(workspaceId, workflowId, cursor === undefined ? { limit } : { cursor, limit }),
    'runs.get': ({ workspaceId, runId }) => runs.get(workspaceId, runId),
    'runs.nodeOutputs': ({ workspaceId, runId, nodeId }) => runs.nodeOutputs(workspaceId, runId, nodeId),
    'runs.delete': ({ workspaceId, runId }) => {
      runs.delete(workspaceId, runId);
      return null;
    },
    'runs.errorStats': ({ workspaceId, workflowId, runs: count }) =>
      runs.errorStats(workspaceId, { runs: count, workflowId }),
    'runs.subscribe': ({ workspaceId, runId }, ctx) => ctx.subscriptions.subscribe(workspaceId, runId),
    'runs.unsubscribe': ({ workspaceId, runId }, ctx) => {
      ctx.subscriptions.unsubscribe(runId);
      // Like every call naming a run: another workspace's run is "not found", never silently accepted.
      runs.get(workspaceId, runId);
      return null;
    },

    'nodeTypes.list': ({ workspaceId }) => {
      const { policy } = ws.getWorkspace(store, workspaceId);
      const plugins = pluginsOf(store, workspaceId);
      return registeredTypes(registryOf(store, workspaceId))
        .filter((t) => allowedBy(policy, t.type))
        .map((t) => toDescriptor(t, plugins))
        .sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
    },

    'plugins.list': ({ workspaceId }) => pluginsReport(workspaceId),
    'plugins.reload': async ({ workspaceId }) => {
      await plugins.reload?.(workspaceId);
      return pluginsReport(workspaceId);
    },
  };
}
