// The OpenAPI 3.1 document of the REST API, made from the route table: parameters and request bodies
// from the contract's zod input schemas (z.toJSONSchema), the document's shape from the engine's
// schema, and the answers from short schemas of the contract's result types.
import { z } from 'zod';
import { workflowSchema } from '../../../engine/index.js';
import { contract, TOKEN_PARAM } from '../../../preload/contract.js';
import { pathParams, routes, type RestRoute } from './routes.js';

type Schema = Record<string, unknown>;

/** A zod schema as JSON Schema 2020-12 (what OpenAPI 3.1 uses), without the `$schema` marker. */
function jsonSchema(schema: z.ZodType): Schema {
  const { $schema: _marker, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as Schema;
  return rest;
}

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const obj = (properties: Record<string, Schema>, description?: string): Schema => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
  ...(description === undefined ? {} : { description }),
});
const str: Schema = { type: 'string' };
const num: Schema = { type: 'number' };
const int: Schema = { type: 'integer' };
const time: Schema = { type: 'number', description: 'epoch milliseconds' };
const nullable = (schema: Schema): Schema => ({ anyOf: [schema, { type: 'null' }] });
const page = (item: string): Schema =>
  obj({
    items: { type: 'array', items: ref(item) },
    nextCursor: { ...nullable(str), description: 'null on the last page' },
  });

/** Short schemas of the contract's result types (preload/contract/types.ts has them in full). */
function resultSchemas(): Record<string, Schema> {
  const summary = {
    id: str,
    name: str,
    description: str,
    tags: { type: 'array', items: str },
    version: { ...int, description: 'the current version: name it as expectedVersion to update' },
    createdAt: time,
    updatedAt: time,
  };
  const runSummary = {
    id: str,
    workflowId: str,
    workflowVersion: int,
    status: { enum: ['running', 'succeeded', 'failed', 'cancelled', 'interrupted'] },
    origin: { type: 'object' },
    startedAt: time,
    finishedAt: nullable(time),
    durationMs: nullable(num),
    error: nullable({ type: 'object' }),
  };
  return {
    WorkflowDocument: {
      ...jsonSchema(workflowSchema as z.ZodType),
      description: 'A workflow document (current format; older formatVersions are migrated on the way in).',
    },
    Workspace: obj({
      id: str,
      name: str,
      policy: obj({
        allowedNodeTypes: { type: 'array', items: str },
        deniedNodeTypes: { type: 'array', items: str },
      }),
      runRetention: int,
      createdAt: time,
      updatedAt: time,
    }),
    WorkflowSummary: obj(summary),
    WorkflowDetail: obj({ ...summary, document: ref('WorkflowDocument') }),
    WorkflowsPage: page('WorkflowSummary'),
    WorkflowExport: obj({
      fileName: str,
      text: { ...str, description: 'the file' },
      strippedPaths: { type: 'array', items: str },
    }),
    RunStarted: obj({ runId: str }),
    RunSummary: obj(runSummary),
    RunsPage: page('RunSummary'),
    RunDetail: obj({
      ...runSummary,
      input: {},
      outputs: { type: 'object', description: 'values recorded by core.output nodes, by name' },
      nodes: {
        type: 'object',
        additionalProperties: { type: 'object' },
        description: 'each node’s record, by id',
      },
    }),
    Cancelled: obj({ cancelled: { type: 'boolean' } }),
    ValidationReport: obj({
      problems: { type: 'array', items: obj({ path: str, message: str, code: str }) },
    }),
    Error: obj(
      {
        error: {
          type: 'object',
          properties: { code: str, message: str, path: str, details: { type: 'object' } },
          required: ['code', 'message'],
        },
      },
      'A failed call: INVALID_INPUT 400 (with the JSON path), UNAUTHORIZED 401, POLICY_DENIED 403, NOT_FOUND 404, ' +
        'CONFLICT 409 (details.currentVersion), TOO_LARGE 413, INTERNAL 500.',
    ),
  };
}

/** The component a route's result is described by. */
const RESULT_SCHEMA: Readonly<Record<string, Schema>> = {
  'Workspace[]': { type: 'array', items: ref('Workspace') },
  'Page<WorkflowSummary>': ref('WorkflowsPage'),
  'Page<RunSummary>': ref('RunsPage'),
  '{ cancelled: boolean }': ref('Cancelled'),
};

