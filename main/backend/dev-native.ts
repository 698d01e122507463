// better-sqlite3 for Electron in development. A checkout's node_modules/better-sqlite3 is built for
// Node, because `npm test` runs there; Electron has its own ABI and cannot load that build. Rather than
// rebuilding the one copy back and forth, `npm run rebuild:electron` (scripts/native-abi.mjs) keeps an
// Electron build beside it, in node_modules/.cache/weft-native/, and a development start loads that one
// in its place: it is loaded first and registered in the CommonJS module cache under the path
// better-sqlite3 loads its addon from, so both builds work from one checkout at the same time. Packaged
// apps never do this: electron-builder ships a build made for Electron.
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The cache folder, relative to the checkout (scripts/native-abi.mjs writes the same path). */
export const NATIVE_CACHE = join('node_modules', '.cache', 'weft-native');

/** Where the Electron build of better-sqlite3 for this Electron version, platform and CPU lives. */
export function electronSqliteBinary(
  checkout: string,
  electronVersion: string,
  platform: string,
  arch: string,
): string {
  return join(
    checkout,
    NATIVE_CACHE,
    `electron-${electronVersion}-${platform}-${arch}`,
    'better_sqlite3.node',
  );
}

/** The part of Node's `require` used here. */
export interface ModuleRequire {
  (id: string): unknown;
  resolve(id: string): string;
  readonly cache: Record<string, unknown>;
}

export type DevSqliteOutcome =
  { use: 'electron-build'; binary: string } | { use: 'checkout-build'; reason: string };

/**
 * Makes better-sqlite3 load `binary` (an Electron build) instead of its own build/Release addon. Call
 * before the first database is opened. When the Electron build is missing, nothing changes, and the
 * outcome says why (the database will then fail to open unless the checkout's build is Electron's).
 */
export function preferElectronSqlite(req: ModuleRequire, binary: string): DevSqliteOutcome {
  if (!existsSync(binary))
    return { use: 'checkout-build', reason: `${binary} is missing: run npm run rebuild:electron` };
  const packageDir = dirname(req.resolve('better-sqlite3/package.json'));
  const defaultAddon = join(packageDir, 'build', 'Release', 'better_sqlite3.node');
  // The module cache is keyed by real path; without a file there, `bindings` would never ask for the key.
  if (!existsSync(defaultAddon))
    return { use: 'checkout-build', reason: `${defaultAddon} is missing: run npm install` };
  req(binary);
  req.cache[realpathSync(defaultAddon)] = req.cache[realpathSync(binary)];
  return { use: 'electron-build', binary };
}
