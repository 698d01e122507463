import type { ErrorStat as ContractErrorStat } from '../../preload/contract.js';
import { immediate, type Db } from './connection.js';
import { deleteRunBlob, getRunBlob, putRunBlob } from './run-blobs.repo.js';
import { fromJson, stmt, toJson } from './statements.js';

/** Outputs whose JSON is larger than this go to run_blobs, out of the hot row. */
export const BLOB_THRESHOLD_BYTES = 1024 * 1024;

/** What a node did in a run, as written while the run goes on. Fields left undefined keep their value. */
export interface RunNodeWrite {
  nodeType: string;
  status: string;
  attempts: number;
  startedAt?: number | undefined;
  finishedAt?: number | undefined;
  inputs?: unknown;
  outputs?: unknown;
  error?: unknown;
  /** The node did not run: its outputs were reused from the run's source run. */
  pinned?: boolean | undefined;
}

/** A node record as read; large outputs are not read here (`outputsInBlob`), see getRunNodeOutputs. */
export interface RunNodeRow {
  nodeId: string;
  nodeType: string;
  status: string;
  attempts: number;
  startedAt?: number;
  finishedAt?: number;
  inputs?: unknown;
  outputs?: unknown;
  outputsInBlob: boolean;
  error?: unknown;
  pinned: boolean;
}

interface RawNode {
  nodeId: string;
  nodeType: string;
  status: string;
  attempts: number;
  startedAt: number | null;
  finishedAt: number | null;
  inputs: string | null;
  outputs: string | null;
  outputsBlob: number | null;
  error: string | null;
  pinned: number;
}

/**
 * Records (or updates) one node of a run inside the caller's transaction; outputs over
 * BLOB_THRESHOLD_BYTES are stored as a blob. A run's nodes are written many at a time, and a savepoint
 * per node would cost more than the row.
 */
export function writeRunNode(
  db: Db,
  workspaceId: string,
  runId: string,
  nodeId: string,
  w: RunNodeWrite,
  /** False when the caller knows no blob was written for this node: skips a delete per row. */
  mayHaveBlob = true,
): boolean {
  const outputsText = toJson(w.outputs);
  const hasOutputs = outputsText !== null;
  // Length in UTF-16 units is a lower bound of the UTF-8 size; only count bytes when it could matter.
  const big =
    hasOutputs &&
    (outputsText.length > BLOB_THRESHOLD_BYTES || Buffer.byteLength(outputsText) > BLOB_THRESHOLD_BYTES);
  stmt(
    db,
    `INSERT INTO run_nodes (workspace_id, run_id, node_id, node_type, status, attempts, started_at, finished_at,
         inputs, outputs, outputs_blob, error, pinned)
       VALUES (@ws, @run, @node, @type, @status, @attempts, @startedAt, @finishedAt, @inputs, @outputs, @blob, @error, @pinned)
       ON CONFLICT (workspace_id, run_id, node_id) DO UPDATE SET
         node_type = excluded.node_type, status = excluded.status, attempts = excluded.attempts,
         pinned = max(pinned, excluded.pinned),
         started_at = coalesce(excluded.started_at, started_at), finished_at = coalesce(excluded.finished_at, finished_at),
         inputs = coalesce(excluded.inputs, inputs), error = coalesce(excluded.error, error),
         outputs = CASE WHEN @hasOutputs THEN excluded.outputs ELSE outputs END,
         outputs_blob = CASE WHEN @hasOutputs THEN excluded.outputs_blob ELSE outputs_blob END`,
  ).run({
    ws: workspaceId,
    run: runId,
    node: nodeId,
    type: w.nodeType,
    status: w.status,
    attempts: w.attempts,
    startedAt: w.startedAt ?? null,
    finishedAt: w.finishedAt ?? null,
    inputs: toJson(w.inputs),
    outputs: big ? null : outputsText,
    blob: big ? 1 : null,
    error: toJson(w.error),
    pinned: w.pinned ? 1 : 0,
    hasOutputs: hasOutputs ? 1 : 0,
  });
  if (big) putRunBlob(db, workspaceId, runId, nodeId, outputsText);
  else if (hasOutputs && mayHaveBlob) deleteRunBlob(db, workspaceId, runId, nodeId);
  return big;
}

/** Records (or updates) one node of a run in its own transaction. */
export function upsertRunNode(
  db: Db,
  workspaceId: string,
  runId: string,
  nodeId: string,
  w: RunNodeWrite,
): void {
  immediate(db, () => {
    writeRunNode(db, workspaceId, runId, nodeId, w);
  });
}

