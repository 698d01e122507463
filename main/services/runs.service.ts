import { randomUUID } from 'node:crypto';
import { ancestorsOf, compileWorkflow, startRun, type CompiledWorkflow, type NodeTypeRegistry, type NodeOutputs, type RunEvent, type RunHandle, type RunRecord, type RunSnapshot } from '../../engine/index.js';
import type { ErrorStats, NodeOutputsResult, Page, RunDetail, RunNodeDetail, RunOrigin, RunSummary } from '../../preload/contract.js';
import { immediate } from '../db/connection.js';
import * as nodesRepo from '../db/run-nodes.repo.js';
import * as runsRepo from '../db/runs.repo.js';
import * as workflowsRepo from '../db/workflows.repo.js';
import { InvalidInputError, NotFoundError } from '../errors.js';
import type { RunFeed } from '../rpc/run-feed.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { createRunRecorder, type RecordedNode } from './run-recorder.js';
import { registryOf, type Store } from './store.js';
import { getVersion, getWorkflow } from './workflows.service.js';
import { checkPolicy, getWorkspace } from './workspaces.service.js';

/** How to start a run of a stored workflow. */
export interface StartOptions {
  readonly input?: unknown;
  /** Run from this node, reusing the outputs of the nodes upstream of it recorded by `sourceRunId`. */
  readonly fromNode?: { readonly nodeId: string; readonly sourceRunId: string };
  /** Run this version rather than the current one (re-running a past run exactly). */
  readonly version?: number;
}

export interface StartedRun {
  readonly runId: string;
  /** Resolves once the run has finished and its record is stored. */
  readonly done: Promise<RunRecord>;
}

/** The runs of one store: starting (recorded as they go), following, cancelling and reading them. */
export interface RunsService {
  start(workspaceId: string, workflowId: string, options?: StartOptions): StartedRun;
  rerun(workspaceId: string, runId: string): StartedRun;
  cancel(workspaceId: string, runId: string): { cancelled: boolean };
  list(workspaceId: string, workflowId: string, options?: { cursor?: string; limit?: number }): Page<RunSummary>;
  get(workspaceId: string, runId: string): RunDetail;
  nodeOutputs(workspaceId: string, runId: string, nodeId: string): NodeOutputsResult;
  delete(workspaceId: string, runId: string): void;
  /** Over the workspace's last `runs` runs, or those of one workflow when `workflowId` is given. */
  errorStats(workspaceId: string, options?: { runs?: number; workflowId?: string | undefined }): ErrorStats;
  /** The live state of a run of this workspace, or undefined when it is not running here. */
  snapshotOf(workspaceId: string, runId: string): { snapshot: RunSnapshot; seq: number } | undefined;
  /** Resolves when every run started so far has finished and been stored. */
  idle(): Promise<void>;
}

/** A run of a workflow started, finished (its record stored, older runs pruned) or was deleted. */
export interface RunChange {
  readonly workspaceId: string;
  readonly workflowId: string;
  readonly runId: string;
}

interface ActiveRun {
  readonly workspaceId: string;
  readonly handle: RunHandle;
  readonly done: Promise<RunRecord>;
}

function toSummary(row: runsRepo.RunRow): RunSummary {
  return {
    id: row.id,
    workflowId: row.workflowId,
    workflowVersion: row.workflowVersion,
    status: row.status,
    origin: row.origin as RunOrigin,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt ?? null,
    durationMs: row.finishedAt === undefined ? null : row.finishedAt - row.startedAt,
    error: (row.error as RunSummary['error']) ?? null,
  };
}

function readRunKey(value: unknown): runsRepo.RunListKey | undefined {
  const key = value as Partial<runsRepo.RunListKey> | null;
  return key !== null && typeof key === 'object' && typeof key.startedAt === 'number' && typeof key.id === 'string'
    ? { startedAt: key.startedAt, id: key.id }
    : undefined;
}

const COMPILED_CACHE_SIZE = 16;

