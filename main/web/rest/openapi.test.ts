import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { restCall, webHarness, type WebHarness } from '../testing.js';
import { buildOpenApi } from './openapi.js';
import { pathParams, routes } from './routes.js';

type Doc = {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        operationId: string;
        parameters: Array<{ name: string; in: string; schema: unknown }>;
        requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
        responses: Record<string, unknown>;
      }
    >
  >;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
};

describe('OpenAPI document', () => {
  const doc = buildOpenApi() as unknown as Doc;

  it('is OpenAPI 3.1 and lists every route, and nothing else but itself', () => {
    expect(doc.openapi).toBe('3.1.0');
    const listed = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const expected = [...routes.map((r) => `${r.method} ${r.path}`), 'GET /openapi.json'];
    expect(listed.sort()).toEqual(expected.sort());
    const ids = listed.map((entry) => {
      const [method, path] = entry.split(' ') as [string, string];
      return doc.paths[path]?.[method.toLowerCase()]?.operationId;
    });
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('describes path and query parameters from the contract schemas', () => {
    for (const route of routes) {
      const op = doc.paths[route.path]?.[route.method.toLowerCase()];
      const names = op?.parameters.map((p) => `${p.in}:${p.name}`) ?? [];
      expect(names, route.path).toEqual([
        ...pathParams(route.path).map((n) => `path:${n}`),
        ...Object.keys(route.query ?? {}).map((n) => `query:${n}`),
      ]);
    }
    const list = doc.paths['/workspaces/{workspaceId}/workflows']?.get;
    expect(list?.parameters.find((p) => p.name === 'workspaceId')?.schema).toMatchObject({
      type: 'string',
      pattern: expect.any(String),
    });
    expect(list?.parameters.find((p) => p.name === 'limit')?.schema).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 200,
    });
    expect(list?.parameters.find((p) => p.name === 'sort')?.schema).toMatchObject({
      enum: ['updated', 'name'],
    });
  });

  it('describes request bodies: a workflow document, or the fields a route takes', () => {
    const create = doc.paths['/workspaces/{workspaceId}/workflows']?.post;
    expect(create?.requestBody?.content['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/WorkflowDocument',
    });
    const update = doc.paths['/workspaces/{workspaceId}/workflows/{workflowId}']?.put;
    const schema = update?.requestBody?.content['application/json']?.schema;
    expect(schema).toMatchObject({
      type: 'object',
      required: ['document', 'expectedVersion'],
      additionalProperties: false,
    });
    expect(Object.keys(schema?.properties as object)).toEqual(['document', 'expectedVersion', 'note']);
    expect(update?.responses['409']).toBeDefined();
    expect(doc.components.schemas.WorkflowDocument).toMatchObject({
      type: 'object',
      properties: { format: { const: 'weft.workflow' } },
    });
    expect(doc.components.securitySchemes).toHaveProperty('bearer');
  });

  it('names only components it defines', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"#\/components\/schemas\/([A-Za-z]+)"/g)].map(
      (m) => m[1] ?? '',
    );
    for (const ref of new Set(refs)) expect(doc.components.schemas, ref).toHaveProperty(ref);
  });
});

describe('GET /api/v1/openapi.json', () => {
  let h: WebHarness;
  beforeEach(async () => {
    h = await webHarness();
  });
  afterEach(() => h.dispose());

  it('serves the document, behind the token like every route', async () => {
    const r = await restCall(h, 'GET', '/openapi.json');
    expect(r.status).toBe(200);
    expect(r.json).toEqual(JSON.parse(JSON.stringify(buildOpenApi())));
  });
});
