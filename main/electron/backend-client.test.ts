// The backend process, end to end in plain Node: the real bundle (scripts/build-electron.mjs builds
// backend.js and copies the runner scripts) started through a stand-in for Electron's utilityProcess
// (fake-utility-process.ts: a forked Node child given an Electron-like process.parentPort), driven by
// the client main uses. Plugin runners are started by this process (main's role) at the backend's
// request. What the stand-in cannot show (Electron's own process model, asar) needs an Electron binary.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRegistry } from '../../engine/index.js';
import type { ApiResponse, RunDetail, Workspace } from '../../preload/contract.js';
import { isBackendStatusEvent } from '../../preload/contract/backend-status.js';
import { coreNodeTypes } from '../../plugins/core/index.js';
import {
  fakeUtilityProcess,
  type FakeUtilityProcess,
} from '../plugins/runner/testing/fake-utility-process.js';
import { openStore } from '../services/store.js';
import {
  startBackendClient,
  type BackendClient,
  type BackendClientOptions,
  type WindowEvent,
} from './backend-client.js';

const repo = join(import.meta.dirname, '..', '..');
const EXAMPLES = join(repo, 'plugins', 'examples');

let bundle: string;
const dirs: string[] = [];
const clients: BackendClient[] = [];

beforeAll(() => {
  // Inside the checkout, so that the bundle's packages resolve from its node_modules.
  mkdirSync(join(repo, 'node_modules', '.cache'), { recursive: true });
  bundle = mkdtempSync(join(repo, 'node_modules', '.cache', 'weft-backend-'));
  const built = spawnSync(
    process.execPath,
    [join(repo, 'scripts', 'build-electron.mjs'), `--outdir=${bundle}`],
    {
      encoding: 'utf8',
    },
  );
  expect(built.status, built.stderr).toBe(0);
}, 60_000);

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.shutdown()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

afterAll(() => rmSync(bundle, { recursive: true, force: true }));

function userDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'weft-backend-data-'));
  dirs.push(dir);
  return dir;
}

function start(overrides: Partial<BackendClientOptions> = {}) {
  const electron: FakeUtilityProcess = fakeUtilityProcess();
  const userData = overrides.config?.userDataDir ?? userDataDir();
  const log: string[] = [];
  const client = startBackendClient({
    utilityProcess: electron,
    backendScript: join(bundle, 'backend.js'),
    runnerScript: join(bundle, 'child.mjs'),
    config: { userDataDir: userData, bundledPluginsDir: EXAMPLES, runsTimeoutMs: 10_000 },
    log: (message) => log.push(message),
    ...overrides,
  });
  clients.push(client);
  return { client, electron, userData, log };
}

function window(client: BackendClient) {
  const events: WindowEvent[] = [];
  const connection = client.openConnection((event) => events.push(event));
  return { connection, events };
}

async function ok<T>(response: Promise<ApiResponse>): Promise<T> {
  const r = await response;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.result as T;
}

type Call = (method: string, input: unknown) => Promise<ApiResponse>;

async function defaultWorkspace(call: Call): Promise<string> {
  const [workspace] = await ok<Workspace[]>(call('workspaces.list', {}));
  return workspace?.id as string;
}

async function createWorkflow(
  call: Call,
  workspaceId: string,
  second: Record<string, unknown>,
): Promise<string> {
  const document = {
    format: 'weft.workflow',
    formatVersion: 1,
    name: 'Two nodes',
    nodes: [
      { id: 'start', type: 'core.manual', params: { payload: 'ada' } },
      { id: 'next', ...second },
    ],
    edges: [{ id: 'e', source: 'start', sourcePort: 'out', target: 'next', targetPort: 'in' }],
  };
  return (await ok<{ id: string }>(call('workflows.create', { workspaceId, document }))).id;
}