function newRunId(): string {
  return `run_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
}

export function createRunsService(
  store: Store,
  options: {
    feed?: RunFeed;
    flushMs?: number;
    log?: (message: string) => void;
    /** Hears each run's start, its end and its deletion (the API tells the workspace's watchers). */
    onChange?: (change: RunChange) => void;
  } = {},
): RunsService {
  const db = store.db;
  const active = new Map<string, ActiveRun>();
  // Runs are listed newest first by start time. Millisecond clocks tie for runs started in the same
  // millisecond, so start times are sub-millisecond and strictly increasing within this service.
  let lastStart = 0;
  function nextStartTime(): number {
    lastStart = Math.max(performance.timeOrigin + performance.now(), lastStart + 0.001);
    return lastStart;
  }
  const log = options.log ?? ((message: string) => console.error(message));

  function changed(change: RunChange): void {
    try {
      options.onChange?.(change);
    } catch (e) {
      log(`weft: could not announce a change of run ${change.runId}: ${(e as Error).message}`);
    }
  }

  // A failed write of a run's progress must not take the run (or the process) down with it; the final
  // write retries everything, and the run is marked interrupted at the next start if that fails too.
  function guard(write: () => void): void {
    try {
      write();
    } catch (e) {
      log(`weft: could not record run progress: ${(e as Error).message}`);
    }
  }

  // Nodes whose outputs went to a blob in an earlier write of the run: only those may need one removed.
  const blobbed = new Map<string, Set<string>>();

  function write(workspaceId: string, runId: string, nodeId: string, w: nodesRepo.RunNodeWrite): void {
    const mine = blobbed.get(runId);
    if (nodesRepo.writeRunNode(db, workspaceId, runId, nodeId, w, mine?.has(nodeId) ?? false)) {
      if (mine) mine.add(nodeId);
      else blobbed.set(runId, new Set([nodeId]));
    }
  }

  function writeNodes(workspaceId: string, runId: string, types: Map<string, string>, rows: readonly RecordedNode[]): void {
    immediate(db, () => {
      for (const r of rows) {
        write(workspaceId, runId, r.nodeId, {
          nodeType: types.get(r.nodeId) ?? 'unknown',
          status: r.status,
          attempts: r.attempts,
          startedAt: r.startedAt,
          finishedAt: r.finishedAt,
          outputs: r.outputs,
          error: r.error,
          pinned: r.pinned,
        });
      }
    });
  }

  function writeFinal(workspaceId: string, workflowId: string, types: Map<string, string>, record: RunRecord): void {
    immediate(db, () => {
      for (const [nodeId, n] of Object.entries(record.nodes)) {
        write(workspaceId, record.runId, nodeId, {
          nodeType: types.get(nodeId) ?? 'unknown',
          status: n.status,
          attempts: n.attempts,
          startedAt: n.startedAt,
          finishedAt: n.finishedAt,
          inputs: n.inputs,
          outputs: n.outputs,
          error: n.error,
          pinned: n.pinned,
        });
      }
      runsRepo.finishRun(db, workspaceId, record.runId, {
        status: record.status,
        outputs: record.outputs,
        error: record.error,
        finishedAt: record.finishedAt,
      });
      runsRepo.pruneRuns(db, workspaceId, workflowId, getWorkspace(store, workspaceId).runRetention);
    });
    blobbed.delete(record.runId);
  }

  // A stored version never changes, so its compiled form is kept for the next run: loading, validating
  // and compiling a 10,000-node document costs more than running it. A small LRU per registry bounds
  // the memory; keying on the registry means a reload of a workspace's plugins (a new registry) never
  // reuses a form compiled against the old code, and a dropped registry takes its forms with it.
  const compiledCaches = new WeakMap<NodeTypeRegistry, Map<string, CompiledWorkflow>>();
  function compiledVersion(workspaceId: string, workflowId: string, version: number): CompiledWorkflow {
    const registry = registryOf(store, workspaceId);
    let compiledCache = compiledCaches.get(registry);
    if (!compiledCache) {
      compiledCache = new Map();
      compiledCaches.set(registry, compiledCache);
    }
    const key = `${workspaceId}\u0000${workflowId}\u0000${version}`;
    let compiled = compiledCache.get(key);
    if (compiled) {
      compiledCache.delete(key);
    } else {
      compiled = compileWorkflow(getVersion(store, workspaceId, workflowId, version).document, registry);
      if (compiledCache.size >= COMPILED_CACHE_SIZE) compiledCache.delete(compiledCache.keys().next().value!);
    }
    compiledCache.set(key, compiled);
    return compiled;
  }

  function launch(workspaceId: string, workflowId: string, version: number | undefined, origin: RunOrigin, opts: StartOptions): StartedRun {
    const current = workflowsRepo.getWorkflowVersion(db, workspaceId, workflowId);
    if (current === undefined) throw new NotFoundError('workflow', workflowId);
    const runVersion = version ?? current;
    const compiled = compiledVersion(workspaceId, workflowId, runVersion);
    const document = compiled.document;
    checkPolicy(store, workspaceId, document);

    let pinnedOutputs: Record<string, NodeOutputs> | undefined;
    if (opts.fromNode) {
      const { nodeId, sourceRunId } = opts.fromNode;
      if (!compiled.indexById.has(nodeId)) throw new NotFoundError('node', nodeId);
      const source = runsRepo.getRun(db, workspaceId, sourceRunId);
      if (!source || source.workflowId !== workflowId) throw new NotFoundError('run', sourceRunId);
      const recorded = new Map(nodesRepo.getRunNodes(db, workspaceId, sourceRunId).map((n) => [n.nodeId, n]));
      pinnedOutputs = {};
      for (const up of ancestorsOf(document.edges, nodeId)) {
        const n = recorded.get(up);
        if (!n || n.status !== 'succeeded') {
          throw new InvalidInputError([
            { path: 'fromNode.sourceRunId', code: 'INVALID_VALUE', message: `run ${sourceRunId} has no recorded output of upstream node "${up}"` },
          ]);
        }
        const outputs = n.outputsInBlob ? nodesRepo.getRunNodeOutputs(db, workspaceId, sourceRunId, up).outputs : n.outputs;
        pinnedOutputs[up] = (outputs ?? {}) as NodeOutputs;
      }
    }

    const types = new Map(document.nodes.map((n) => [n.id, n.type]));
    const runId = newRunId();
    // The run row exists before the first node starts, so a crash at any point leaves a record.
    immediate(db, () => {
      runsRepo.insertRun(db, workspaceId, { id: runId, workflowId, workflowVersion: runVersion, origin, input: opts.input, startedAt: nextStartTime() });
    });
    const recorder = createRunRecorder(
      {
        flush: (rows) => guard(() => writeNodes(workspaceId, runId, types, rows)),
        finish: (record) => guard(() => writeFinal(workspaceId, workflowId, types, record)),
      },
      options.flushMs === undefined ? {} : { flushMs: options.flushMs },
    );
    const feed = options.feed;
    const handle = startRun(compiled, {
      runId,
      input: opts.input,
      onEvent: (e: RunEvent) => {
        recorder.onEvent(e);
        feed?.publish(e);
      },
      ...(pinnedOutputs ? { pinnedOutputs } : {}),
    });
    const done = handle.done.then((record) => {
      recorder.finish(record);
      active.delete(record.runId);
      changed({ workspaceId, workflowId, runId: record.runId });
      return record;
    });
    active.set(handle.runId, { workspaceId, handle, done });
    changed({ workspaceId, workflowId, runId: handle.runId });
    return { runId: handle.runId, done };
  }

  function row(workspaceId: string, runId: string): runsRepo.RunRow {
    const r = runsRepo.getRun(db, workspaceId, runId);
    if (!r) throw new NotFoundError('run', runId);
    return r;
  }

  return {
    start(workspaceId, workflowId, opts = {}) {
      const origin: RunOrigin = opts.fromNode ? { kind: 'fromNode', ...opts.fromNode } : { kind: 'run' };
      return launch(workspaceId, workflowId, opts.version, origin, opts);
    },
    rerun(workspaceId, runId) {
      const source = row(workspaceId, runId);
      const opts: StartOptions = source.input === undefined ? {} : { input: source.input };
      return launch(workspaceId, source.workflowId, source.workflowVersion, { kind: 'rerun', sourceRunId: runId }, opts);
    },
    cancel(workspaceId, runId) {
      const run = active.get(runId);
      if (!run || run.workspaceId !== workspaceId) {
        row(workspaceId, runId);
        return { cancelled: false };
      }
      run.handle.cancel('cancelled by the user');
      return { cancelled: true };
    },
    list(workspaceId, workflowId, opts = {}) {
      getWorkflow(store, workspaceId, workflowId);
      const limit = opts.limit ?? 50;
      const rows = runsRepo.listRuns(db, workspaceId, workflowId, opts.cursor ? decodeCursor(opts.cursor, readRunKey) : undefined, limit);
      const items = rows.slice(0, limit).map(toSummary);
      const last = rows.length > limit ? rows[limit - 1] : undefined;
      return { items, nextCursor: last ? encodeCursor({ startedAt: last.startedAt, id: last.id }) : null };
    },
    get(workspaceId, runId) {
      const r = row(workspaceId, runId);
      const nodes: Record<string, RunNodeDetail> = {};
      for (const n of nodesRepo.getRunNodes(db, workspaceId, runId)) {
        const detail = { nodeType: n.nodeType, status: n.status, attempts: n.attempts } as RunNodeDetail;
        if (n.startedAt !== undefined) detail.startedAt = n.startedAt;
        if (n.finishedAt !== undefined) detail.finishedAt = n.finishedAt;
        if (n.startedAt !== undefined && n.finishedAt !== undefined) detail.durationMs = n.finishedAt - n.startedAt;
        if (n.inputs !== undefined) detail.inputs = n.inputs as Record<string, unknown>;
        if (n.outputs !== undefined) detail.outputs = n.outputs as NodeOutputs;
        if (n.outputsInBlob) detail.outputsDeferred = true;
        if (n.error !== undefined) detail.error = n.error as RunNodeDetail['error'] & object;
        if (n.pinned) detail.pinned = true;
        nodes[n.nodeId] = detail;
      }
      return { ...toSummary(r), input: r.input ?? null, outputs: (r.outputs as Record<string, unknown>) ?? {}, nodes };
    },
    nodeOutputs(workspaceId, runId, nodeId) {
      row(workspaceId, runId);
      const found = nodesRepo.getRunNodeOutputs(db, workspaceId, runId, nodeId);
      if (!found.found) throw new NotFoundError('node', nodeId);
      return { runId, nodeId, outputs: (found.outputs as NodeOutputs | undefined) ?? null };
    },
    delete(workspaceId, runId) {
      if (active.get(runId)?.workspaceId === workspaceId) {
        throw new InvalidInputError([{ path: 'runId', code: 'INVALID_VALUE', message: 'the run is still going; cancel it first' }]);
      }
      const deleted = runsRepo.getRun(db, workspaceId, runId);
      if (!deleted || !runsRepo.deleteRun(db, workspaceId, runId)) throw new NotFoundError('run', runId);
      changed({ workspaceId, workflowId: deleted.workflowId, runId });
    },
    errorStats(workspaceId, opts = {}) {
      getWorkspace(store, workspaceId);
      // Another workspace's workflow is "not found", not an empty list that would confirm it exists.
      if (opts.workflowId !== undefined) getWorkflow(store, workspaceId, opts.workflowId);
      const limit = opts.runs ?? 500;
      return {
        runs: runsRepo.countRecentRuns(db, workspaceId, limit, opts.workflowId),
        entries: nodesRepo.errorStatsWithLast(db, workspaceId, limit, opts.workflowId),
      };
    },
    snapshotOf(workspaceId, runId) {
      const run = active.get(runId);
      if (!run || run.workspaceId !== workspaceId) return undefined;
      return { snapshot: run.handle.snapshot(), seq: options.feed?.seqOf(runId) ?? 0 };
    },
    async idle() {
      while (active.size > 0) await Promise.all([...active.values()].map((r) => r.done));
    },
  };
}
