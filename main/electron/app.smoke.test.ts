// The desktop entry (app.ts) cannot run without Electron, and no Electron binary can be downloaded
// where these tests run. So its real bundle is built (scripts/build-electron.mjs) and started in plain
// Node with a fake `electron` module (testing/fake-electron.mjs, swapped in by a resolve hook), and
// driven the way Electron would: this checks the wiring — the order of things before `ready`, the
// session's guards, the protocol, IPC served by the backend process (the real backend.js, started
// through the fake's utilityProcess), menu, drop import and the shutdown — not Electron itself, which
// the Playwright spec e2e/electron/app.spec.ts covers where a binary exists.
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiResponse, Workspace } from '../../preload/contract.js';
import { CONTENT_SECURITY_POLICY } from './csp.js';

const repo = join(import.meta.dirname, '..', '..');
const hooks = join(import.meta.dirname, 'testing', 'fake-electron-hooks.mjs');

let scratch: string;
let userData: string;
let child: ChildProcess;
let stderr = '';
const notices: Array<{ notice: string; value: unknown }> = [];
const replies = new Map<number, (reply: { value?: unknown; error?: string }) => void>();
let nextId = 1;
let exited: Promise<number | null>;

function send<T>(command: string, fields: Record<string, unknown> = {}): Promise<T> {
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    replies.set(id, (reply) =>
      reply.error === undefined ? resolve(reply.value as T) : reject(new Error(reply.error)),
    );
    child.send({ id, command, ...fields });
  });
}

function noticeOf(name: string): Promise<unknown> {
  return vi.waitFor(
    () => {
      const found = notices.find((n) => n.notice === name);
      if (found === undefined) throw new Error(`no ${name} notice yet; the app said: ${stderr}`);
      return found.value;
    },
    { timeout: 15_000, interval: 20 },
  );
}

interface UtilityFork {
  modulePath: string;
  serviceName: string;
  pid: number;
  alive: boolean;
}

function sentEvents(): unknown[] {
  return notices.filter((n) => n.notice === 'sent').map((n) => (n.value as { args: unknown[] }).args[0]);
}

