import type { Db } from './connection.js';
import { stmt } from './statements.js';

/** A workspace row. `policy` is the stored JSON text. */
export interface WorkspaceRow {
  id: string;
  name: string;
  policy: string;
  runRetention: number;
  createdAt: number;
  updatedAt: number;
}

const COLUMNS = `id, name, policy, run_retention AS runRetention, created_at AS createdAt, updated_at AS updatedAt`;

export function insertWorkspace(db: Db, row: { id: string; name: string; at: number }): void {
  stmt(
    db,
    `INSERT INTO workspaces (id, name, policy, run_retention, created_at, updated_at) VALUES (?, ?, '{}', 200, ?, ?)`,
  ).run(row.id, row.name, row.at, row.at);
}

export function getWorkspace(db: Db, id: string): WorkspaceRow | undefined {
  return stmt<[string], WorkspaceRow>(db, `SELECT ${COLUMNS} FROM workspaces WHERE id = ?`).get(id);
}

/** Looks a workspace up by name, ignoring case (names are unique that way). */
export function getWorkspaceByName(db: Db, name: string): WorkspaceRow | undefined {
  return stmt<[string], WorkspaceRow>(db, `SELECT ${COLUMNS} FROM workspaces WHERE name = ?`).get(name);
}

export function listWorkspaces(db: Db): WorkspaceRow[] {
  return stmt<[], WorkspaceRow>(
    db,
    `SELECT ${COLUMNS} FROM workspaces ORDER BY name COLLATE NOCASE, id`,
  ).all();
}

/** Each update returns whether a row matched, so the caller can answer "not found". */
export function renameWorkspace(db: Db, id: string, name: string, at: number): boolean {
  return (
    stmt(db, `UPDATE workspaces SET name = ?, updated_at = ? WHERE id = ?`).run(name, at, id).changes > 0
  );
}

export function setWorkspacePolicy(db: Db, id: string, policy: string, at: number): boolean {
  return (
    stmt(db, `UPDATE workspaces SET policy = ?, updated_at = ? WHERE id = ?`).run(policy, at, id).changes > 0
  );
}

export function setWorkspaceRunRetention(db: Db, id: string, keep: number, at: number): boolean {
  return (
    stmt(db, `UPDATE workspaces SET run_retention = ?, updated_at = ? WHERE id = ?`).run(keep, at, id)
      .changes > 0
  );
}

/** Deletes a workspace; its workflows, versions, tags, runs and blobs go with it by cascade. */
export function deleteWorkspace(db: Db, id: string): boolean {
  return stmt(db, `DELETE FROM workspaces WHERE id = ?`).run(id).changes > 0;
}
