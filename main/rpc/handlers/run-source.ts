// Where connections' run subscriptions read runs: a live run from the runs service (its snapshot and
// event count read in one synchronous step), else its stored record, so a subscriber arriving after the
// run finished still gets its final state (and no events, since a finished run emits none).
import { NotFoundError } from '../../errors.js';
import type { RunsService } from '../../services/runs.service.js';
import type { RunEventSource } from '../events.js';
import type { RunFeed } from '../run-feed.js';
import { storedSnapshot } from './convert.js';

export function createRunEventSource(runs: RunsService, feed: RunFeed): RunEventSource {
  return {
    snapshotOf(workspaceId, runId) {
      const live = runs.snapshotOf(workspaceId, runId);
      if (live) return live;
      try {
        return { snapshot: storedSnapshot(runs.get(workspaceId, runId)), seq: feed.seqOf(runId) };
      } catch (error) {
        if (error instanceof NotFoundError) return undefined;
        throw error;
      }
    },
    listen: (runId, listener) => feed.listen(runId, listener),
  };
}
