// Loads the error statistics (`runs.errorStats`) for the chosen scope and window, and for the open
// workflow its recent runs for the trend; again whenever a run of the workspace finishes, here or
// elsewhere (the host's `workspaceChanged`), or a workflow (with its runs) is deleted.
import { useCallback, useEffect, useRef, useState } from 'react';
import { MAX_PAGE, type ErrorStats, type RunSummary } from '../../../preload/contract.js';
import type { WeftClient } from '../../api/client.js';
import { errorMessage } from '../../api/client.js';
import { debounce, LIVE_REFRESH_MS, listsConcerned } from '../../app/commands/workspace-changes.js';
import { isFinished } from '../../stores/run-fold.js';
import { useRunStore } from '../../stores/run.store.js';

export interface ErrorStatsQuery {
  readonly workspaceId: string | null;
  /** The workflow to look at, or null for the whole workspace. */
  readonly workflowId: string | null;
  readonly runs: number;
}

export interface ErrorStatsData {
  readonly stats: ErrorStats | null;
  /** The workflow's recent runs, newest first; null for the workspace scope. */
  readonly recentRuns: readonly RunSummary[] | null;
  readonly loading: boolean;
  readonly error: string | null;
}

export function useErrorStats(client: WeftClient, query: ErrorStatsQuery) {
  const [data, setData] = useState<ErrorStatsData>({ stats: null, recentRuns: null, loading: false, error: null });
  const request = useRef(0);
  const { workspaceId, workflowId, runs } = query;

  const load = useCallback(async () => {
    const ticket = ++request.current;
    if (!workspaceId) return;
    setData((d) => ({ ...d, loading: true }));
    try {
      const [stats, page] = await Promise.all([
        client.invoke('runs.errorStats', { workspaceId, runs, ...(workflowId ? { workflowId } : {}) }),
        workflowId
          ? client.invoke('runs.list', { workspaceId, workflowId, limit: Math.min(MAX_PAGE, runs) })
          : Promise.resolve(null),
      ]);
      if (ticket !== request.current) return;
      setData({ stats, recentRuns: page?.items ?? null, loading: false, error: null });
    } catch (err) {
      if (ticket !== request.current) return;
      setData((d) => ({ ...d, loading: false, error: errorMessage(err) }));
    }
  }, [client, workspaceId, workflowId, runs]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    const refresh = debounce(() => void load(), LIVE_REFRESH_MS);
    const stopRuns = useRunStore.subscribe((s, prev) => {
      if (s.runId === prev.runId && isFinished(s.status) && !isFinished(prev.status)) refresh();
    });
    const stopChanges = client.onEvent((event) => {
      // Any run of the workspace may count, whatever the scope: a workflow-wide view refreshes a little
      // more often than it needs to, never less.
      if (listsConcerned(event, { workspaceId, workflowId }).has('errors')) refresh();
    });
    return () => {
      stopRuns();
      stopChanges();
      refresh.cancel();
    };
  }, [client, load, workspaceId, workflowId]);

  return { data, refresh: load };
}
