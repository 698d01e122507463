// One backend process's time limits, with a script that never speaks the protocol (the echo utility) in
// place of the backend: a start that never answers, and a stop that never comes. The real backend's
// start, calls, crash and clean stop are in backend-client.test.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeUtilityProcess } from '../plugins/runner/testing/fake-utility-process.js';
import { launchBackend, type BackendProcess } from './backend-launch.js';

const echo = fileURLToPath(new URL('./testing/echo-utility.mjs', import.meta.url));
const launched: BackendProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const backend of launched.splice(0)) backend.kill();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function launch(startTimeoutMs: number) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'weft-launch-'));
  dirs.push(userDataDir);
  const log: string[] = [];
  const backend = launchBackend(
    {
      utilityProcess: fakeUtilityProcess(),
      backendScript: echo,
      runnerScript: echo,
      config: { userDataDir },
      log: (message) => log.push(message),
      startTimeoutMs,
    },
    () => undefined,
  );
  launched.push(backend);
  return { backend, log };
}

describe('a backend process’s time limits', () => {
  it('ends a process that does not answer start in time; calls meanwhile answer BACKEND_CRASHED', async () => {
    const { backend, log } = launch(300);
    const call = backend.call(1, 'workspaces.list', {});
    await expect(backend.ready).rejects.toMatchObject({ code: 'BACKEND_START_FAILED' });
    expect(await call).toMatchObject({ ok: false, error: { code: 'BACKEND_CRASHED' } });
    expect(backend.served).toBe(false);
    expect(log.join('\n')).toContain('did not start within 300 ms');
    // What it sent is not the protocol: logged, not acted on.
    expect(log.join('\n')).toContain('ignored a message from the backend process (echo:');
  });

  it('kills a process that does not stop in time, and answers its waiting calls CLOSED', async () => {
    const { backend, log } = launch(60_000);
    const call = backend.call(1, 'workspaces.list', {});
    const exit = await backend.stop(200);
    expect(exit).toMatchObject({ stopped: false });
    expect(backend.ended).toBe(true);
    expect(await call).toMatchObject({ ok: false, error: { code: 'CLOSED' } });
    expect(log.join('\n')).toContain('did not stop within 200 ms');
    expect(await backend.stop(200)).toBe(exit);
  });
});
