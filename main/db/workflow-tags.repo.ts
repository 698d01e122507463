import type { Db } from './connection.js';
import { stmt } from './statements.js';

/** Replaces a workflow's tags. */
export function setWorkflowTags(
  db: Db,
  workspaceId: string,
  workflowId: string,
  tags: readonly string[],
): void {
  stmt(db, `DELETE FROM workflow_tags WHERE workspace_id = ? AND workflow_id = ?`).run(
    workspaceId,
    workflowId,
  );
  const insert = stmt(
    db,
    `INSERT OR IGNORE INTO workflow_tags (workspace_id, workflow_id, tag) VALUES (?, ?, ?)`,
  );
  for (const tag of tags) insert.run(workspaceId, workflowId, tag);
}

export function getWorkflowTags(db: Db, workspaceId: string, workflowId: string): string[] {
  return stmt<[string, string], { tag: string }>(
    db,
    `SELECT tag FROM workflow_tags WHERE workspace_id = ? AND workflow_id = ? ORDER BY tag`,
  )
    .all(workspaceId, workflowId)
    .map((r) => r.tag);
}

/** Tags of many workflows at once (one page of a list), by workflow id. */
export function getTagsOf(
  db: Db,
  workspaceId: string,
  workflowIds: readonly string[],
): Map<string, string[]> {
  const out = new Map<string, string[]>(workflowIds.map((id) => [id, []]));
  if (workflowIds.length === 0) return out;
  // json_each takes the ids as one bound value, so one statement serves every page size.
  const rows = stmt<[string, string], { workflowId: string; tag: string }>(
    db,
    `SELECT workflow_id AS workflowId, tag FROM workflow_tags
     WHERE workspace_id = ? AND workflow_id IN (SELECT value FROM json_each(?)) ORDER BY tag`,
  ).all(workspaceId, JSON.stringify(workflowIds));
  for (const r of rows) out.get(r.workflowId)?.push(r.tag);
  return out;
}
