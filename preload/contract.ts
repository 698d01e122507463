// The API between the host (main) and the editor (renderer): the single source of every method's input
// schema and result type and of the pushed events. Main's handler map and the renderer's client are both
// checked against it; Electron IPC and the browser mode's WebSocket carry the same calls.
import { z } from 'zod';
import type { RunSnapshot } from '../engine/index.js';
import {
  cursor,
  id,
  inWorkspace,
  limit,
  MAX_IMPORT_CHARS,
  nodeTypeName,
  note,
  requiredValue,
  version,
  workflowName,
  workspaceName,
} from './contract/schemas.js';
import type * as T from './contract/types.js';

export type * from './contract/types.js';
export { ID_RE, MAX_PAGE, DEFAULT_PAGE, MAX_IMPORT_CHARS } from './contract/schemas.js';
export * from './contract/transport.js';

const obj = z.strictObject;
const nodeTypeList = z.array(nodeTypeName).max(1000);
const workflowRef = { ...inWorkspace, workflowId: id };
const runRef = { ...inWorkspace, runId: id };

/** Every method of the API and the zod schema its input must satisfy (unknown keys are refused). */
export const contract = {
  'workspaces.list': { input: obj({}) },
  'workspaces.create': { input: obj({ name: workspaceName }) },
  'workspaces.rename': { input: obj({ ...inWorkspace, name: workspaceName }) },
  /** Deletes the workspace with all its workflows and runs. */
  'workspaces.delete': { input: obj({ ...inWorkspace }) },
  'workspaces.setPolicy': {
    input: obj({
      ...inWorkspace,
      policy: obj({ allowedNodeTypes: nodeTypeList.optional(), deniedNodeTypes: nodeTypeList.optional() }),
    }),
  },
  'workspaces.setRunRetention': { input: obj({ ...inWorkspace, runRetention: z.number().int().min(1).max(100_000) }) },
  /**
   * Makes this connection the one place it hears `workspaceChanged` from: this workspace's changes only,
   * whoever made them (another window, a script over REST). Replaces the workspace watched before.
   */
  'workspaces.watch': { input: obj({ ...inWorkspace }) },

  /** Name, description and tags come from the document. */
  'workflows.create': { input: obj({ ...inWorkspace, document: requiredValue, note: note.optional() }) },
  'workflows.get': { input: obj(workflowRef) },
  'workflows.list': {
    input: obj({
      ...inWorkspace,
      cursor: cursor.optional(),
      limit,
      /** Case-insensitive text searched in name and description. */
      search: z.string().max(200).optional(),
      tag: z.string().min(1).max(64).optional(),
      /** `updated`: most recently updated first; `name`: by name, case-insensitive. */
      sort: z.enum(['updated', 'name']).default('updated'),
    }),
  },
  /** Refused with `CONFLICT` (details.currentVersion) unless `expectedVersion` is the current version. */
  'workflows.update': {
    input: obj({ ...workflowRef, expectedVersion: version, document: requiredValue, note: note.optional() }),
  },
  'workflows.versions': { input: obj({ ...workflowRef, cursor: cursor.optional(), limit }) },
  'workflows.getVersion': { input: obj({ ...workflowRef, version }) },
  /** Saves an old version's document as a new version, with the same conflict rule as update. */
  'workflows.restore': { input: obj({ ...workflowRef, version, expectedVersion: version }) },
  'workflows.diff': { input: obj({ ...workflowRef, from: version, to: version }) },
  'workflows.duplicate': { input: obj({ ...workflowRef, name: workflowName.optional() }) },
  'workflows.delete': { input: obj(workflowRef) },
  /** Exports the current version, or `version` when given. */
  'workflows.export': { input: obj({ ...workflowRef, version: version.optional() }) },
  /** Imports a `.weft.json` file's text as a new workflow (new id); all or nothing. */
  'workflows.import': {
    input: obj({ ...inWorkspace, text: z.string().max(MAX_IMPORT_CHARS, 'too large: at most 10 MiB') }),
  },
  /**
   * Checks a document against the workspace's node types as a save would, without saving it: every
   * problem with its JSON path (an empty list when the document is valid).
   */
  'workflows.validate': { input: obj({ ...inWorkspace, document: requiredValue }) },

  /** Starts the workflow's current version; `fromNode` reuses the recorded upstream outputs of a past run. */
  'runs.start': {
    input: obj({
      ...workflowRef,
      input: z.unknown().optional(),
      fromNode: obj({ nodeId: id, sourceRunId: id }).optional(),
    }),
  },
  /** Runs a past run again with its recorded input and workflow version. */
  'runs.rerun': { input: obj(runRef) },
  'runs.cancel': { input: obj(runRef) },
  'runs.list': { input: obj({ ...workflowRef, cursor: cursor.optional(), limit }) },
  'runs.get': { input: obj(runRef) },
  'runs.nodeOutputs': { input: obj({ ...runRef, nodeId: id }) },
  'runs.delete': { input: obj(runRef) },
  /** Over the workspace's last `runs` runs (of one workflow when `workflowId` is given). */
  'runs.errorStats': {
    input: obj({ ...inWorkspace, workflowId: id.optional(), runs: z.number().int().min(1).max(10_000).default(500) }),
  },
  /** Answers a snapshot; the run's later events are then pushed to this connection (see ApiEvent). */
  'runs.subscribe': { input: obj(runRef) },
  'runs.unsubscribe': { input: obj(runRef) },

  /** The node types this workspace can use, for the palette. */
  'nodeTypes.list': { input: obj({ ...inWorkspace }) },

  /** The workspace's plugins as they were last loaded (the bundled `core` first), with statistics. */
  'plugins.list': { input: obj({ ...inWorkspace }) },
  /** Loads the workspace's plugins again (every one, changed or not) and answers the new report. */
  'plugins.reload': { input: obj({ ...inWorkspace }) },
} as const satisfies Record<string, { input: z.ZodType }>;

