// What the API's methods answer and push: plain, structured-cloneable data (no classes, functions, Maps,
// Dates or undefined-only fields), so the same values cross Electron IPC and a JSON WebSocket. Times are
// epoch milliseconds.
import type {
  JsonSchema,
  NodeOutputs,
  NodeRecord,
  PortSpec,
  Problem,
  RunError,
  RunEvent,
  RunSnapshot,
  WorkflowDocument,
} from '../../engine/index.js';

/** One page of a list; `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Which node types a workspace may run (SPEC §4); an empty or absent list means no restriction of that kind. */
export interface WorkspacePolicy {
  allowedNodeTypes?: string[];
  deniedNodeTypes?: string[];
}

/** A tenant: owns its workflows, runs, settings and policy. */
export interface Workspace {
  id: string;
  name: string;
  policy: WorkspacePolicy;
  /** Runs kept per workflow; older ones are pruned. */
  runRetention: number;
  createdAt: number;
  updatedAt: number;
}

/** A workflow as listed: no document. */
export interface WorkflowSummary {
  id: string;
  name: string;
  description: string;
  tags: string[];
  /** The current version; `workflows.update` must name it as `expectedVersion`. */
  version: number;
  createdAt: number;
  updatedAt: number;
}

/** A workflow with its current document. */
export interface WorkflowDetail extends WorkflowSummary {
  document: WorkflowDocument;
}

/** A saved version as listed. */
export interface VersionSummary {
  version: number;
  createdAt: number;
  note: string | null;
}

/** A saved version with its document. */
export interface VersionDetail extends VersionSummary {
  workflowId: string;
  document: WorkflowDocument;
}

