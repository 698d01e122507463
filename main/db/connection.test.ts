import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseTooNewError } from '../errors.js';
import { BUSY_TIMEOUT_MS, immediate, migrate, openDatabase, type Db } from './connection.js';
import { migrations } from './migrations.js';
import { getRunNodes, writeRunNode } from './run-nodes.repo.js';
import { tempDir } from './testing/temp-store.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function fresh(): { file: string; open(): Db } {
  const { dir, remove } = tempDir('weft-conn-');
  const file = join(dir, 'weft.db');
  const opened: Db[] = [];
  cleanups.push(() => {
    for (const db of opened) if (db.open) db.close();
    remove();
  });
  return {
    file,
    open() {
      const db = openDatabase(file);
      opened.push(db);
      return db;
    },
  };
}

describe('openDatabase', () => {
  it('sets WAL, synchronous=FULL, foreign keys and the busy timeout', () => {
    const db = fresh().open();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
  });

  it('applies every migration and records their count in user_version', () => {
    const db = fresh().open();
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    const tables = db
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`)
      .all()
      .map((r) => (r as { name: string }).name);
    expect(tables).toEqual([
      'run_blobs',
      'run_nodes',
      'runs',
      'workflow_tags',
      'workflow_versions',
      'workflows',
      'workspaces',
    ]);
  });

  it('reopens an up-to-date database without re-running migrations', () => {
    const f = fresh();
    f.open().close();
    const db = f.open();
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
  });

  it('refuses a database made by a newer Weft, and leaves it untouched', () => {
    const f = fresh();
    const raw = new Database(f.file);
    raw.pragma(`user_version = ${migrations.length + 3}`);
    raw.close();
    expect(() => openDatabase(f.file)).toThrow(DatabaseTooNewError);
    try {
      openDatabase(f.file);
    } catch (e) {
      expect((e as DatabaseTooNewError).code).toBe('DATABASE_TOO_NEW');
      expect((e as Error).message).toMatch(
        new RegExp(`schema ${migrations.length + 3}.*knows up to ${migrations.length}`),
      );
    }
    const check = new Database(f.file);
    expect(check.pragma('user_version', { simple: true })).toBe(migrations.length + 3);
    expect(check.prepare(`SELECT count(*) AS n FROM sqlite_schema`).get()).toEqual({ n: 0 });
    check.close();
  });

  it('upgrades a schema-1 database: run nodes recorded before read as nodes that ran (not pinned)', () => {
    const f = fresh();
    const old = new Database(f.file);
    migrate(old, migrations.slice(0, 1));
    old.exec(`
      INSERT INTO workspaces VALUES ('w', 'W', '{}', 200, 0, 0);
      INSERT INTO workflows VALUES ('w', 'wf', 'n', '', 1, '{}', 0, 0);
      INSERT INTO runs (workspace_id, id, workflow_id, workflow_version, status, origin, started_at)
        VALUES ('w', 'r', 'wf', 1, 'succeeded', '{"kind":"run"}', 1);
      INSERT INTO run_nodes (workspace_id, run_id, node_id, node_type, status, attempts, outputs)
        VALUES ('w', 'r', 'n', 'core.set', 'succeeded', 1, '{"out":1}');
    `);
    old.close();

    const db = f.open();
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(getRunNodes(db, 'w', 'r')).toEqual([
      { nodeId: 'n', nodeType: 'core.set', status: 'succeeded', attempts: 1, outputs: { out: 1 }, outputsInBlob: false, pinned: false },
    ]);
    writeRunNode(db, 'w', 'r', 'n', { nodeType: 'core.set', status: 'succeeded', attempts: 0, pinned: true });
    expect(getRunNodes(db, 'w', 'r')[0]?.pinned).toBe(true);
  });

  it('applies pending migrations in one transaction: a failing one leaves none applied', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, ['CREATE TABLE a (x)', 'CREATE TABLE b (', 'CREATE TABLE c (x)'])).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_schema`).get()).toEqual({ n: 0 });
    migrate(db, ['CREATE TABLE a (x)']);
    migrate(db, ['CREATE TABLE a (x)', 'CREATE TABLE b (x)']);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.close();
  });
});

describe('immediate', () => {
  it('commits what fn wrote and returns its value', () => {
    const db = fresh().open();
    const n = immediate(
      db,
      () => db.prepare(`INSERT INTO workspaces VALUES ('w', 'W', '{}', 200, 0, 0)`).run().changes,
    );
    expect(n).toBe(1);
    expect(db.prepare(`SELECT id FROM workspaces`).all()).toEqual([{ id: 'w' }]);
  });

  it('rolls everything back when fn throws', () => {
    const db = fresh().open();
    expect(() =>
      immediate(db, () => {
        db.prepare(`INSERT INTO workspaces VALUES ('w', 'W', '{}', 200, 0, 0)`).run();
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(db.prepare(`SELECT count(*) AS n FROM workspaces`).get()).toEqual({ n: 0 });
  });

  it('takes the write lock at BEGIN, so a second writer waits instead of failing mid-transaction', () => {
    const f = fresh();
    const a = f.open();
    const b = f.open();
    b.pragma('busy_timeout = 0');
    a.exec('BEGIN IMMEDIATE');
    // With the lock held by a, b's IMMEDIATE begin fails at once (timeout 0) before reading anything.
    expect(() => immediate(b, () => 1)).toThrow(/busy|locked/i);
    a.exec('COMMIT');
    expect(immediate(b, () => 2)).toBe(2);
  });

  it('enforces foreign keys: a workflow needs its workspace', () => {
    const db = fresh().open();
    expect(() =>
      db.prepare(`INSERT INTO workflows VALUES ('nope', 'wf', 'n', '', 1, '{}', 0, 0)`).run(),
    ).toThrow(/FOREIGN KEY/);
  });
});
