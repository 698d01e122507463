// The REST API for scripts (`/api/v1`): each route is one contract method, its input gathered from the
// path, the query and the body, and its answer that method's result unchanged. There is no second path
// to the services: the router calls the same dispatch as the editor's socket. This table is also what
// the OpenAPI document is made from, so the two cannot drift apart.
import type { ApiMethod } from '../../../preload/contract.js';

/** Where a body's value goes in the method's input. */
export type BodySpec =
  /** The whole body is the input's `document` (a workflow document). */
  | { readonly kind: 'document' }
  /** The body is an object whose keys are these input fields (no others). */
  | { readonly kind: 'fields'; readonly fields: readonly string[]; readonly required: boolean };

export interface RestRoute {
  readonly method: 'GET' | 'POST' | 'PUT';
  /** Relative to `/api/v1`, with `{name}` path parameters (input fields of the same name). */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly call: ApiMethod;
  /** Query parameters: input fields, read as whole numbers where said. */
  readonly query?: Readonly<Record<string, 'string' | 'integer'>>;
  readonly body?: BodySpec;
  /** The status of a success (200 unless said). */
  readonly status?: 201 | 202;
  /** The URL of what a success made, for its Location header. */
  readonly location?: (input: Readonly<Record<string, unknown>>, result: unknown) => string;
  /** What a success answers, by its contract type, for the OpenAPI document. */
  readonly result: string;
}

const WS = '/workspaces/{workspaceId}';
const enc = encodeURIComponent;
const field = (value: unknown, key: string): string => String((value as Record<string, unknown>)[key]);

export const routes: readonly RestRoute[] = [
  {
    method: 'GET',
    path: '/workspaces',
    operationId: 'listWorkspaces',
    summary: 'List the workspaces',
    call: 'workspaces.list',
    result: 'Workspace[]',
  },
  {
    method: 'POST',
    path: '/workspaces',
    operationId: 'createWorkspace',
    summary: 'Create a workspace',
    call: 'workspaces.create',
    body: { kind: 'fields', fields: ['name'], required: true },
    status: 201,
    result: 'Workspace',
  },
  {
    method: 'GET',
    path: `${WS}/workflows`,
    operationId: 'listWorkflows',
    summary: 'List a page of the workspace’s workflows (pass nextCursor as cursor for the next page)',
    call: 'workflows.list',
    query: { limit: 'integer', cursor: 'string', search: 'string', tag: 'string', sort: 'string' },
    result: 'Page<WorkflowSummary>',
  },
  {
    method: 'POST',
    path: `${WS}/workflows`,
    operationId: 'createWorkflow',
    summary: 'Create a workflow from a document (validated; name, description and tags come from it)',
    call: 'workflows.create',
    query: { note: 'string' },
    body: { kind: 'document' },
    status: 201,
    location: (input, result) =>
      `/api/v1/workspaces/${enc(field(input, 'workspaceId'))}/workflows/${enc(field(result, 'id'))}`,
    result: 'WorkflowDetail',
  },
  {
    method: 'GET',
    path: `${WS}/workflows/{workflowId}`,
    operationId: 'getWorkflow',
    summary: 'Get a workflow with its current document',
    call: 'workflows.get',
    result: 'WorkflowDetail',
  },
  {
    method: 'PUT',
    path: `${WS}/workflows/{workflowId}`,
    operationId: 'updateWorkflow',
    summary: 'Save a new version; 409 with details.currentVersion unless expectedVersion is the current one',
    call: 'workflows.update',
    body: { kind: 'fields', fields: ['document', 'expectedVersion', 'note'], required: true },
    result: 'WorkflowDetail',
  },
  {
    method: 'GET',
    path: `${WS}/workflows/{workflowId}/export`,
    operationId: 'exportWorkflow',
    summary: 'Export the current version (or ?version=N) as a workflow file’s text',
    call: 'workflows.export',
    query: { version: 'integer' },
    result: 'WorkflowExport',
  },
  {
    method: 'POST',
    path: `${WS}/workflows/{workflowId}/runs`,
    operationId: 'startRun',
    summary: 'Start a run of the current version; answers at once with its id (follow it with getRun)',
    call: 'runs.start',
    body: { kind: 'fields', fields: ['input', 'fromNode'], required: false },
    status: 202,
    location: (input, result) =>
      `/api/v1/workspaces/${enc(field(input, 'workspaceId'))}/runs/${enc(field(result, 'runId'))}`,
    result: 'RunStarted',
  },
  {
    method: 'GET',
    path: `${WS}/workflows/{workflowId}/runs`,
    operationId: 'listRuns',
    summary: 'List a page of a workflow’s runs, newest first',
    call: 'runs.list',
    query: { limit: 'integer', cursor: 'string' },
    result: 'Page<RunSummary>',
  },
  {
    method: 'GET',
    path: `${WS}/runs/{runId}`,
    operationId: 'getRun',
    summary: 'Get a run: its status, outputs and each node’s record',
    call: 'runs.get',
    result: 'RunDetail',
  },
  {
    method: 'POST',
    path: `${WS}/runs/{runId}/cancel`,
    operationId: 'cancelRun',
    summary: 'Cancel a run; cancelled is false when it had already finished',
    call: 'runs.cancel',
    result: '{ cancelled: boolean }',
  },
  {
    method: 'POST',
    path: `${WS}/validate`,
    operationId: 'validateWorkflow',
    summary: 'Check a document against the workspace’s node types without saving it',
    call: 'workflows.validate',
    body: { kind: 'document' },
    result: 'ValidationReport',
  },
];

/** The path parameter names of a route, in order. */
export function pathParams(path: string): string[] {
  return [...path.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1] ?? '');
}
