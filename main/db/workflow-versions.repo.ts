import type { Db } from './connection.js';
import { stmt } from './statements.js';

/** One saved version; `document` is the stored JSON text. */
export interface VersionRow {
  version: number;
  document: string;
  createdAt: number;
  note: string | null;
}

export type VersionSummary = Omit<VersionRow, 'document'>;

export function insertVersion(
  db: Db,
  workspaceId: string,
  workflowId: string,
  row: { version: number; document: string; at: number; note?: string | undefined },
): void {
  stmt(
    db,
    `INSERT INTO workflow_versions (workspace_id, workflow_id, version, document, created_at, note) VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(workspaceId, workflowId, row.version, row.document, row.at, row.note ?? null);
}

/** A workflow's versions, newest first, without their documents. */
export function listVersions(db: Db, workspaceId: string, workflowId: string): VersionSummary[] {
  return stmt<[string, string], VersionSummary>(
    db,
    `SELECT version, created_at AS createdAt, note FROM workflow_versions
     WHERE workspace_id = ? AND workflow_id = ? ORDER BY version DESC`,
  ).all(workspaceId, workflowId);
}

/** One page of a workflow's versions below `before` (all when undefined), newest first; asks for limit + 1. */
export function listVersionsPage(
  db: Db,
  workspaceId: string,
  workflowId: string,
  before: number | undefined,
  limit: number,
): VersionSummary[] {
  return stmt<[string, string, number, number], VersionSummary>(
    db,
    `SELECT version, created_at AS createdAt, note FROM workflow_versions
     WHERE workspace_id = ? AND workflow_id = ? AND version < ? ORDER BY version DESC LIMIT ?`,
  ).all(workspaceId, workflowId, before ?? Number.MAX_SAFE_INTEGER, limit + 1);
}

export function getVersion(
  db: Db,
  workspaceId: string,
  workflowId: string,
  version: number,
): VersionRow | undefined {
  return stmt<[string, string, number], VersionRow>(
    db,
    `SELECT version, document, created_at AS createdAt, note FROM workflow_versions
     WHERE workspace_id = ? AND workflow_id = ? AND version = ?`,
  ).get(workspaceId, workflowId, version);
}
