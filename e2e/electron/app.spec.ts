// The desktop app end to end (issue 6): launch the development build in Electron, build a two-node
// workflow on the canvas, run it, see it succeed, quit through the app's own shutdown. Skipped, with
// the reason, where the Electron binary is not installed (it cannot be downloaded everywhere).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { connectPorts, dropPaletteItem, expectNodeStatus, expectRunStatus } from '../fixtures/editor.js';
import { appEntry, electronBinary, ELECTRON_MISSING, prepareBuild } from './desktop.js';

const binary = electronBinary();
test.skip(binary === undefined, ELECTRON_MISSING);

let missing: string | undefined;
test.beforeAll(() => {
  // The first run may fetch or compile better-sqlite3 for Electron.
  test.setTimeout(20 * 60_000);
  missing = prepareBuild();
});

test('the desktop app builds and runs a two-node workflow, then quits cleanly', async () => {
  expect(missing, missing).toBeUndefined();
  test.setTimeout(120_000);

  const userData = mkdtempSync(join(tmpdir(), 'weft-desktop-e2e-'));
  try {
    const app = await electron.launch({
      executablePath: binary,
      // Chromium will not start as root with its sandbox (CI containers); the page stays sandboxed
      // in Electron's sense (no Node in the preload or the page) either way.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), appEntry()],
      env: { ...process.env, WEFT_USER_DATA_DIR: userData },
      timeout: 60_000,
    });
    const exited = new Promise<number | null>((resolve) =>
      app.process().once('exit', (code) => resolve(code)),
    );
    const page = await app.firstWindow();
    await expect(page.getByTestId('palette-search')).toBeVisible();
    expect(page.url()).toMatch(/^weft:\/\/app\//);

    // The page sees the bridge's two functions and no Node.
    const reach = await page.evaluate(() => {
      const scope = globalThis as unknown as Record<string, unknown>;
      return {
        bridge: Object.keys(scope.weft as object).sort(),
        require: typeof scope.require,
        process: typeof scope.process,
      };
    });
    expect(reach).toEqual({ bridge: ['invoke', 'onEvent'], require: 'undefined', process: 'undefined' });

    await page.getByTestId('new-workflow').click();
    const start = await dropPaletteItem(page, 'core.manual', { x: 160, y: 160 });
    const result = await dropPaletteItem(page, 'core.output', { x: 480, y: 160 });
    await connectPorts(page, { node: start, port: 'out' }, { node: result, port: 'in' });
    await page.getByTestId('save').click();
    await page.getByTestId('run').click();

    await expectRunStatus(page, 'succeeded', { timeout: 30_000 });
    await expectNodeStatus(page, start, 'succeeded');
    await expectNodeStatus(page, result, 'succeeded');

    // Quit as the menu does: the shutdown closes the database, which removes SQLite's WAL file.
    await app.evaluate(({ app: electronApp }) => electronApp.quit());
    expect(await exited).toBe(0);
    expect(existsSync(join(userData, 'weft.db'))).toBe(true);
    expect(existsSync(join(userData, 'weft.db-wal'))).toBe(false);
  } finally {
    rmSync(userData, { recursive: true, force: true });
  }
});
