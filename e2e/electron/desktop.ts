// What the desktop spec needs to start the app: the Electron binary (found without running
// require('electron'), which would try to download it), the built bundles, and the Electron build of
// better-sqlite3 that a development start loads (scripts/native-abi.mjs).
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The reason every desktop test is skipped with when there is no binary to drive. */
export const ELECTRON_MISSING = 'Electron binary not available';

export const checkout = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The Electron executable the `electron` package installed, or undefined. Reads what its index.js
 * reads (path.txt, ELECTRON_OVERRIDE_DIST_PATH) without loading it.
 */
export function electronBinary(root: string = checkout): string | undefined {
  const electronDir = join(root, 'node_modules', 'electron');
  let relative: string;
  try {
    relative = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim();
  } catch {
    return undefined;
  }
  if (relative === '') return undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? join(override, relative) : join(electronDir, 'dist', relative);
  try {
    accessSync(binary, constants.X_OK);
    return binary;
  } catch {
    return undefined;
  }
}

/** The Electron version the checkout installed. */
export function electronVersion(root: string = checkout): string {
  return (
    JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
}

/** What the app is started with: the checkout when package.json's main is the bundle, else the bundle. */
export function appEntry(root: string = checkout): string {
  const main = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main?: string }).main;
  return main === 'dist/electron/main.js' ? root : join(root, 'dist', 'electron', 'main.js');
}

const mainBundle = (root: string) => join(root, 'dist', 'electron', 'main.js');
const sqliteBuild = (root: string) =>
  join(
    root,
    'node_modules',
    '.cache',
    'weft-native',
    `electron-${electronVersion(root)}-${process.platform}-${process.arch}`,
    'better_sqlite3.node',
  );

/** Why the app cannot start from this checkout (something to build first), or undefined. */
export function missingBuild(root: string = checkout): string | undefined {
  if (!existsSync(mainBundle(root))) return 'dist/electron/main.js is missing: run npm run build:electron';
  if (!existsSync(join(root, 'dist', 'renderer', 'index.html')))
    return 'dist/renderer/index.html is missing: run npm run build';
  if (!existsSync(sqliteBuild(root))) return `${sqliteBuild(root)} is missing: run npm run rebuild:electron`;
  return undefined;
}

/**
 * Makes what `npm test` does not build by itself: the main and preload bundles, and the Electron build
 * of better-sqlite3 (once; it is cached). Answers what is still missing.
 */
export function prepareBuild(root: string = checkout): string | undefined {
  const node = (script: string, ...args: string[]) =>
    spawnSync(process.execPath, [join(root, 'scripts', script), ...args], {
      cwd: root,
      stdio: 'inherit',
      timeout: 20 * 60_000,
    });
  if (!existsSync(mainBundle(root))) node('build-electron.mjs');
  if (!existsSync(sqliteBuild(root))) node('native-abi.mjs', 'electron');
  return missingBuild(root);
}