function alive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the backend process', () => {
  it('serves the API from its own process, and runs a two-node workflow with a plugin node in a runner main started', async () => {
    const { client, electron } = start();
    const { connection, events } = window(client);
    const call: Call = (method, input) => connection.call(method, input);
    await client.ready;
    expect(client.pid).toBeTypeOf('number');
    expect(client.pid).not.toBe(process.pid);

    const workspaceId = await defaultWorkspace(call);
    const workflowId = await createWorkflow(call, workspaceId, { type: 'text.upper' });
    const { runId } = await ok<{ runId: string }>(call('runs.start', { workspaceId, workflowId }));
    await ok(call('runs.subscribe', { workspaceId, runId }));
    await expect
      .poll(async () => (await ok<RunDetail>(call('runs.get', { workspaceId, runId }))).status, {
        timeout: 10_000,
      })
      .toBe('succeeded');
    const run = await ok<RunDetail>(call('runs.get', { workspaceId, runId }));
    expect(run.nodes.next?.outputs).toEqual({ out: 'ADA' });

    // Its snapshot crossed both processes (the run may have ended before the subscription: then the
    // snapshot is all there is; the next test sees events arrive as a run goes).
    expect(events.find((e) => 'runId' in e && e.runId === runId)).toMatchObject({
      type: 'runSnapshot',
      runId,
    });
    // The backend and the workspace's runner are both utility processes started by "main" (this process).
    expect(electron.forks.map((f) => [f.modulePath, f.options?.serviceName])).toEqual([
      [join(bundle, 'backend.js'), 'Weft backend'],
      [join(bundle, 'child.mjs'), 'Weft plugin runner'],
    ]);
    expect(electron.forks[1]?.options?.execArgv).toEqual(['--max-old-space-size=256']);
    // The backend has the app's environment (it runs Weft's code); a runner has nothing of it.
    expect(electron.forks[0]?.options?.env?.PATH).toBe(process.env.PATH);
    expect(electron.forks[1]?.options?.env).toEqual({ NODE_ENV: expect.any(String) });
  });

  it('keeps two windows’ connections apart: run events go to the one that subscribed', async () => {
    const { client } = start();
    const a = window(client);
    const b = window(client);
    const callA: Call = (method, input) => a.connection.call(method, input);
    const workspaceId = await defaultWorkspace(callA);
    // Long enough for the subscription to come first, so events follow the snapshot.
    const workflowId = await createWorkflow(callA, workspaceId, {
      type: 'core.delay',
      params: { ms: 1_000 },
    });
    await ok(b.connection.call('workspaces.list', {}));
    const { runId } = await ok<{ runId: string }>(callA('runs.start', { workspaceId, workflowId }));
    await ok(callA('runs.subscribe', { workspaceId, runId }));
    await expect
      .poll(async () => (await ok<RunDetail>(callA('runs.get', { workspaceId, runId }))).status, {
        timeout: 10_000,
      })
      .toBe('succeeded');
    const types = a.events.filter((e) => 'runId' in e && e.runId === runId).map((e) => e.type);
    expect(types[0]).toBe('runSnapshot');
    expect(types).toContain('runEvent');
    expect(b.events).toEqual([]);

    a.connection.close();
    expect(await a.connection.call('workspaces.list', {})).toMatchObject({
      ok: false,
      error: { code: 'CLOSED' },
    });
    await ok(b.connection.call('workspaces.list', {}));
  });

  it('fails a call the crashed process had not answered, tells the windows, and serves the next call from a new process', async () => {
    const { client, electron, log } = start();
    const { connection, events } = window(client);
    const workspaceId = await defaultWorkspace((m, i) => connection.call(m, i));
    // Loads the workspace's plugins: a runner is running for this backend.
    await ok(connection.call('nodeTypes.list', { workspaceId }));
    const first = client.pid as number;
    const runner = electron.forks[1]?.child.pid;
    expect(alive(runner)).toBe(true);

    // Frozen, the process cannot answer; killed, it never will.
    process.kill(first, 'SIGSTOP');
    const waiting = connection.call('workspaces.list', {});
    await new Promise((resolve) => setTimeout(resolve, 100));
    process.kill(first, 'SIGKILL');
    expect(await waiting).toEqual({
      ok: false,
      error: { code: 'BACKEND_CRASHED', message: expect.stringContaining('Try again') },
    });
    expect(events.filter(isBackendStatusEvent).map((e) => e.status)).toEqual(['crashed']);

    expect(await defaultWorkspace((m, i) => connection.call(m, i))).toBe(workspaceId);
    expect(client.pid).not.toBe(first);
    await expect
      .poll(() => events.filter(isBackendStatusEvent).map((e) => e.status))
      .toEqual(['crashed', 'restarted']);
    // The dead backend's runner went with it, and the new backend gets its own.
    await expect.poll(() => alive(runner)).toBe(false);
    await ok(connection.call('nodeTypes.list', { workspaceId }));
    expect(electron.forks.map((f) => f.options?.serviceName)).toEqual([
      'Weft backend',
      'Weft plugin runner',
      'Weft backend',
      'Weft plugin runner',
    ]);
    expect(log.join('\n')).toContain('the backend process ended unexpectedly');
  });

  it('stops restarting after too many crashes: calls answer BACKEND_UNAVAILABLE', async () => {
    const { client, electron } = start({ maxRestarts: 1 });
    const { connection, events } = window(client);
    await ok(connection.call('workspaces.list', {}));
    process.kill(client.pid as number, 'SIGKILL');
    await expect
      .poll(() => events.filter(isBackendStatusEvent).map((e) => e.status))
      .toEqual(['crashed', 'restarted']);
    process.kill(client.pid as number, 'SIGKILL');
    await expect
      .poll(() => events.filter(isBackendStatusEvent).map((e) => e.status))
      .toEqual(['crashed', 'restarted', 'crashed', 'unavailable']);
    expect(await connection.call('workspaces.list', {})).toMatchObject({
      ok: false,
      error: { code: 'BACKEND_UNAVAILABLE' },
    });
    expect(electron.forks.filter((f) => f.options?.serviceName === 'Weft backend')).toHaveLength(2);
  });

  it('answers INVALID_INPUT for input JSON cannot carry, without sending it', async () => {
    const { client } = start();
    const { connection } = window(client);
    expect(await connection.call('workspaces.list', { n: 1n })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    await ok(connection.call('workspaces.list', {}));
  });

  it('shuts down cleanly: runs cancelled and recorded, runners stopped, the database closed, exit 0', async () => {
    const { client, electron, userData, log } = start();
    const { connection } = window(client);
    const call: Call = (method, input) => connection.call(method, input);
    const workspaceId = await defaultWorkspace(call);
    await ok(call('nodeTypes.list', { workspaceId }));
    const workflowId = await createWorkflow(call, workspaceId, {
      type: 'core.delay',
      params: { ms: 60_000 },
    });
    const { runId } = await ok<{ runId: string }>(call('runs.start', { workspaceId, workflowId }));
    const runner = electron.forks[1]?.child.pid;

    const [exit, again] = await Promise.all([client.shutdown(), client.shutdown()]);
    expect(exit).toEqual({ code: 0, detail: '', stopped: true });
    expect(again).toBe(exit);
    expect(log.join('\n')).toContain('cancelled 1 run(s) at shutdown');
    expect(alive(runner)).toBe(false);
    expect(await call('workspaces.list', {})).toMatchObject({ ok: false, error: { code: 'CLOSED' } });

    // Nothing is left open or locked: no WAL, and the database opens again with the run recorded.
    expect(existsSync(join(userData, 'weft.db-wal'))).toBe(false);
    const reopened = openStore({ dataDir: userData, registry: createRegistry(coreNodeTypes) });
    try {
      expect(reopened.interruptedRuns).toBe(0);
      const row = reopened.db.prepare('select status from runs where id = ?').get(runId) as {
        status: string;
      };
      expect(row.status).toBe('cancelled');
    } finally {
      reopened.close();
    }
  });

  it('does not start, and does not retry, on a database from a newer Weft', async () => {
    const userData = userDataDir();
    const db = new Database(join(userData, 'weft.db'));
    db.pragma('user_version = 9999');
    db.close();
    const { client, electron } = start({ config: { userDataDir: userData } });
    await expect(client.ready).rejects.toMatchObject({
      code: 'DATABASE_TOO_NEW',
      message: expect.stringContaining('newer Weft'),
    });
    const { connection } = window(client);
    expect(await connection.call('workspaces.list', {})).toMatchObject({
      ok: false,
      error: { code: 'BACKEND_UNAVAILABLE' },
    });
    expect(electron.forks).toHaveLength(1);
  });
});
