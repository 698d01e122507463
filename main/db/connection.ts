import Database from 'better-sqlite3';
import { DatabaseTooNewError } from '../errors.js';
import { migrations } from './migrations.js';

/** An open Weft database. */
export type Db = Database.Database;

/** How long a writer waits for another connection's lock before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (creating if needed) a Weft database: WAL so readers never block the writer, synchronous=FULL
 * so a commit that returned survives power loss, foreign keys on (SQLite's default is off, and the
 * cascades depend on them), a busy timeout; then applies pending migrations. A database from a newer
 * Weft is closed and refused rather than misread.
 */
export function openDatabase(file: string): Db {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    migrate(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/**
 * Runs fn in a `BEGIN IMMEDIATE` transaction: the write lock is taken up front, so a read-then-write
 * waits for the busy timeout instead of failing with SQLITE_BUSY on its first write. Inside another
 * transaction it becomes a savepoint. Returns after the commit returned.
 */
export function immediate<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}

function userVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies every pending migration in one IMMEDIATE transaction, so a schema is never half-made. */
export function migrate(db: Db, list: readonly string[] = migrations): void {
  immediate(db, () => {
    // Read inside the transaction: another process may have migrated meanwhile.
    const applied = userVersion(db);
    if (applied > list.length) throw new DatabaseTooNewError(applied, list.length);
    for (let i = applied; i < list.length; i++) db.exec(list[i]!);
    if (applied !== list.length) db.pragma(`user_version = ${list.length}`);
  });
}
