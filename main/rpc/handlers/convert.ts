// Conversions from what the services return to the contract's result types. The services predate the
// contract and carry extra fields (a diff's `same`) or lack some (a diff's ids); results must be exactly
// the contract's plain data, so each is built field by field rather than spread.
import { describeNodeType } from '../../plugins/describe.js';
import type { NodeType, NodeTypeRegistry, RunSnapshot } from '../../../engine/index.js';
import type {
  NodeTypeDescriptor,
  RunDetail,
  VersionSummary,
  WorkflowDetail,
  WorkflowDiff,
  WorkflowSummary,
  WorkspacePolicy,
} from '../../../preload/contract.js';
import type { PluginCatalog } from '../../services/store.js';
import type { WorkflowDiff as ServiceDiff } from '../../services/workflow-diff.js';
import type { StoredWorkflow, WorkflowSummary as ServiceSummary } from '../../services/workflows.service.js';

export function toSummary(w: ServiceSummary): WorkflowSummary {
  return {
    id: w.id,
    name: w.name,
    description: w.description,
    tags: [...w.tags],
    version: w.version,
    createdAt: w.createdAt,
    updatedAt: w.updatedAt,
  };
}

export function toDetail(w: StoredWorkflow): WorkflowDetail {
  return { ...toSummary(w), document: w.document };
}

export function toVersionSummary(v: {
  version: number;
  createdAt: number;
  note: string | null;
}): VersionSummary {
  return { version: v.version, createdAt: v.createdAt, note: v.note ?? null };
}

export function toDiff(workflowId: string, from: number, to: number, d: ServiceDiff): WorkflowDiff {
  const diff: WorkflowDiff = {
    workflowId,
    from,
    to,
    nodes: d.nodes,
    edges: d.edges,
    settings: d.settings,
    other: d.other,
  };
  return d.name === undefined ? diff : { ...diff, name: d.name };
}

/**
 * A file name for an exported workflow: the name lower-cased, accents dropped, every run of other
 * characters one `-`, so it is safe on every file system and in a download header.
 */
export function exportFileName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 80)
    .replace(/^-+|-+$/g, '');
  return `${slug || 'workflow'}.weft.json`;
}

/**
 * The node types a registry holds. The engine's registry interface only promises `get` (all a run
 * needs); the registries Weft builds (`createRegistry`) also `list`, which the palette needs.
 */
export function registeredTypes(registry: NodeTypeRegistry): NodeType[] {
  const list = (registry as { list?: unknown }).list;
  return typeof list === 'function' ? (list.call(registry) as NodeType[]) : [];
}

/** Whether a workspace policy lets a node type run (same rule as the service's checkPolicy). */
export function allowedBy(policy: WorkspacePolicy, type: string): boolean {
  if (policy.deniedNodeTypes?.includes(type)) return false;
  return policy.allowedNodeTypes === undefined || policy.allowedNodeTypes.includes(type);
}

export function toDescriptor(t: NodeType, plugins: PluginCatalog | undefined): NodeTypeDescriptor {
  const plugin =
    plugins?.pluginOf(t.type)?.name ??
    (t.type.startsWith('core.') ? 'core' : (t.type.split('.')[0] ?? t.type));
  return describeNodeType(t, plugin);
}

type SnapshotNodeStatus = RunSnapshot['nodes'][string]['status'];
const NODE_STATUSES: ReadonlySet<string> = new Set([
  'pending',
  'running',
  'succeeded',
  'failed',
  'skipped',
  'cancelled',
]);

/**
 * A finished (or other process's) run as a late subscriber's snapshot, from its stored record. The
 * stored `interrupted` (the process died mid-run) has no engine status; it shows as `failed`, which is
 * what it means to a viewer: the run did not complete.
 */
export function storedSnapshot(run: RunDetail): RunSnapshot {
  const nodes: Record<string, { status: SnapshotNodeStatus; attempts: number; pinned?: true }> = {};
  for (const [id, n] of Object.entries(run.nodes)) {
    const status = NODE_STATUSES.has(n.status) ? n.status : 'failed';
    nodes[id] = n.pinned ? { status, attempts: n.attempts, pinned: true } : { status, attempts: n.attempts };
  }
  return { runId: run.id, status: run.status === 'interrupted' ? 'failed' : run.status, nodes };
}