function resultSchema(route: RestRoute): Schema {
  return RESULT_SCHEMA[route.result] ?? ref(route.result);
}

function inputShape(route: RestRoute): Record<string, z.ZodType> {
  return (contract[route.call].input as unknown as { shape: Record<string, z.ZodType> }).shape;
}

function parameters(route: RestRoute): Schema[] {
  const shape = inputShape(route);
  const inPath = pathParams(route.path).map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: shape[name] === undefined ? str : jsonSchema(shape[name]),
  }));
  const inQuery = Object.keys(route.query ?? {}).map((name) => ({
    name,
    in: 'query',
    required: false,
    schema: shape[name] === undefined ? str : jsonSchema(shape[name]),
  }));
  return [...inPath, ...inQuery];
}

function requestBody(route: RestRoute): Schema | undefined {
  const body = route.body;
  if (body === undefined) return undefined;
  if (body.kind === 'document') {
    return { required: true, content: { 'application/json': { schema: ref('WorkflowDocument') } } };
  }
  const shape = inputShape(route);
  const properties: Record<string, Schema> = {};
  for (const name of body.fields) {
    properties[name] =
      name === 'document'
        ? ref('WorkflowDocument')
        : shape[name] === undefined
          ? {}
          : jsonSchema(shape[name]);
  }
  const required = body.fields.filter(
    (name) => name === 'document' || shape[name]?.safeParse(undefined).success === false,
  );
  return {
    required: body.required,
    content: {
      'application/json': { schema: { type: 'object', properties, required, additionalProperties: false } },
    },
  };
}

const errorResponse = (description: string): Schema => ({
  description,
  content: { 'application/json': { schema: ref('Error') } },
});

function operation(route: RestRoute): Schema {
  const body = requestBody(route);
  const status = String(route.status ?? 200);
  return {
    operationId: route.operationId,
    summary: route.summary,
    description: `Calls the API method \`${route.call}\`; answers its result unchanged.`,
    parameters: parameters(route),
    ...(body === undefined ? {} : { requestBody: body }),
    responses: {
      [status]: {
        description: route.result,
        ...(route.location === undefined
          ? {}
          : { headers: { Location: { schema: str, description: 'the URL of what was made' } } }),
        content: { 'application/json': { schema: resultSchema(route) } },
      },
      '400': errorResponse('invalid input: the error names the JSON path'),
      '401': errorResponse('no or a wrong access token'),
      '404': errorResponse('no such workspace, record or route'),
      ...(route.method === 'PUT'
        ? { '409': errorResponse('the workflow changed since expectedVersion') }
        : {}),
      ...(body === undefined ? {} : { '413': errorResponse('the body is over the limit') }),
      ...(route.call === 'runs.start'
        ? { '403': errorResponse('the workspace policy denies a node type') }
        : {}),
    },
  };
}

/** The whole document; its paths are exactly the route table's plus this document's own. */
export function buildOpenApi(): Schema {
  const paths: Record<string, Record<string, Schema>> = {};
  for (const route of routes) {
    const item = (paths[route.path] ??= {});
    item[route.method.toLowerCase()] = operation(route);
  }
  paths['/openapi.json'] = {
    get: {
      operationId: 'openApi',
      summary: 'This document',
      responses: {
        '200': {
          description: 'OpenAPI 3.1',
          content: { 'application/json': { schema: { type: 'object' } } },
        },
      },
    },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Weft REST API',
      version: '1',
      description:
        'The API of `weft serve` for scripts. Every request needs the access token that `weft serve` printed: ' +
        '`Authorization: Bearer TOKEN` (or the `token` query parameter). Bodies are JSON.',
    },
    servers: [{ url: '/api/v1' }],
    security: [{ bearer: [] }, { queryToken: [] }, { cookieToken: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        queryToken: { type: 'apiKey', in: 'query', name: TOKEN_PARAM },
        cookieToken: { type: 'apiKey', in: 'cookie', name: 'weft_token' },
      },
      schemas: resultSchemas(),
    },
  };
}