/** One value that differs, at a JSON path relative to its node (`params.values.text`) or document. */
export interface ValueChange {
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** A node present in both versions whose type, label, params or policy changed. */
export interface NodeChange {
  readonly id: string;
  readonly changes: readonly ValueChange[];
}

/** What changed from version `from` to version `to`, by node and edge id (never by array position). */
export interface WorkflowDiff {
  readonly workflowId: string;
  readonly from: number;
  readonly to: number;
  readonly nodes: {
    readonly added: readonly string[];
    readonly removed: readonly string[];
    readonly changed: readonly NodeChange[];
    /** Position changes alone, apart so a view can ignore layout noise. */
    readonly moved: ReadonlyArray<{ readonly id: string; readonly before: unknown; readonly after: unknown }>;
  };
  readonly edges: {
    readonly added: readonly string[];
    readonly removed: readonly string[];
    /** Edges whose id stayed but whose ends changed. */
    readonly changed: readonly string[];
  };
  /** Changes under `settings`, by path (`settings.maxConcurrency`). */
  readonly settings: readonly ValueChange[];
  /** Present when the name changed. */
  readonly name?: { readonly before: string | undefined; readonly after: string | undefined };
  /** Other document-level changes (description, tags, requires), by path. */
  readonly other: readonly ValueChange[];
}

/** An exported workflow file (SPEC §1): sorted keys, two-space indentation, `requires`, no secrets. */
export interface WorkflowExport {
  /** Suggested file name, `<name>.weft.json`. */
  fileName: string;
  text: string;
  /** JSON paths of param values blanked because their keys look like secrets. */
  strippedPaths: readonly string[];
}

/** Run status as stored; `interrupted` marks a run the process died in. */
export type StoredRunStatus = 'running' | 'succeeded' | 'failed' | 'cancelled' | 'interrupted';

/** How a run came about. */
export type RunOrigin =
  | { kind: 'run' }
  | { kind: 'rerun'; sourceRunId: string }
  | { kind: 'fromNode'; sourceRunId: string; nodeId: string };

/** A run as listed. */
export interface RunSummary {
  id: string;
  workflowId: string;
  /** The workflow version it ran. */
  workflowVersion: number;
  status: StoredRunStatus;
  origin: RunOrigin;
  startedAt: number;
  finishedAt: number | null;
  durationMs: number | null;
  error: RunError | null;
}

/** One node of a recorded run. */
export interface RunNodeDetail extends NodeRecord {
  nodeType: string;
  /**
   * The node did not run (`attempts` 0, no inputs): its outputs are those the run named by the run's
   * `origin.sourceRunId` recorded, reused by a run from a node downstream.
   */
  pinned?: true;
  /** The outputs were too large to send with the run (over 1 MiB): fetch them with `runs.nodeOutputs`. */
  outputsDeferred?: boolean;
}

/** A run with everything it recorded but large node outputs. */
export interface RunDetail extends RunSummary {
  /** The run's input; null when none was given. */
  input: unknown;
  /** Values recorded by `core.output` nodes, by name. */
  outputs: Record<string, unknown>;
  nodes: Record<string, RunNodeDetail>;
}

/** A node's recorded outputs, fetched on demand; null when the node produced none. */
export interface NodeOutputsResult {
  runId: string;
  nodeId: string;
  outputs: NodeOutputs | null;
}

/** Failures of one node type with one error code over the runs considered. */
export interface ErrorStat {
  nodeType: string;
  code: string;
  count: number;
  lastMessage: string;
  lastAt: number;
  lastRunId: string;
  lastNodeId: string;
}

/** Error statistics over a workspace's recent runs, most frequent first. */
export interface ErrorStats {
  /** How many runs were looked at. */
  runs: number;
  entries: ErrorStat[];
}

/** A node type for the palette and the inspector: serialisable, no `run`. */
export interface NodeTypeDescriptor {
  type: string;
  title: string;
  category: string;
  tags: string[];
  description: string;
  inputs: PortSpec[];
  outputs: PortSpec[];
  /** JSON Schema of `params`; null means any object. */
  params: JsonSchema | null;
  /** Top-level params never read as templates (code, expressions). */
  rawParams: string[];
  /** The plugin that provides it (`core` for the bundled ones). */
  plugin: string;
}

/** What `workflows.validate` answers: every problem with its JSON path; empty when the document is valid. */
export interface ValidationReport {
  problems: Problem[];
}

/** How loading a plugin went (SPEC §5): `refused` plugins never ran, `failed` ones threw or timed out. */
export type PluginStatus = 'loaded' | 'failed' | 'refused';

/** One plugin of a workspace as last loaded; the fields of `weft plugins --json` and a few more. */
export interface PluginInfo {
  name: string;
  version: string;
  status: PluginStatus;
  /** Why it failed or was refused; null when loaded. */
  reason: string | null;
  warnings: string[];
  /** The node types it provides (loaded) or declares (otherwise), in manifest order. */
  nodes: string[];
  /** From the manifest; null when it was refused before its manifest was read, and for `core`. */
  category: string | null;
  displayName: string | null;
  tags: string[];
  /** The bundled `core` plugin. */
  bundled: boolean;
  /** How long its import and `init` took; null when it never started loading. */
  durationMs: number | null;
}

/** Counts and load times over all of a workspace's plugins. */
export interface PluginStats {
  plugins: {
    total: number;
    byStatus: Record<PluginStatus, number>;
    /** By the manifest's category (`Other` when unknown). */
    byCategory: Record<string, number>;
  };
  nodeTypes: { total: number; byCategory: Record<string, number> };
  loadTime: { totalMs: number; maxMs: number; slowest: string | null };
}

/** What `plugins.list` and `plugins.reload` answer: the plugins (`core` first) and their statistics. */
export interface PluginsReport {
  plugins: PluginInfo[];
  stats: PluginStats;
}

/** What `runs.start` and `runs.rerun` answer; subscribe to follow the run. */
export interface RunStarted {
  runId: string;
}

/** What `runs.subscribe` answers: the run's state after its first `seq` events. */
export interface RunSubscription {
  snapshot: RunSnapshot;
  seq: number;
}

/** What a `workspaceChanged` event says changed, so a client fetches again only the lists concerned. */
export type WorkspaceChangeKind =
  /** A workflow was created, saved, restored, duplicated, imported or deleted (its runs with it). */
  | 'workflows'
  /** A run started, finished or was deleted (older runs may have been pruned with it). */
  | 'runs'
  /** The workspace itself: renamed, its policy, retention or plugins changed, or deleted. */
  | 'workspace';

/** A change to a watched workspace, made by this connection or any other (a window, a script over REST). */
export interface WorkspaceChangedEvent {
  type: 'workspaceChanged';
  workspaceId: string;
  what: WorkspaceChangeKind;
  /** The workflow concerned, when one is (always for `runs`). */
  workflowId?: string;
  /** The run concerned, for `runs`. */
  runId?: string;
}

/**
 * Events pushed to a connection. After `runs.subscribe`, a `runSnapshot` comes first, then each later
 * `runEvent` of that run in order with `seq` counting up from the snapshot's; a client applies an event
 * only when its `seq` is greater than the last one it applied, so nothing is lost or applied twice.
 * After `workspaces.watch`, a `workspaceChanged` follows each change to that workspace (and to no other).
 */
export type ApiEvent = RunFeedEvent | WorkspaceChangedEvent;

/** The events of a followed run (`runs.subscribe`): its snapshot, then its numbered events. */
export type RunFeedEvent =
  | { type: 'runSnapshot'; runId: string; seq: number; snapshot: RunSnapshot }
  | { type: 'runEvent'; runId: string; seq: number; event: RunEvent };
