/** The crash-consistency checker: what must hold of a database after any kill of its writer. */
import { openDatabase } from '../connection.js';

export interface Ack {
  id: string;
  version: number;
}

export interface CrashCheck {
  integrity: string;
  foreignKeyViolations: number;
  /** Transactions found half-written: a workflow without all its version rows, or the other way round. */
  halfWritten: string[];
  /** Acknowledged saves that are not in the database. */
  lostAcks: Ack[];
  workflows: number;
}

/** Reopens the file (recovering its WAL, as the next start would) and checks it. */
export function checkCrashedDatabase(file: string, workspaceId: string, acks: readonly Ack[]): CrashCheck {
  const db = openDatabase(file);
  try {
    const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>)
      .map((r) => r.integrity_check)
      .join('; ');
    const foreignKeyViolations = (db.pragma('foreign_key_check') as unknown[]).length;
    // Every save writes the workflow row at version v and version row v together, so after any crash
    // a workflow at version v has exactly the version rows 1..v, the latest holding its document.
    const halfWritten = (
      db
        .prepare(
          `SELECT w.id AS id FROM workflows w
           LEFT JOIN (SELECT workflow_id, count(*) AS n, max(version) AS top FROM workflow_versions
                      WHERE workspace_id = @ws GROUP BY workflow_id) v ON v.workflow_id = w.id
           LEFT JOIN workflow_versions latest ON latest.workspace_id = w.workspace_id AND latest.workflow_id = w.id
             AND latest.version = w.version
           WHERE w.workspace_id = @ws AND (v.n IS NULL OR v.n <> w.version OR v.top <> w.version OR latest.document IS NOT w.document)
           UNION ALL
           SELECT v.workflow_id FROM workflow_versions v WHERE v.workspace_id = @ws
             AND NOT EXISTS (SELECT 1 FROM workflows w WHERE w.workspace_id = v.workspace_id AND w.id = v.workflow_id)`,
        )
        .all({ ws: workspaceId }) as Array<{ id: string }>
    ).map((r) => r.id);
    const has = db
      .prepare(`SELECT 1 FROM workflow_versions WHERE workspace_id = ? AND workflow_id = ? AND version = ?`)
      .pluck();
    const lostAcks = acks.filter((a) => has.get(workspaceId, a.id, a.version) === undefined);
    const workflows =
      (db
        .prepare(`SELECT count(*) FROM workflows WHERE workspace_id = ?`)
        .pluck()
        .get(workspaceId) as number) ?? 0;
    return { integrity, foreignKeyViolations, halfWritten, lostAcks, workflows };
  } finally {
    db.close();
  }
}
