import type { Db } from './connection.js';
import { stmt } from './statements.js';

/** A workflow row without its document (what lists show). */
export interface WorkflowSummaryRow {
  id: string;
  name: string;
  description: string;
  version: number;
  createdAt: number;
  updatedAt: number;
}

export interface WorkflowRow extends WorkflowSummaryRow {
  document: string;
}

const SUMMARY = `id, name, description, version, created_at AS createdAt, updated_at AS updatedAt`;

export function insertWorkflow(
  db: Db,
  workspaceId: string,
  row: { id: string; name: string; description: string; version: number; document: string; at: number },
): void {
  stmt(
    db,
    `INSERT INTO workflows (workspace_id, id, name, description, version, document, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(workspaceId, row.id, row.name, row.description, row.version, row.document, row.at, row.at);
}

export function getWorkflow(db: Db, workspaceId: string, id: string): WorkflowRow | undefined {
  return stmt<[string, string], WorkflowRow>(
    db,
    `SELECT ${SUMMARY}, document FROM workflows WHERE workspace_id = ? AND id = ?`,
  ).get(workspaceId, id);
}

export function getWorkflowVersion(db: Db, workspaceId: string, id: string): number | undefined {
  return stmt<[string, string], { version: number }>(
    db,
    `SELECT version FROM workflows WHERE workspace_id = ? AND id = ?`,
  ).get(workspaceId, id)?.version;
}

/**
 * Saves a new current version, only if the stored one is still `expectedVersion` (compare-and-set, so
 * even a caller that skipped its own check cannot overwrite a newer save). Returns whether it did.
 */
export function updateWorkflow(
  db: Db,
  workspaceId: string,
  id: string,
  row: {
    name: string;
    description: string;
    version: number;
    document: string;
    at: number;
    expectedVersion: number;
  },
): boolean {
  return (
    stmt(
      db,
      `UPDATE workflows SET name = ?, description = ?, version = ?, document = ?, updated_at = ?
       WHERE workspace_id = ? AND id = ? AND version = ?`,
    ).run(row.name, row.description, row.version, row.document, row.at, workspaceId, id, row.expectedVersion)
      .changes > 0
  );
}

export function deleteWorkflow(db: Db, workspaceId: string, id: string): boolean {
  return stmt(db, `DELETE FROM workflows WHERE workspace_id = ? AND id = ?`).run(workspaceId, id).changes > 0;
}

/** Where a page ends: the sort key and id of its last item. */
export type WorkflowListKey =
  { sort: 'updated'; updatedAt: number; id: string } | { sort: 'name'; name: string; id: string };

export interface WorkflowListQuery {
  sort: 'updated' | 'name';
  limit: number;
  after?: WorkflowListKey | undefined;
  /** Lower-case text looked for in name or description. */
  search?: string | undefined;
  tag?: string | undefined;
}

/**
 * One page of a workspace's workflows, by keyset: the page after a key is "rows that sort after it",
 * so rows inserted or deleted meanwhile never shift an item onto two pages or off all of them.
 * Asks for one row more than the limit, so the caller knows whether another page exists.
 */
export function listWorkflows(db: Db, workspaceId: string, q: WorkflowListQuery): WorkflowSummaryRow[] {
  const where = ['workspace_id = @ws'];
  const params: Record<string, unknown> = { ws: workspaceId, limit: q.limit + 1 };
  if (q.search) {
    where.push('(instr(lower(name), @search) > 0 OR instr(lower(description), @search) > 0)');
    params.search = q.search;
  }
  if (q.tag !== undefined) {
    where.push(
      'EXISTS (SELECT 1 FROM workflow_tags t WHERE t.workspace_id = workflows.workspace_id AND t.workflow_id = workflows.id AND t.tag = @tag)',
    );
    params.tag = q.tag;
  }
  let order: string;
  if (q.sort === 'name') {
    order = 'name COLLATE NOCASE ASC, id ASC';
    if (q.after?.sort === 'name') {
      where.push('(name > @key COLLATE NOCASE OR (name = @key COLLATE NOCASE AND id > @id))');
      Object.assign(params, { key: q.after.name, id: q.after.id });
    }
  } else {
    order = 'updated_at DESC, id ASC';
    if (q.after?.sort === 'updated') {
      where.push('(updated_at < @key OR (updated_at = @key AND id > @id))');
      Object.assign(params, { key: q.after.updatedAt, id: q.after.id });
    }
  }
  // The SQL text varies only by which filters are on, so the cache holds a handful of statements.
  const sql = `SELECT ${SUMMARY} FROM workflows WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT @limit`;
  return stmt<[Record<string, unknown>], WorkflowSummaryRow>(db, sql).all(params);
}
