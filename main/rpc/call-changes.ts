// What a successful call changed in its workspace, for `workspaceChanged` (workspace-changes.ts). Every
// method says so in one table, so a new method has to decide (a missing entry fails to compile). The
// editor's socket, Electron IPC and the REST routes all go through dispatch, so a change is announced
// whoever made it.
import type { ApiMethod, WorkspaceChangeKind } from '../../preload/contract.js';
import type { WorkspaceChange } from './workspace-changes.js';

/**
 * `none`: the method changes nothing a list shows. `runs-service`: the runs service announces it itself
 * (a run's start, its end, its deletion), since a run ends long after the call that started it.
 */
type ChangeSource = WorkspaceChangeKind | 'none' | 'runs-service';

const CHANGES: { readonly [M in ApiMethod]: ChangeSource } = {
  'workspaces.list': 'none',
  // A new workspace is nobody's watched workspace yet; the others' watchers may not hear of it.
  'workspaces.create': 'none',
  'workspaces.rename': 'workspace',
  'workspaces.delete': 'workspace',
  'workspaces.setPolicy': 'workspace',
  'workspaces.setRunRetention': 'workspace',
  'workspaces.watch': 'none',
  'workflows.create': 'workflows',
  'workflows.get': 'none',
  'workflows.list': 'none',
  'workflows.update': 'workflows',
  'workflows.versions': 'none',
  'workflows.getVersion': 'none',
  'workflows.restore': 'workflows',
  'workflows.diff': 'none',
  'workflows.duplicate': 'workflows',
  'workflows.delete': 'workflows',
  'workflows.export': 'none',
  'workflows.import': 'workflows',
  'workflows.validate': 'none',
  'runs.start': 'runs-service',
  'runs.rerun': 'runs-service',
  'runs.cancel': 'none',
  'runs.list': 'none',
  'runs.get': 'none',
  'runs.nodeOutputs': 'none',
  'runs.delete': 'runs-service',
  'runs.errorStats': 'none',
  'runs.subscribe': 'none',
  'runs.unsubscribe': 'none',
  'nodeTypes.list': 'none',
  'plugins.list': 'none',
  // Reloaded plugins change the workspace's node types (its palette).
  'plugins.reload': 'workspace',
};

function stringField(value: unknown, key: string): string | undefined {
  const field = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return typeof field === 'string' ? field : undefined;
}

/**
 * The change a successful call made, or undefined when it made none (or the runs service tells it).
 * `args` is the validated input; `result` what the handler answered. A call that made a workflow
 * (create, duplicate, import) names the new one.
 */
export function changeOfCall(method: ApiMethod, args: unknown, result: unknown): WorkspaceChange | undefined {
  const what = CHANGES[method];
  const workspaceId = stringField(args, 'workspaceId');
  if (workspaceId === undefined || (what !== 'workflows' && what !== 'workspace')) return undefined;
  if (what === 'workspace') return { workspaceId, what };
  const workflowId = stringField(result, 'id') ?? stringField(args, 'workflowId');
  return workflowId === undefined ? { workspaceId, what } : { workspaceId, what, workflowId };
}
