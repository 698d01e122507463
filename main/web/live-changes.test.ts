// Browser mode: a change made over REST (a script) or on another socket (another tab) reaches the sockets
// watching that workspace, as `{ event }` frames, and never a socket watching another workspace.
import { afterEach, describe, expect, it } from 'vitest';
import type { RunStarted, WorkflowDetail, Workspace, WorkspaceChangedEvent } from '../../preload/contract.js';
import { sampleDoc } from '../db/testing/temp-store.js';
import { openSocket, restCall, webHarness, type TestSocket, type WebHarness } from './testing.js';

let h: WebHarness | undefined;
const sockets: TestSocket[] = [];
afterEach(async () => {
  await Promise.all(sockets.splice(0).map((s) => s.close()));
  await h?.dispose();
  h = undefined;
});

async function socketWatching(harness: WebHarness, workspaceId: string): Promise<TestSocket> {
  const s = await openSocket(harness.server.port, { token: harness.server.token });
  sockets.push(s);
  expect(await s.call('workspaces.watch', { workspaceId })).toEqual({ ok: true, result: null });
  return s;
}

const changes = (s: TestSocket) => s.events.filter((e): e is WorkspaceChangedEvent => e.type === 'workspaceChanged');

describe('live workspace changes', () => {
  it('tells the sockets watching a workspace of a workflow made over REST, and no other socket', async () => {
    h = await webHarness();
    const other = await socketWatching(h, h.ws);
    const made = (await other.call('workspaces.create', { name: 'Team' })) as { result: Workspace };
    const team = made.result.id;
    const watching = await socketWatching(h, team);
    const tab = await socketWatching(h, team);

    const created = await restCall(h, 'POST', `/workspaces/${team}/workflows`, sampleDoc({ name: 'From a script' }));
    expect(created.status).toBe(201);
    const { id } = created.json as WorkflowDetail;
    const expected = { type: 'workspaceChanged', workspaceId: team, what: 'workflows', workflowId: id };
    await watching.until((events) => events.length > 0);
    await tab.until((events) => events.length > 0);
    expect(changes(watching)).toEqual([expected]);
    expect(changes(tab)).toEqual([expected]);

    // A run started over REST: its start and its end.
    const run = await restCall(h, 'POST', `/workspaces/${team}/workflows/${id}/runs`, {});
    const { runId } = run.json as RunStarted;
    await watching.until((events) => events.filter((e) => e.type === 'workspaceChanged' && e.what === 'runs').length >= 2);
    expect(changes(watching).at(-1)).toEqual({ type: 'workspaceChanged', workspaceId: team, what: 'runs', workflowId: id, runId });

    // The socket watching the Default workspace heard nothing of Team's.
    expect(changes(other)).toEqual([]);
  });
});
