// Run subscriptions of one connection (a window or a socket). A subscriber first gets a snapshot of the
// run, then each later event of that run in order. Events are numbered per run by the source (`seq`, the
// count of the run's events so far) and the snapshot says how many it already reflects, so the hub can
// listen before it asks for the snapshot and forward exactly the events after it: a run that emits while
// the snapshot is taken (even asynchronously) loses nothing and repeats nothing.
import type { RunEvent, RunSnapshot } from '../../engine/index.js';
import type { RunFeedEvent, RunSubscription } from '../../preload/contract.js';
import { NotFoundError, WeftError } from '../errors.js';

/** Called with each event of a run and its number within the run (1 for the first). */
export type SeqListener = (event: RunEvent, seq: number) => void;

/** Where the hub reads runs: the runs service over a RunFeed and the store. */
export interface RunEventSource {
  /**
   * The run's state after its first `seq` events, or undefined when the workspace has no such run. A
   * finished run may answer its final state with any `seq`: it emits nothing more.
   */
  snapshotOf(
    workspaceId: string,
    runId: string,
  ): RunSubscription | undefined | Promise<RunSubscription | undefined>;
  /** Calls `listener` for each later event of the run until the returned function is called. */
  listen(runId: string, listener: SeqListener): () => void;
}

/** The run subscriptions of one connection. */
export interface RunSubscriptions {
  /** Sends a `runSnapshot` then the run's later `runEvent`s; answers the snapshot. Replaces an earlier subscription to the run. */
  subscribe(workspaceId: string, runId: string): Promise<RunSubscription>;
  /** Stops the run's events; harmless when not subscribed. */
  unsubscribe(runId: string): void;
  /** Stops everything (the connection closed). */
  close(): void;
  /** Runs currently subscribed. */
  readonly size: number;
}

/** At most this many runs followed at once by one connection. */
export const MAX_SUBSCRIPTIONS = 100;

interface Subscription {
  stop: () => void;
  /** Events held while the snapshot is being taken. */
  pending: Array<{ event: RunEvent; seq: number }> | null;
  lastSeq: number;
}

/** Creates the subscriptions of one connection, pushing to it through `send`. */
export function createRunSubscriptions(source: RunEventSource, send: (event: RunFeedEvent) => void): RunSubscriptions {
  const subs = new Map<string, Subscription>();
  let closed = false;

  function end(runId: string, sub: Subscription): void {
    if (subs.get(runId) === sub) subs.delete(runId);
    sub.stop();
  }

  function push(event: RunFeedEvent): void {
    try {
      send(event);
    } catch {
      // The connection is gone; a failing send must not break the run that is emitting.
      api.close();
    }
  }

  function forward(runId: string, sub: Subscription, event: RunEvent, seq: number): void {
    if (seq <= sub.lastSeq) return;
    sub.lastSeq = seq;
    push({ type: 'runEvent', runId, seq, event });
    if (event.type === 'runFinished') end(runId, sub);
  }

  const api: RunSubscriptions = {
    async subscribe(workspaceId, runId) {
      if (closed) throw new WeftError('CLOSED', 'the connection is closed');
      api.unsubscribe(runId);
      if (subs.size >= MAX_SUBSCRIPTIONS) {
        throw new WeftError('TOO_MANY_SUBSCRIPTIONS', `at most ${MAX_SUBSCRIPTIONS} runs can be followed at once`);
      }
      const sub: Subscription = { stop: () => {}, pending: [], lastSeq: 0 };
      subs.set(runId, sub);
      sub.stop = source.listen(runId, (event, seq) => {
        if (sub.pending) sub.pending.push({ event, seq });
        else forward(runId, sub, event, seq);
      });
      let taken: RunSubscription | undefined;
      try {
        taken = await source.snapshotOf(workspaceId, runId);
      } catch (error) {
        end(runId, sub);
        throw error;
      }
      if (taken === undefined) {
        end(runId, sub);
        throw new NotFoundError('run', runId);
      }
      const result: RunSubscription = { snapshot: taken.snapshot, seq: taken.seq };
      if (subs.get(runId) !== sub) return result; // unsubscribed or replaced meanwhile
      const held = sub.pending ?? [];
      sub.pending = null;
      sub.lastSeq = result.seq;
      push({ type: 'runSnapshot', runId, seq: result.seq, snapshot: result.snapshot });
      if (isFinished(result.snapshot)) end(runId, sub);
      else for (const { event, seq } of held) forward(runId, sub, event, seq);
      return result;
    },
    unsubscribe(runId) {
      const sub = subs.get(runId);
      if (sub) end(runId, sub);
    },
    close() {
      closed = true;
      for (const [runId, sub] of [...subs]) end(runId, sub);
    },
    get size() {
      return subs.size;
    },
  };
  return api;
}

function isFinished(snapshot: RunSnapshot): boolean {
  return snapshot.status !== 'running';
}
