// Numbers each live run's events and fans them out, so subscribers can be given a snapshot "after event
// N" and the events after it (see events.ts). The runs service publishes every engine event here and
// answers snapshots with `seqOf`, read in the same synchronous step as the run's own snapshot().
import type { RunEvent } from '../../engine/index.js';
import type { SeqListener } from './events.js';

/** Numbered fan-out of the events of live runs. */
export interface RunFeed {
  /** Numbers the event within its run and hands it to the run's listeners, in order. */
  publish(event: RunEvent): void;
  /** How many events the run has published; 0 for a run the feed does not know (or no longer does). */
  seqOf(runId: string): number;
  /** Calls `listener` for each later event of the run; returns the function that stops it. */
  listen(runId: string, listener: SeqListener): () => void;
}

interface Channel {
  seq: number;
  listeners: Set<SeqListener>;
  finished: boolean;
}

/** Creates an empty feed; one per process. */
export function createRunFeed(): RunFeed {
  const channels = new Map<string, Channel>();

  function channel(runId: string): Channel {
    let ch = channels.get(runId);
    if (!ch) {
      ch = { seq: 0, listeners: new Set(), finished: false };
      channels.set(runId, ch);
    }
    return ch;
  }

  function forget(runId: string, ch: Channel): void {
    if (ch.listeners.size === 0 && (ch.finished || ch.seq === 0) && channels.get(runId) === ch) channels.delete(runId);
  }

  return {
    publish(event) {
      const ch = channel(event.runId);
      const seq = ++ch.seq;
      if (event.type === 'runFinished') ch.finished = true;
      for (const listener of [...ch.listeners]) {
        try {
          listener(event, seq);
        } catch {
          // A listener must not stop the run or starve the others (each connection guards its own send).
        }
      }
      if (ch.finished) {
        ch.listeners.clear();
        forget(event.runId, ch);
      }
    },
    seqOf(runId) {
      return channels.get(runId)?.seq ?? 0;
    },
    listen(runId, listener) {
      const ch = channel(runId);
      if (ch.finished) return () => {};
      ch.listeners.add(listener);
      return () => {
        ch.listeners.delete(listener);
        forget(runId, ch);
      };
    },
  };
}
