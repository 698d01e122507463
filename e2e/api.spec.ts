// Browser mode's REST API (/api/v1): the token guards it, and a workflow created over it runs to the
// end with the record SPEC §3 describes.
import { test, expect } from './fixtures/test.js';
import { apiUrl } from './fixtures/rest.js';
import { workflowDocument } from './fixtures/workflows.js';

test.describe('the access token', () => {
  test('a call without it, or with a wrong one, is answered 401', async ({ request, server }) => {
    expect((await request.get(apiUrl(server, '/workspaces', false))).status()).toBe(401);
    expect((await request.get(apiUrl(server, '/workspaces', `${server.token}x`))).status()).toBe(401);
    const wrongBearer = await request.get(apiUrl(server, '/workspaces', false), {
      headers: { Authorization: `Bearer ${server.token}x` },
    });
    expect(wrongBearer.status()).toBe(401);
  });

  test('a call with it, as a query parameter or a bearer header, is answered', async ({ request, server, rest }) => {
    const viaQuery = await request.get(apiUrl(server, '/workspaces'));
    expect(viaQuery.status()).toBe(200);
    // WeftRest sends the token as `Authorization: Bearer`; the store starts with the Default workspace.
    const workspaces = await rest.listWorkspaces();
    expect(workspaces.map((w) => w.name)).toContain('Default');
  });
});

test.describe('runs', () => {
  test('a created workflow runs and is recorded as succeeded', async ({ rest, workspace }) => {
    const workflow = await rest.createWorkflow(workspace.id, workflowDocument('two-nodes'));
    expect(workflow.name).toBe('Two nodes');

    const { runId } = await rest.startRun(workspace.id, workflow.id);
    const run = await rest.waitForRun(workspace.id, runId);

    expect(run.status).toBe('succeeded');
    expect(run.outputs).toEqual({ greeting: { name: 'Ada' } });
    expect(run.nodes['start']?.status).toBe('succeeded');
    expect(run.nodes['result']?.status).toBe('succeeded');
  });

  test('a run input replaces the manual trigger payload', async ({ rest, workspace }) => {
    const workflow = await rest.createWorkflow(workspace.id, workflowDocument('two-nodes'));
    const { runId } = await rest.startRun(workspace.id, workflow.id, { name: 'Grace' });
    const run = await rest.waitForRun(workspace.id, runId);
    expect(run.status).toBe('succeeded');
    expect(run.outputs).toEqual({ greeting: { name: 'Grace' } });
  });

  test('a node that fails once is retried and the run succeeds', async ({ rest, workspace }) => {
    const workflow = await rest.createWorkflow(workspace.id, workflowDocument('retrying'));
    const { runId } = await rest.startRun(workspace.id, workflow.id);
    const run = await rest.waitForRun(workspace.id, runId);
    expect(run.status).toBe('succeeded');
    expect(run.nodes['flaky']).toMatchObject({ status: 'succeeded', attempts: 2 });
    expect(run.outputs).toEqual({ weather: { city: 'Lisbon', tries: 2 } });
  });

  test('a failing node fails the run and cancels what is downstream', async ({ rest, workspace }) => {
    const workflow = await rest.createWorkflow(workspace.id, workflowDocument('failing'));
    const { runId } = await rest.startRun(workspace.id, workflow.id);
    const run = await rest.waitForRun(workspace.id, runId);
    expect(run.status).toBe('failed');
    expect(run.nodes['boom']).toMatchObject({ status: 'failed', error: { message: 'deliberate failure' } });
    expect(run.nodes['result']?.status).toBe('cancelled');
  });

  test('a long run can be cancelled while it waits', async ({ rest, workspace }) => {
    const workflow = await rest.createWorkflow(workspace.id, workflowDocument('long-running'));
    const { runId } = await rest.startRun(workspace.id, workflow.id);
    await expect
      .poll(async () => (await rest.getRun(workspace.id, runId)).status, { message: 'the run should be going' })
      .toBe('running');

    expect(await rest.cancelRun(workspace.id, runId)).toEqual({ cancelled: true });
    // Well within the delay's 30 s: the delay honours cancellation.
    const run = await rest.waitForRun(workspace.id, runId, { timeoutMs: 10_000 });
    expect(run.status).toBe('cancelled');
    expect(run.nodes['result']?.status).toBe('cancelled');
  });

  test('another workspace cannot see the run', async ({ rest, socket, workspace }) => {
    const workflow = await rest.createWorkflow(workspace.id, workflowDocument('two-nodes'));
    const { runId } = await rest.startRun(workspace.id, workflow.id);
    await rest.waitForRun(workspace.id, runId);

    const other = await socket.call('workspaces.create', { name: `${workspace.name} (other)` });
    // SPEC §4: another workspace's record is "not found", exactly like one that does not exist.
    await expect(rest.getRun(other.id, runId)).rejects.toMatchObject({ status: 404, error: { code: 'NOT_FOUND' } });
  });
});