beforeAll(async () => {
  // Inside the checkout, so that the bundle's packages resolve from its node_modules.
  mkdirSync(join(repo, 'node_modules', '.cache'), { recursive: true });
  scratch = mkdtempSync(join(repo, 'node_modules', '.cache', 'weft-app-smoke-'));
  const built = spawnSync(
    process.execPath,
    [join(repo, 'scripts', 'build-electron.mjs'), `--outdir=${join(scratch, 'dist', 'electron')}`],
    {
      encoding: 'utf8',
    },
  );
  expect(built.status, built.stderr).toBe(0);
  mkdirSync(join(scratch, 'dist', 'renderer'));
  writeFileSync(join(scratch, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Weft smoke</title>');
  cpSync(join(repo, 'plugins', 'examples'), join(scratch, 'plugins', 'examples'), { recursive: true });
  userData = join(scratch, 'user-data');

  child = fork(join(scratch, 'dist', 'electron', 'main.js'), [], {
    execArgv: ['--import', hooks],
    env: { ...process.env, WEFT_USER_DATA_DIR: userData },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.on('message', (message: { id?: number; notice?: string; value?: unknown; error?: string }) => {
    if (message.notice !== undefined) notices.push({ notice: message.notice, value: message.value });
    else if (message.id !== undefined) replies.get(message.id)?.(message);
  });
  exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  await noticeOf('window');
}, 60_000);

afterAll(async () => {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await exited;
  }
  rmSync(scratch, { recursive: true, force: true });
});

describe('the desktop entry, wired', () => {
  it('forces the sandbox, registers the scheme before ready and uses the given user-data folder', async () => {
    const state = await send<Record<string, unknown>>('state');
    expect(state.sandboxed).toBe(true);
    expect(state.privileged).toEqual([
      {
        scheme: 'weft',
        privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
      },
    ]);
    expect(state.userData).toBe(userData);
    expect(state.protocols).toEqual(['weft']);
    expect(state.handlers).toEqual(['weft:invoke']);
    expect(state.menu).toEqual(['&File', '&Edit', '&View', '&Run', '&Help']);
    expect(state.windowOpen).toEqual({ action: 'deny' });
  });

  it('makes one locked-down window with the bundled preload, loads the editor over weft:// and shows it', async () => {
    const window = (await noticeOf('window')) as { webPreferences: Record<string, unknown>; show: boolean };
    expect(window.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: join(scratch, 'dist', 'electron', 'preload.cjs'),
    });
    expect(existsSync(window.webPreferences.preload as string)).toBe(true);
    expect(window.show).toBe(false);
    expect(await noticeOf('loaded')).toBe('weft://app/index.html');
    expect((await send<Record<string, unknown>>('state')).windowVisible).toBe(true);
    expect(notices.filter((n) => n.notice === 'window')).toHaveLength(1);
  });

  it('serves the built editor with the CSP, and nothing outside it', async () => {
    const page = await send<{ status: number; csp: string; text: string }>('fetch', { url: 'weft://app/' });
    expect(page).toEqual({
      status: 200,
      csp: CONTENT_SECURITY_POLICY,
      text: expect.stringContaining('Weft smoke'),
    });
    expect(
      (await send<{ status: number }>('fetch', { url: 'weft://app/%2e%2e/%2e%2e/package.json' })).status,
    ).toBe(404);
  });

  it('answers the API to its window over IPC from the backend process, with plugins in a runner main started for it, and refuses a foreign frame', async () => {
    const listed = await send<ApiResponse>('invoke', { method: 'workspaces.list', input: {} });
    expect(listed.ok).toBe(true);
    const [workspace] = (listed as { result: Workspace[] }).result;
    const types = await send<ApiResponse>('invoke', {
      method: 'nodeTypes.list',
      input: { workspaceId: workspace?.id },
    });
    expect(JSON.stringify(types)).toContain('text.upper');
    // Main opened no database: the store, the API and runs are in the backend process, whose plugin
    // runner main started (a utility process cannot start one itself).
    const { utilityForks } = await send<{ utilityForks: UtilityFork[] }>('state');
    expect(utilityForks).toEqual([
      {
        modulePath: join(scratch, 'dist', 'electron', 'backend.js'),
        serviceName: 'Weft backend',
        pid: expect.any(Number),
        alive: true,
      },
      {
        modulePath: join(scratch, 'dist', 'electron', 'child.mjs'),
        serviceName: 'Weft plugin runner',
        pid: expect.any(Number),
        alive: true,
      },
    ]);

    const foreign = await send<ApiResponse>('invoke', {
      method: 'workspaces.list',
      input: {},
      frameUrl: 'https://evil.example/',
    });
    expect(foreign).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'this frame may not call Weft' },
    });
  });

  it('restarts the backend process when it dies, tells the window, and keeps answering', async () => {
    const before = (await send<{ utilityForks: UtilityFork[] }>('state')).utilityForks;
    const backend = before.find((f) => f.serviceName === 'Weft backend' && f.alive);
    process.kill(backend?.pid as number, 'SIGKILL');
    await expect
      .poll(() =>
        sentEvents()
          .filter((e) => (e as { type?: string }).type === 'backendStatus')
          .map((e) => (e as { status: string }).status),
      )
      .toEqual(['crashed', 'restarted']);
    const listed = await send<ApiResponse>('invoke', { method: 'workspaces.list', input: {} });
    expect(listed.ok).toBe(true);
    const after = (await send<{ utilityForks: UtilityFork[] }>('state')).utilityForks;
    // The dead backend's runner was ended by main; a new backend and its runner serve now.
    expect(after.filter((f) => f.alive).map((f) => f.serviceName)).toEqual([
      'Weft backend',
      'Weft plugin runner',
    ]);
    expect(after.find((f) => f.serviceName === 'Weft backend' && f.alive)?.pid).not.toBe(backend?.pid);
  });

  it('refuses permissions and remote requests, and warns about basic_text secrets', async () => {
    expect(await send('permission', { permission: 'media' })).toBe(false);
    expect(await send('request', { url: 'https://example.com/x.js' })).toEqual({ cancel: true });
    expect(await send('request', { url: 'weft://app/assets/a.js' })).toEqual({ cancel: false });
    expect(stderr).toContain('basic_text');
  });

  it('sends menu commands to the editor, and imports a dropped workflow file instead of navigating', async () => {
    await send('click', { item: 'save' });
    await expect.poll(() => sentEvents()).toContainEqual({ type: 'menuCommand', command: 'save' });

    const file = join(scratch, 'Dropped.weft.json');
    writeFileSync(file, '{"format":"weft.workflow"}');
    expect(await send('navigate', { url: `file://${file}` })).toBe(true);
    await expect
      .poll(() => sentEvents())
      .toContainEqual({
        type: 'menuCommand',
        command: 'importFile',
        fileName: 'Dropped.weft.json',
        text: '{"format":"weft.workflow"}',
      });
    expect(await send('navigate', { url: 'https://example.com/' })).toBe(true);
  });

  it('quits through the shutdown: the running run is cancelled and stored, the database closed, the window state saved', async () => {
    const [workspace] = (
      (await send<ApiResponse>('invoke', { method: 'workspaces.list', input: {} })) as { result: Workspace[] }
    ).result;
    const workspaceId = workspace?.id;
    const document = {
      format: 'weft.workflow',
      formatVersion: 1,
      name: 'Slow',
      nodes: [
        { id: 'start', type: 'core.manual' },
        { id: 'wait', type: 'core.delay', params: { ms: 60_000 } },
      ],
      edges: [{ id: 'e', source: 'start', sourcePort: 'out', target: 'wait', targetPort: 'in' }],
    };
    const created = (
      await send<{ result: { id: string } }>('invoke', {
        method: 'workflows.create',
        input: { workspaceId, document },
      })
    ).result;
    const started = await send<ApiResponse>('invoke', {
      method: 'runs.start',
      input: { workspaceId, workflowId: created.id },
    });
    expect(started.ok).toBe(true);

    await send('quit');
    expect(await exited).toBe(0);
    expect(stderr).toContain('cancelled 1 run(s) at shutdown');
    expect(existsSync(join(userData, 'weft.db'))).toBe(true);
    expect(existsSync(join(userData, 'weft.db-wal'))).toBe(false);
    expect(existsSync(join(userData, 'window-state.json'))).toBe(true);
  });
});
