import { copyFileSync, mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { electronSqliteBinary, preferElectronSqlite, NATIVE_CACHE } from './dev-native.js';

const requireHere = createRequire(import.meta.url);
const temp = mkdtempSync(join(tmpdir(), 'weft-native-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('electronSqliteBinary', () => {
  it('is keyed by Electron version, platform and CPU in the checkout’s cache', () => {
    expect(electronSqliteBinary('/repo', '45.5.0', 'linux', 'x64')).toBe(
      join('/repo', NATIVE_CACHE, 'electron-45.5.0-linux-x64', 'better_sqlite3.node'),
    );
  });
});

describe('preferElectronSqlite', () => {
  it('does nothing when the Electron build is missing, and says how to make it', () => {
    const outcome = preferElectronSqlite(requireHere, join(temp, 'nope', 'better_sqlite3.node'));
    expect(outcome).toMatchObject({
      use: 'checkout-build',
      reason: expect.stringContaining('npm run rebuild:electron'),
    });
  });

  it('makes better-sqlite3 load the given build in place of its own', async () => {
    // Stands in for an Electron build: a copy of the checkout's own addon at the cache's path.
    const packageDir = dirname(requireHere.resolve('better-sqlite3/package.json'));
    const own = join(packageDir, 'build', 'Release', 'better_sqlite3.node');
    const copy = join(temp, 'electron-test', 'better_sqlite3.node');
    mkdirSync(dirname(copy), { recursive: true });
    copyFileSync(own, copy);

    expect(preferElectronSqlite(requireHere, copy)).toEqual({ use: 'electron-build', binary: copy });
    const Database = requireHere('better-sqlite3') as new (file: string) => {
      prepare(sql: string): { get(): unknown };
      close(): void;
    };
    const db = new Database(':memory:');
    expect(db.prepare('select 1 as one').get()).toEqual({ one: 1 });
    db.close();
    // The addon better-sqlite3 got is the copy's module, registered under its own build's path.
    expect(requireHere.cache[realpathSync(own)]).toBe(requireHere.cache[realpathSync(copy)]);
  });
});
