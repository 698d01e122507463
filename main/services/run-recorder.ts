import type { NodeStatus, RunError, RunEvent, RunRecord } from '../../engine/index.js';

/** One node's row as the store keeps it while a run goes on. */
export interface RecordedNode {
  nodeId: string;
  status: NodeStatus;
  attempts: number;
  startedAt?: number;
  finishedAt?: number;
  outputs?: Record<string, unknown>;
  error?: RunError;
  /** The node did not run: its outputs were reused ("run from here"). */
  pinned?: true;
}

/** Where a run's record goes; the store implements it with one transaction per call. */
export interface RunRecorderSink {
  /** Node rows changed since the last flush. */
  flush(nodes: readonly RecordedNode[]): void;
  /** The final record of the run: every node and the run's status, outputs and error. */
  finish(record: RunRecord): void;
}

export interface RunRecorder {
  /** Feed it every event of the run, in order. */
  onEvent(event: RunEvent): void;
  /** Writes what is pending, then the final record. */
  finish(record: RunRecord): void;
}

/**
 * Records a run as it happens, so that a crash mid-run leaves a record (marked `interrupted` at the
 * next start). Node changes are gathered and written together every `flushMs`: a transaction per event
 * would cost a disk sync per event, far more than running a small node. Whatever was not yet written
 * when the process died is the only loss: at most `flushMs` of progress.
 */
export function createRunRecorder(sink: RunRecorderSink, options: { flushMs?: number } = {}): RunRecorder {
  const flushMs = options.flushMs ?? 100;
  const dirty = new Map<string, RecordedNode>();
  const rows = new Map<string, RecordedNode>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let finished = false;

  const row = (nodeId: string): RecordedNode => {
    let r = rows.get(nodeId);
    if (!r) rows.set(nodeId, (r = { nodeId, status: 'pending', attempts: 0 }));
    dirty.set(nodeId, r);
    if (timer === undefined && !finished) {
      timer = setTimeout(flush, flushMs);
      // A pending flush must not keep a finished command alive; finish() writes what is left.
      (timer as { unref?: () => void }).unref?.();
    }
    return r;
  };

  function flush(): void {
    timer = undefined;
    if (dirty.size === 0) return;
    const batch = [...dirty.values()].map((r) => ({ ...r }));
    dirty.clear();
    sink.flush(batch);
  }

  return {
    onEvent(e) {
      if (finished || e.type === 'runStarted' || e.type === 'runFinished' || e.type === 'nodeLog') return;
      const r = row(e.nodeId);
      switch (e.type) {
        case 'nodeStarted':
          r.status = 'running';
          r.attempts = e.attempt;
          r.startedAt ??= e.at;
          break;
        case 'nodeRetrying':
          r.error = e.error;
          break;
        case 'nodeSucceeded':
          r.status = 'succeeded';
          r.finishedAt = e.at;
          r.outputs = e.outputs;
          if (e.pinned) r.pinned = true;
          break;
        case 'nodeFailed':
          r.status = 'failed';
          r.finishedAt = e.at;
          r.error = e.error;
          break;
        case 'nodeSkipped':
          r.status = 'skipped';
          r.finishedAt = e.at;
          if (e.error) r.error = e.error;
          break;
        case 'nodeCancelled':
          r.status = 'cancelled';
          r.finishedAt = e.at;
          break;
      }
    },
    finish(record) {
      if (finished) return;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      finished = true;
      dirty.clear();
      sink.finish(record);
    },
  };
}
