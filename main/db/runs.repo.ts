import type { Db } from './connection.js';
import { fromJson, stmt, toJson } from './statements.js';

/** Stored run statuses; `interrupted` marks a run its process died in the middle of. */
export type StoredRunStatus = 'running' | 'succeeded' | 'failed' | 'cancelled' | 'interrupted';

/** How a run came about. */
export interface RunOrigin {
  kind: 'run' | 'rerun' | 'fromNode';
  sourceRunId?: string;
  nodeId?: string;
}

export interface RunRow {
  id: string;
  workflowId: string;
  workflowVersion: number;
  status: StoredRunStatus;
  origin: RunOrigin;
  input?: unknown;
  outputs?: unknown;
  error?: unknown;
  startedAt: number;
  finishedAt?: number;
}

interface RawRun {
  id: string;
  workflowId: string;
  workflowVersion: number;
  status: StoredRunStatus;
  origin: string;
  input: string | null;
  outputs: string | null;
  error: string | null;
  startedAt: number;
  finishedAt: number | null;
}

const COLUMNS = `id, workflow_id AS workflowId, workflow_version AS workflowVersion, status, origin, input, outputs, error,
  started_at AS startedAt, finished_at AS finishedAt`;

function toRow(r: RawRun): RunRow {
  const row: RunRow = {
    id: r.id,
    workflowId: r.workflowId,
    workflowVersion: r.workflowVersion,
    status: r.status,
    origin: fromJson<RunOrigin>(r.origin) ?? { kind: 'run' },
    startedAt: r.startedAt,
  };
  if (r.input !== null) row.input = fromJson(r.input);
  if (r.outputs !== null) row.outputs = fromJson(r.outputs);
  if (r.error !== null) row.error = fromJson(r.error);
  if (r.finishedAt !== null) row.finishedAt = r.finishedAt;
  return row;
}

/** Records a run as it starts (status `running`), so a crash mid-run still leaves its record. */
export function insertRun(
  db: Db,
  workspaceId: string,
  run: {
    id: string;
    workflowId: string;
    workflowVersion: number;
    origin: RunOrigin;
    input?: unknown;
    startedAt: number;
  },
): void {
  stmt(
    db,
    `INSERT INTO runs (workspace_id, id, workflow_id, workflow_version, status, origin, input, started_at)
     VALUES (?, ?, ?, ?, 'running', ?, ?, ?)`,
  ).run(
    workspaceId,
    run.id,
    run.workflowId,
    run.workflowVersion,
    JSON.stringify(run.origin),
    toJson(run.input),
    run.startedAt,
  );
}

export function updateRunStatus(db: Db, workspaceId: string, id: string, status: StoredRunStatus): boolean {
  return (
    stmt(db, `UPDATE runs SET status = ? WHERE workspace_id = ? AND id = ?`).run(status, workspaceId, id)
      .changes > 0
  );
}

/** Records how a run ended. */
export function finishRun(
  db: Db,
  workspaceId: string,
  id: string,
  end: {
    status: Exclude<StoredRunStatus, 'running'>;
    outputs?: unknown;
    error?: unknown;
    finishedAt: number;
  },
): boolean {
  return (
    stmt(
      db,
      `UPDATE runs SET status = ?, outputs = ?, error = ?, finished_at = ? WHERE workspace_id = ? AND id = ?`,
    ).run(end.status, toJson(end.outputs), toJson(end.error), end.finishedAt, workspaceId, id).changes > 0
  );
}

export function getRun(db: Db, workspaceId: string, id: string): RunRow | undefined {
  const raw = stmt<[string, string], RawRun>(
    db,
    `SELECT ${COLUMNS} FROM runs WHERE workspace_id = ? AND id = ?`,
  ).get(workspaceId, id);
  return raw && toRow(raw);
}

/** Where a page of runs ends. */
export interface RunListKey {
  startedAt: number;
  id: string;
}

/** A workflow's runs, newest first, by keyset after `after`; asks for limit + 1 rows (see listWorkflows). */
export function listRuns(
  db: Db,
  workspaceId: string,
  workflowId: string,
  after: RunListKey | undefined,
  limit: number,
): RunRow[] {
  const rows = after
    ? stmt<unknown[], RawRun>(
        db,
        `SELECT ${COLUMNS} FROM runs WHERE workspace_id = ? AND workflow_id = ?
         AND (started_at < ? OR (started_at = ? AND id < ?)) ORDER BY started_at DESC, id DESC LIMIT ?`,
      ).all(workspaceId, workflowId, after.startedAt, after.startedAt, after.id, limit + 1)
    : stmt<unknown[], RawRun>(
        db,
        `SELECT ${COLUMNS} FROM runs WHERE workspace_id = ? AND workflow_id = ? ORDER BY started_at DESC, id DESC LIMIT ?`,
      ).all(workspaceId, workflowId, limit + 1);
  return rows.map(toRow);
}

/** Deletes a run; its node records and blobs go with it by cascade. */
export function deleteRun(db: Db, workspaceId: string, id: string): boolean {
  return stmt(db, `DELETE FROM runs WHERE workspace_id = ? AND id = ?`).run(workspaceId, id).changes > 0;
}

/**
 * At start-up, before any run can be in progress: every run still `running` (in any workspace) was cut
 * off by the process dying, and so were its running nodes. Returns how many runs were marked.
 */
export function markRunningAsInterrupted(db: Db, at: number): number {
  stmt(
    db,
    `UPDATE run_nodes SET status = 'interrupted', finished_at = coalesce(finished_at, ?)
     WHERE status = 'running' AND (workspace_id, run_id) IN (SELECT workspace_id, id FROM runs WHERE status = 'running')`,
  ).run(at);
  return stmt(
    db,
    `UPDATE runs SET status = 'interrupted', finished_at = coalesce(finished_at, ?) WHERE status = 'running'`,
  ).run(at).changes;
}

/** Keeps a workflow's newest `keep` finished runs and deletes older ones; a run in progress is never pruned. */
export function pruneRuns(db: Db, workspaceId: string, workflowId: string, keep: number): number {
  return stmt(
    db,
    `DELETE FROM runs WHERE workspace_id = @ws AND workflow_id = @wf AND status <> 'running' AND id NOT IN (
       SELECT id FROM runs WHERE workspace_id = @ws AND workflow_id = @wf ORDER BY started_at DESC, id DESC LIMIT @keep)`,
  ).run({ ws: workspaceId, wf: workflowId, keep }).changes;
}

/** How many runs errorStats looks at: the workspace's (or one workflow's) newest, at most `limit`. */
export function countRecentRuns(db: Db, workspaceId: string, limit: number, workflowId?: string): number {
  const row = stmt<{ ws: string; limit: number; wf: string | null }, { n: number }>(
    db,
    `SELECT count(*) AS n FROM (SELECT 1 FROM runs WHERE workspace_id = @ws AND (@wf IS NULL OR workflow_id = @wf) LIMIT @limit)`,
  ).get({ ws: workspaceId, limit, wf: workflowId ?? null });
  return row?.n ?? 0;
}
