import type { Db } from './connection.js';
import { stmt } from './statements.js';

// Large node outputs live here, apart from run_nodes, so that listing and opening runs never reads them.

export function putRunBlob(db: Db, workspaceId: string, runId: string, nodeId: string, data: string): void {
  stmt(db, `INSERT OR REPLACE INTO run_blobs (workspace_id, run_id, node_id, data) VALUES (?, ?, ?, ?)`).run(
    workspaceId,
    runId,
    nodeId,
    data,
  );
}

export function getRunBlob(db: Db, workspaceId: string, runId: string, nodeId: string): string | undefined {
  return stmt<[string, string, string], { data: string }>(
    db,
    `SELECT data FROM run_blobs WHERE workspace_id = ? AND run_id = ? AND node_id = ?`,
  ).get(workspaceId, runId, nodeId)?.data;
}

export function deleteRunBlob(db: Db, workspaceId: string, runId: string, nodeId: string): void {
  stmt(db, `DELETE FROM run_blobs WHERE workspace_id = ? AND run_id = ? AND node_id = ?`).run(
    workspaceId,
    runId,
    nodeId,
  );
}