/** What each method answers on success; `null` for methods that only act. */
export interface ApiResults {
  'workspaces.list': T.Workspace[];
  'workspaces.create': T.Workspace;
  'workspaces.rename': T.Workspace;
  'workspaces.delete': null;
  'workspaces.setPolicy': T.Workspace;
  'workspaces.setRunRetention': T.Workspace;
  'workspaces.watch': null;
  'workflows.create': T.WorkflowDetail;
  'workflows.get': T.WorkflowDetail;
  'workflows.list': T.Page<T.WorkflowSummary>;
  'workflows.update': T.WorkflowDetail;
  'workflows.versions': T.Page<T.VersionSummary>;
  'workflows.getVersion': T.VersionDetail;
  'workflows.restore': T.WorkflowDetail;
  'workflows.diff': T.WorkflowDiff;
  'workflows.duplicate': T.WorkflowDetail;
  'workflows.delete': null;
  'workflows.export': T.WorkflowExport;
  'workflows.import': T.WorkflowDetail;
  'workflows.validate': T.ValidationReport;
  'runs.start': T.RunStarted;
  'runs.rerun': T.RunStarted;
  /** `cancelled` is false when the run had already finished. */
  'runs.cancel': { cancelled: boolean };
  'runs.list': T.Page<T.RunSummary>;
  'runs.get': T.RunDetail;
  'runs.nodeOutputs': T.NodeOutputsResult;
  'runs.delete': null;
  'runs.errorStats': T.ErrorStats;
  'runs.subscribe': T.RunSubscription;
  'runs.unsubscribe': null;
  'nodeTypes.list': T.NodeTypeDescriptor[];
  'plugins.list': T.PluginsReport;
  'plugins.reload': T.PluginsReport;
}

/** The name of an API method. */
export type ApiMethod = keyof typeof contract;

/** What a caller passes to a method (defaults not yet applied). */
export type ApiInput<M extends ApiMethod> = z.input<(typeof contract)[M]['input']>;

/** What a handler receives: the input after validation, defaults applied and names trimmed. */
export type ApiArgs<M extends ApiMethod> = z.output<(typeof contract)[M]['input']>;

/** What a method answers on success. */
export type ApiResult<M extends ApiMethod> = ApiResults[M];

/** Error codes a call may answer; services may add their own. */
export type ApiErrorCode =
  | 'UNKNOWN_METHOD'
  | 'INVALID_INPUT'
  /** The browser mode's transports: a request without the access token. */
  | 'UNAUTHORIZED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'POLICY_DENIED'
  | 'DATABASE_TOO_NEW'
  | 'MISSING_PLUGINS'
  | 'TOO_LARGE'
  | 'INTERNAL'
  /** The desktop app: the backend process died while the call was waiting (contract/backend-status.ts). */
  | 'BACKEND_CRASHED'
  /** The desktop app: the backend process could not be (re)started. */
  | 'BACKEND_UNAVAILABLE'
  | (string & {});

/** A failed call: a code to act on, a message for a person, the JSON path of the bad value, and facts. */
export interface ApiError {
  code: ApiErrorCode;
  message: string;
  path?: string;
  /** e.g. `problems` (INVALID_INPUT), `currentVersion` (CONFLICT), `nodeIds` (POLICY_DENIED). */
  details?: Readonly<Record<string, unknown>>;
}

/** What a transport carries back for one call. */
export type ApiResponse<M extends ApiMethod = ApiMethod> =
  | { ok: true; result: ApiResult<M> }
  | { ok: false; error: ApiError };

/** The renderer's view of the host: one `invoke` and one `onEvent`, whatever the transport. */
export interface ApiClient {
  /** Calls a method; rejects with an ApiCallError carrying the ApiError. */
  invoke<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<M>>;
  /** Listens to pushed events; returns the function that stops listening. */
  onEvent(cb: (event: T.ApiEvent) => void): () => void;
}

/** The rejection of ApiClient.invoke: an Error that carries the call's ApiError. */
export class ApiCallError extends Error {
  readonly code: ApiErrorCode;
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
  }
}

/** True when `method` names an API method (an own key of the contract, never an inherited one). */
export function isApiMethod(method: unknown): method is ApiMethod {
  return typeof method === 'string' && Object.hasOwn(contract, method);
}

/** The state of a run as a late subscriber first sees it (re-exported for clients). */
export type { RunSnapshot };
