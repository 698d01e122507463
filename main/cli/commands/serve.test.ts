// `weft serve` in process, with a fake io: its one stdout line, its options, its warning for a
// non-loopback address, and a clean stop on Ctrl-C.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeRenderer } from '../../web/testing.js';
import { createCliNodeResources, nodeResourcesContext } from '../registry.js';
import { createFakeIo, type FakeIo } from '../testing/fake-io.js';
import { runCli } from '../weft.js';
import { createServeCommand } from './serve.js';

const LINE = /^Weft listening on (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]{43}))\n$/;

let dataDir: string;
let renderer: ReturnType<typeof fakeRenderer>;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'weft-serve-cli-'));
  renderer = fakeRenderer();
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
  renderer.remove();
});

/** Starts the command; resolves once it printed its line (or ended), with its exit code to come. */
async function serve(args: string[], io: FakeIo = createFakeIo()) {
  const command = createServeCommand({ rendererDir: renderer.dir });
  const resources = createCliNodeResources();
  const code = command
    .run(args, { io, ...nodeResourcesContext(resources) })
    .finally(() => resources.dispose());
  let ended = false;
  void code.then(() => (ended = true));
  const deadline = Date.now() + 15_000;
  while (!io.stdout.text.includes('\n') && !ended && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 10));
  return { io, code };
}

describe('weft serve', () => {
  it('prints one line with the URL, serves with the token only, and stops cleanly on Ctrl-C', async () => {
    const sigterm = process.listenerCount('SIGTERM');
    const { io, code } = await serve([
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--plugins-dir',
      join(dataDir, 'none'),
    ]);
    const match = LINE.exec(io.stdout.text);
    expect(match, io.stdout.text + io.stderr.text).not.toBeNull();
    const [, url, port, token] = match ?? [];
    const page = await fetch(url ?? '');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Weft</title>');
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(401);
    const rest = await fetch(`http://127.0.0.1:${port}/api/v1/workspaces`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(await rest.json()).toEqual([expect.objectContaining({ name: 'Default' })]);

    io.interrupt();
    expect(await code).toBe(0);
    expect(io.stderr.text).toBe('weft serve: stopping\n');
    expect(io.interruptHandlers()).toBe(0);
    expect(process.listenerCount('SIGTERM')).toBe(sigterm);
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  });

  it('ends at once on a second Ctrl-C while stopping', async () => {
    const { io, code } = await serve(['--data-dir', dataDir]);
    io.interrupt();
    io.interrupt();
    expect(io.exits).toEqual([130]);
    expect(await code).toBe(0);
  });

  it('warns that the token is the only protection off the loopback address', async () => {
    const { io, code } = await serve(['--host', '0.0.0.0', '--data-dir', dataDir]);
    expect(io.stderr.text).toContain('weft serve: warning: listening on 0.0.0.0');
    expect(io.stderr.text).toContain('the only protection');
    expect(io.stdout.text).toMatch(LINE);
    io.interrupt();
    expect(await code).toBe(0);
  });

  it('refuses a bad port as usage, and a port in use with a message', async () => {
    for (const port of ['abc', '-1', '65536', '1.5']) {
      const io = createFakeIo();
      const resources = createCliNodeResources();
      const exit = await runCli(['serve', `--port=${port}`, '--data-dir', dataDir], {
        io,
        ...nodeResourcesContext(resources),
      });
      expect(exit, port).toBe(2);
      expect(io.stderr.text).toContain('--port needs a port number');
      expect(io.stdout.text).toBe('');
    }
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const { io, code } = await serve(['--port', String(port), '--data-dir', dataDir]);
      expect(await code).toBe(2);
      expect(io.stderr.text).toBe(`weft serve: cannot listen on 127.0.0.1:${port}: the port is in use\n`);
      expect(io.stdout.text).toBe('');
    } finally {
      taken.close();
    }
  });

  it('prints its help', async () => {
    const io = createFakeIo();
    const resources = createCliNodeResources();
    expect(await runCli(['help', 'serve'], { io, ...nodeResourcesContext(resources) })).toBe(0);
    expect(io.stdout.text).toContain('Weft listening on http://127.0.0.1:PORT/?token=TOKEN');
    expect(io.stdout.text).toContain('Authorization: Bearer TOKEN');
  });
});
