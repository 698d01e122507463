// Every REST route through a real server over a temp store: results as the API answers them, errors as
// `{ error }` with their statuses, and the body and query rules (JSON only, bounded, no stray fields,
// no way for a body to name another workspace).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  ApiError,
  Page,
  RunDetail,
  WorkflowDetail,
  WorkflowExport,
  WorkflowSummary,
  Workspace,
} from '../../../preload/contract.js';
import { sampleDoc } from '../../db/testing/temp-store.js';
import { delayDoc } from '../../rpc/handlers/testing.js';
import { rawRequest, restCall, webHarness, type RawResponse, type WebHarness } from '../testing.js';

let h: WebHarness;
let base: string;
beforeEach(async () => {
  h = await webHarness();
  base = `/workspaces/${h.ws}`;
});
afterEach(() => h.dispose());

function errorOf(r: RawResponse): ApiError {
  return (r.json as { error: ApiError }).error;
}

async function create(name = 'Greeting'): Promise<WorkflowDetail> {
  const r = await restCall(h, 'POST', `${base}/workflows`, sampleDoc({ name }));
  expect(r.status).toBe(201);
  return r.json as WorkflowDetail;
}

describe('REST routes', () => {
  it('GET /workspaces lists them; POST /workspaces creates one', async () => {
    const list = await restCall(h, 'GET', '/workspaces');
    expect(list.status).toBe(200);
    expect(list.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(list.headers['cache-control']).toBe('no-store');
    expect((list.json as Workspace[]).map((w) => w.name)).toEqual(['Default']);
    const made = await restCall(h, 'POST', '/workspaces', { name: 'Team' });
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({ name: 'Team', runRetention: expect.any(Number) });
    expect(((await restCall(h, 'GET', '/workspaces')).json as Workspace[]).map((w) => w.name)).toEqual([
      'Default',
      'Team',
    ]);
  });

  it('POST workflows creates from the document body (201, Location); GET reads it back', async () => {
    const r = await restCall(
      h,
      'POST',
      `${base}/workflows?note=first`,
      sampleDoc({ name: 'Alpha', tags: ['x'] }),
    );
    expect(r.status).toBe(201);
    const created = r.json as WorkflowDetail;
    expect(created).toMatchObject({ name: 'Alpha', tags: ['x'], version: 1 });
    expect(r.headers.location).toBe(`/api/v1${base}/workflows/${created.id}`);
    const got = await restCall(h, 'GET', `${base}/workflows/${created.id}`);
    expect(got.status).toBe(200);
    expect(got.json).toEqual(created);
  });

  it('GET workflows pages with limit and cursor, and filters by search, tag and sort', async () => {
    for (const name of ['Charlie', 'Alpha', 'Bravo']) await create(name);
    const first = await restCall(h, 'GET', `${base}/workflows?limit=2&sort=name`);
    expect(first.status).toBe(200);
    const page = first.json as Page<WorkflowSummary>;
    expect(page.items.map((w) => w.name)).toEqual(['Alpha', 'Bravo']);
    expect(page.nextCursor).toEqual(expect.any(String));
    const second = (
      await restCall(
        h,
        'GET',
        `${base}/workflows?limit=2&sort=name&cursor=${encodeURIComponent(page.nextCursor ?? '')}`,
      )
    ).json as Page<WorkflowSummary>;
    expect(second).toMatchObject({ items: [expect.objectContaining({ name: 'Charlie' })], nextCursor: null });
    const searched = (await restCall(h, 'GET', `${base}/workflows?search=rav`)).json as Page<WorkflowSummary>;
    expect(searched.items.map((w) => w.name)).toEqual(['Bravo']);
    expect(
      ((await restCall(h, 'GET', `${base}/workflows?tag=none`)).json as Page<WorkflowSummary>).items,
    ).toEqual([]);
  });

  it('PUT saves a new version; a stale expectedVersion is 409 with the current version', async () => {
    const created = await create();
    const saved = await restCall(h, 'PUT', `${base}/workflows/${created.id}`, {
      document: sampleDoc({ name: 'Renamed' }),
      expectedVersion: 1,
      note: 'rename',
    });
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({ name: 'Renamed', version: 2 });
    const stale = await restCall(h, 'PUT', `${base}/workflows/${created.id}`, {
      document: sampleDoc(),
      expectedVersion: 1,
    });
    expect(stale.status).toBe(409);
    expect(errorOf(stale)).toMatchObject({ code: 'CONFLICT', details: { currentVersion: 2 } });
  });

  it('POST runs starts a run (202, Location); GET runs/{id} follows it to the end; runs can be listed and cancelled', async () => {
    const created = await create();
    const started = await restCall(h, 'POST', `${base}/workflows/${created.id}/runs`, {
      input: { name: 'Grace' },
    });
    expect(started.status).toBe(202);
    const { runId } = started.json as { runId: string };
    expect(started.headers.location).toBe(`/api/v1${base}/runs/${runId}`);
    await h.web.idle();
    const run = await restCall(h, 'GET', `${base}/runs/${runId}`);
    expect(run.status).toBe(200);
    expect(run.json).toMatchObject({ id: runId, status: 'succeeded', input: { name: 'Grace' } });
    expect(Object.keys((run.json as RunDetail).nodes)).toEqual(
      expect.arrayContaining(['start', 'greet', 'result']),
    );
    const runs = await restCall(h, 'GET', `${base}/workflows/${created.id}/runs?limit=5`);
    expect((runs.json as Page<{ id: string }>).items.map((r) => r.id)).toEqual([runId]);

    const slow = (await restCall(h, 'POST', `${base}/workflows`, delayDoc(5_000))).json as WorkflowDetail;
    // No body at all is fine for a run.
    const going = await rawRequest(h.server.port, `/api/v1${base}/workflows/${slow.id}/runs`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${h.server.token}` },
    });
    expect(going.status).toBe(202);
    const goingId = (going.json as { runId: string }).runId;
    const cancel = await restCall(h, 'POST', `${base}/runs/${goingId}/cancel`);
    expect(cancel).toMatchObject({ status: 200, json: { cancelled: true } });
    await h.web.idle();
    expect(((await restCall(h, 'GET', `${base}/runs/${goingId}`)).json as RunDetail).status).toBe(
      'cancelled',
    );
  });

  it('POST validate answers the problems without saving', async () => {
    const ok = await restCall(h, 'POST', `${base}/validate`, sampleDoc());
    expect(ok).toMatchObject({ status: 200, json: { problems: [] } });
    const bad = sampleDoc();
    (bad.nodes as Array<Record<string, unknown>>)[1] = { id: 'greet', type: 'nope.missing' };
    const r = await restCall(h, 'POST', `${base}/validate`, bad);
    expect(r.status).toBe(200);
    expect((r.json as { problems: unknown[] }).problems).toContainEqual(
      expect.objectContaining({ path: 'nodes[1].type', code: 'UNKNOWN_NODE_TYPE' }),
    );
    expect(((await restCall(h, 'GET', `${base}/workflows`)).json as Page<unknown>).items).toEqual([]);
  });

  it('GET export answers the file text and its name', async () => {
    const created = await create('My Flow');
    const r = await restCall(h, 'GET', `${base}/workflows/${created.id}/export`);
    expect(r.status).toBe(200);
    const file = r.json as WorkflowExport;
    expect(file.fileName).toBe('my-flow.weft.json');
    expect(JSON.parse(file.text)).toMatchObject({ format: 'weft.workflow', name: 'My Flow' });
    expect((await restCall(h, 'GET', `${base}/workflows/${created.id}/export?version=1`)).status).toBe(200);
    expect((await restCall(h, 'GET', `${base}/workflows/${created.id}/export?version=9`)).status).toBe(404);
  });
});

describe('REST errors', () => {
  it('400 with the JSON path of a bad document, a bad field or a bad parameter', async () => {
    const bad = sampleDoc();
    (bad.nodes as Array<Record<string, unknown>>)[1] = { id: 'greet', type: 'nope.missing' };
    const invalid = await restCall(h, 'POST', `${base}/workflows`, bad);
    expect(invalid.status).toBe(400);
    expect(errorOf(invalid)).toMatchObject({ code: 'INVALID_INPUT', path: 'nodes[1].type' });
    const created = await create();
    const noVersion = await restCall(h, 'PUT', `${base}/workflows/${created.id}`, { document: sampleDoc() });
    expect(noVersion.status).toBe(400);
    expect(errorOf(noVersion)).toMatchObject({ code: 'INVALID_INPUT', path: 'expectedVersion' });
    for (const [query, path] of [
      ['limit=0', 'limit'],
      ['limit=abc', 'limit'],
      ['sort=size', 'sort'],
      ['colour=red', 'colour'],
    ]) {
      const r = await restCall(h, 'GET', `${base}/workflows?${query}`);
      expect(r.status, query).toBe(400);
      expect(errorOf(r).path, query).toBe(path);
    }
    const badId = await restCall(h, 'GET', `${base}/workflows/${encodeURIComponent('has space')}`);
    expect(badId.status).toBe(400);
    expect(errorOf(badId).path).toBe('workflowId');
  });

  it('400 for a body that is not JSON, not an object, has stray fields, or is missing', async () => {
    const created = await create();
    const put = `/api/v1${base}/workflows/${created.id}`;
    const auth = { Authorization: `Bearer ${h.server.token}`, 'Content-Type': 'application/json' };
    const notJson = await rawRequest(h.server.port, put, {
      method: 'PUT',
      headers: auth,
      rawBody: '{"document":',
    });
    expect(notJson.status).toBe(400);
    expect(errorOf(notJson)).toMatchObject({ code: 'INVALID_INPUT', path: '$' });
    const proto = await rawRequest(h.server.port, put, {
      method: 'PUT',
      headers: auth,
      rawBody: '{"__proto__":{"x":1}}',
    });
    expect(proto.status).toBe(400);
    expect((await restCall(h, 'PUT', put.slice(7), [1])).status).toBe(400);
    const stray = await restCall(h, 'PUT', put.slice(7), {
      document: sampleDoc(),
      expectedVersion: 1,
      workspaceId: 'other',
    });
    expect(stray.status).toBe(400);
    expect(errorOf(stray)).toMatchObject({ code: 'INVALID_INPUT', path: 'workspaceId' });
    const missing = await rawRequest(h.server.port, put, { method: 'PUT', headers: auth });
    expect(missing.status).toBe(400);
    const noDoc = await rawRequest(h.server.port, `/api/v1${base}/workflows`, {
      method: 'POST',
      headers: auth,
    });
    expect(errorOf(noDoc)).toMatchObject({ code: 'INVALID_INPUT', path: 'document' });
  });

  it('415 for a body that is not declared JSON', async () => {
    const r = await rawRequest(h.server.port, `/api/v1${base}/workflows`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${h.server.token}`, 'Content-Type': 'text/plain' },
      rawBody: JSON.stringify(sampleDoc()),
    });
    expect(r.status).toBe(415);
    expect(errorOf(r).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('413 for a body over the limit, declared or streamed', async () => {
    const big = Buffer.alloc(11 * 1024 * 1024, 0x20);
    const r = await rawRequest(h.server.port, `/api/v1${base}/validate`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${h.server.token}`, 'Content-Type': 'application/json' },
      rawBody: big,
    });
    expect(r.status).toBe(413);
    expect(errorOf(r).code).toBe('TOO_LARGE');
    const streamed = await rawRequest(h.server.port, `/api/v1${base}/validate`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${h.server.token}`,
        'Content-Type': 'application/json',
        'Transfer-Encoding': 'chunked',
      },
      rawBody: big,
    });
    expect(streamed.status).toBe(413);
    expect(streamed.headers.connection).toBe('close');
    expect((await restCall(h, 'GET', '/workspaces')).status).toBe(200);
  });

  it('404 for an unknown route, workspace or record; another workspace is not found either', async () => {
    const unknown = await restCall(h, 'GET', '/nothing/here');
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown).code).toBe('UNKNOWN_ROUTE');
    expect((await restCall(h, 'GET', '/workspaces/nope/workflows')).status).toBe(404);
    expect(errorOf(await restCall(h, 'GET', `${base}/workflows/wf_missing`)).code).toBe('NOT_FOUND');
    expect((await restCall(h, 'GET', `${base}/runs/run_missing`)).status).toBe(404);
    const created = await create();
    const team = (await restCall(h, 'POST', '/workspaces', { name: 'Team' })).json as Workspace;
    const across = await restCall(h, 'GET', `/workspaces/${team.id}/workflows/${created.id}`);
    expect(across.status).toBe(404);
  });

  it('405 with Allow for a method the path does not take', async () => {
    const r = await restCall(h, 'DELETE', '/workspaces');
    expect(r.status).toBe(405);
    expect(r.headers.allow).toBe('GET, POST');
    expect(errorOf(r).code).toBe('METHOD_NOT_ALLOWED');
    expect((await restCall(h, 'POST', '/openapi.json')).status).toBe(405);
  });

  it('403 when the workspace policy denies a node type of the run', async () => {
    const created = await create();
    const conn = h.api.openConnection(() => undefined);
    await conn.call('workspaces.setPolicy', { workspaceId: h.ws, policy: { deniedNodeTypes: ['core.set'] } });
    conn.close();
    const r = await restCall(h, 'POST', `${base}/workflows/${created.id}/runs`, {});
    expect(r.status).toBe(403);
    expect(errorOf(r)).toMatchObject({ code: 'POLICY_DENIED', details: { nodeIds: ['greet'] } });
  });
});
