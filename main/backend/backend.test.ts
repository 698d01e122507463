// The desktop backend in plain Node: the same store, plugins and API as the app, over a temporary
// user-data folder, with plugin runners as child processes instead of utility processes.
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  ApiEvent,
  ApiResponse,
  NodeTypeDescriptor,
  RunDetail,
  Workspace,
} from '../../preload/contract.js';
import { DatabaseTooNewError } from '../errors.js';
import { openStore } from '../services/store.js';
import { createRegistry } from '../../engine/index.js';
import { coreNodeTypes } from '../../plugins/core/index.js';
import { openBackend, type Backend } from './backend.js';

const EXAMPLES = join(import.meta.dirname, '../../plugins/examples');

const dirs: string[] = [];
const backends: Backend[] = [];
afterEach(async () => {
  await Promise.all(backends.splice(0).map((b) => b.shutdown()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function open(): { backend: Backend; userData: string; log: string[] } {
  const userData = mkdtempSync(join(tmpdir(), 'weft-desktop-'));
  dirs.push(userData);
  const log: string[] = [];
  const backend = openBackend({
    userDataDir: userData,
    bundledPluginsDir: EXAMPLES,
    log: (m) => log.push(m),
    runsTimeoutMs: 10_000,
  });
  backends.push(backend);
  return { backend, userData, log };
}

async function ok<T>(response: Promise<ApiResponse>): Promise<T> {
  const r = await response;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.result as T;
}

function document(nodes: Array<Record<string, unknown>>): Record<string, unknown> {
  const edges = nodes.slice(1).map((node, i) => ({
    id: `e${i}`,
    source: nodes[i]?.id,
    sourcePort: 'out',
    target: node.id,
    targetPort: 'in',
  }));
  return { format: 'weft.workflow', formatVersion: 1, name: 'Desktop', nodes, edges };
}

describe('the desktop backend', () => {
  it('keeps the database and a seeded plugins folder in the user-data folder', () => {
    const { backend, userData, log } = open();
    expect(backend.dataDir).toBe(userData);
    expect(backend.pluginsDir).toBe(join(userData, 'plugins'));
    expect(existsSync(join(userData, 'weft.db'))).toBe(true);
    expect(existsSync(join(userData, 'plugins', 'weft-plugin-text', 'package.json'))).toBe(true);
    expect(log.join('\n')).toContain('weft-plugin-text');
  });

  it('answers the API over a window connection: the workspace’s plugins are loaded and a two-node workflow runs', async () => {
    const { backend } = open();
    const events: ApiEvent[] = [];
    const connection = backend.openConnection((event) => events.push(event));
    const [workspace] = await ok<Workspace[]>(connection.call('workspaces.list', {}));
    const workspaceId = workspace?.id as string;

    const types = await ok<NodeTypeDescriptor[]>(connection.call('nodeTypes.list', { workspaceId }));
    expect(types.map((t) => t.type)).toEqual(
      expect.arrayContaining(['core.manual', 'core.output', 'text.upper']),
    );

    const created = await ok<{ id: string }>(
      connection.call('workflows.create', {
        workspaceId,
        document: document([
          { id: 'start', type: 'core.manual', params: { payload: { name: 'Ada' } } },
          { id: 'result', type: 'core.output', params: { name: 'greeting' } },
        ]),
      }),
    );
    const { runId } = await ok<{ runId: string }>(
      connection.call('runs.start', { workspaceId, workflowId: created.id }),
    );
    await ok(connection.call('runs.subscribe', { workspaceId, runId }));
    await expect
      .poll(async () => (await ok<RunDetail>(connection.call('runs.get', { workspaceId, runId }))).status, {
        timeout: 10_000,
      })
      .toBe('succeeded');
    const run = await ok<RunDetail>(connection.call('runs.get', { workspaceId, runId }));
    expect(run.outputs).toEqual({ greeting: { name: 'Ada' } });
    expect(events.length).toBeGreaterThan(0);
  });

  it('cancels running runs, records them and closes the database at shutdown, once', async () => {
    const { backend, userData, log } = open();
    const connection = backend.openConnection(() => {});
    const [workspace] = await ok<Workspace[]>(connection.call('workspaces.list', {}));
    const workspaceId = workspace?.id as string;
    const created = await ok<{ id: string }>(
      connection.call('workflows.create', {
        workspaceId,
        document: document([
          { id: 'start', type: 'core.manual' },
          { id: 'wait', type: 'core.delay', params: { ms: 60_000 } },
        ]),
      }),
    );
    const { runId } = await ok<{ runId: string }>(
      connection.call('runs.start', { workspaceId, workflowId: created.id }),
    );

    await Promise.all([backend.shutdown(), backend.shutdown()]);
    expect(log.join('\n')).toContain('cancelled 1 run(s)');
    expect(backend.store.db.open).toBe(false);
    expect(await connection.call('workspaces.list', {})).toMatchObject({
      ok: false,
      error: { code: 'CLOSED' },
    });

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

  it('refuses a database from a newer Weft, leaving nothing open', () => {
    const userData = mkdtempSync(join(tmpdir(), 'weft-desktop-'));
    dirs.push(userData);
    const db = new Database(join(userData, 'weft.db'));
    db.pragma('user_version = 9999');
    db.close();
    expect(() => openBackend({ userDataDir: userData, log: () => {} })).toThrow(DatabaseTooNewError);
  });
});
