import type { Statement } from 'better-sqlite3';
import type { Db } from './connection.js';

// Preparing is the costly part of a query; each connection keeps its statements by SQL text. A WeakMap
// lets a closed, dropped connection take its statements with it.
const cache = new WeakMap<Db, Map<string, Statement>>();

/** The prepared statement for sql on db, prepared once per connection. */
export function stmt<P extends unknown[] | object = unknown[], R = unknown>(
  db: Db,
  sql: string,
): Statement<P, R> {
  let byText = cache.get(db);
  if (!byText) {
    byText = new Map();
    cache.set(db, byText);
  }
  let s = byText.get(sql);
  if (!s) {
    s = db.prepare(sql);
    byText.set(sql, s);
  }
  return s as unknown as Statement<P, R>;
}

/** Parses a JSON column written by this program; NULL reads as undefined. */
export function fromJson<T>(text: string | null | undefined): T | undefined {
  return text === null || text === undefined ? undefined : (JSON.parse(text) as T);
}

/** Serializes a JSON column; undefined is stored as NULL. */
export function toJson(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}