/** Every node record of a run, without reading blobs. */
export function getRunNodes(db: Db, workspaceId: string, runId: string): RunNodeRow[] {
  return stmt<[string, string], RawNode>(
    db,
    `SELECT node_id AS nodeId, node_type AS nodeType, status, attempts, started_at AS startedAt, finished_at AS finishedAt,
       inputs, outputs, outputs_blob AS outputsBlob, error, pinned
     FROM run_nodes WHERE workspace_id = ? AND run_id = ? ORDER BY coalesce(started_at, 0), node_id`,
  )
    .all(workspaceId, runId)
    .map((r) => {
      const row: RunNodeRow = {
        nodeId: r.nodeId,
        nodeType: r.nodeType,
        status: r.status,
        attempts: r.attempts,
        outputsInBlob: r.outputsBlob === 1,
        pinned: r.pinned === 1,
      };
      if (r.startedAt !== null) row.startedAt = r.startedAt;
      if (r.finishedAt !== null) row.finishedAt = r.finishedAt;
      if (r.inputs !== null) row.inputs = fromJson(r.inputs);
      if (r.outputs !== null) row.outputs = fromJson(r.outputs);
      if (r.error !== null) row.error = fromJson(r.error);
      return row;
    });
}

/**
 * A node's recorded outputs, from its row or its blob. `found: false` when the run has no such node
 * (in this workspace); `outputs` is undefined when the node recorded none.
 */
export function getRunNodeOutputs(
  db: Db,
  workspaceId: string,
  runId: string,
  nodeId: string,
): { found: boolean; outputs?: unknown } {
  const r = stmt<[string, string, string], { outputs: string | null; outputsBlob: number | null }>(
    db,
    `SELECT outputs, outputs_blob AS outputsBlob FROM run_nodes WHERE workspace_id = ? AND run_id = ? AND node_id = ?`,
  ).get(workspaceId, runId, nodeId);
  if (!r) return { found: false };
  const text = r.outputsBlob === 1 ? getRunBlob(db, workspaceId, runId, nodeId) : r.outputs;
  return text === null || text === undefined ? { found: true } : { found: true, outputs: fromJson(text) };
}

/** Failures of one node type with one error code over a workspace's recent runs. */
export type ErrorStat = Omit<ErrorStatWithLast, 'lastRunId' | 'lastNodeId'>;

/** An ErrorStat with where its latest failure happened (the API's shape). */
export type ErrorStatWithLast = ContractErrorStat;

/**
 * Error counts by node type and code over the workspace's `sinceRuns` most recent runs, with the
 * last message of each: the bounded error history. Most frequent first.
 */
export function errorStats(db: Db, workspaceId: string, sinceRuns: number): ErrorStat[] {
  return errorStatsWithLast(db, workspaceId, sinceRuns).map((s) => ({
    nodeType: s.nodeType,
    code: s.code,
    count: s.count,
    lastMessage: s.lastMessage,
    lastAt: s.lastAt,
  }));
}

/**
 * errorStats plus the run and node of each latest failure, optionally over one workflow's runs only.
 */
export function errorStatsWithLast(
  db: Db,
  workspaceId: string,
  sinceRuns: number,
  workflowId?: string,
): ErrorStatWithLast[] {
  // SQLite gives bare columns of an aggregate with max() the values of the row holding the maximum,
  // which is how lastMessage, lastRunId and lastNodeId all come from the latest failure.
  return stmt<{ ws: string; limit: number; wf: string | null }, ErrorStatWithLast>(
    db,
    `WITH recent AS (SELECT id, started_at FROM runs WHERE workspace_id = @ws AND (@wf IS NULL OR workflow_id = @wf)
       ORDER BY started_at DESC, id DESC LIMIT @limit)
     SELECT n.node_type AS nodeType, coalesce(json_extract(n.error, '$.code'), 'UNKNOWN') AS code, count(*) AS count,
       max(coalesce(n.finished_at, n.started_at, r.started_at)) AS lastAt,
       coalesce(json_extract(n.error, '$.message'), '') AS lastMessage, n.run_id AS lastRunId, n.node_id AS lastNodeId
     FROM run_nodes n JOIN recent r ON r.id = n.run_id
     WHERE n.workspace_id = @ws AND n.error IS NOT NULL
     GROUP BY n.node_type, code ORDER BY count DESC, nodeType, code`,
  ).all({ ws: workspaceId, limit: sinceRuns, wf: workflowId ?? null });
}
