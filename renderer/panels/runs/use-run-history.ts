// The open workflow's runs, newest first, a page at a time; refreshed when the workflow changes and
// whenever a run of it starts, finishes or is deleted: here (the run store says so) or elsewhere (the
// host's `workspaceChanged`), coalescing bursts into one call that keeps the pages loaded.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { MAX_PAGE, type RunSummary } from '../../../preload/contract.js';
import type { WeftClient } from '../../api/client.js';
import { errorMessage } from '../../api/client.js';
import { debounce, LIVE_REFRESH_MS, listsConcerned } from '../../app/commands/workspace-changes.js';
import { isFinished } from '../../stores/run-fold.js';
import { useRunStore } from '../../stores/run.store.js';
import { useUiStore } from '../../stores/ui.store.js';
import { mergeRunPages } from './run-history-model.js';

const PAGE = 30;

export interface RunHistory {
  readonly items: readonly RunSummary[];
  readonly nextCursor: string | null;
  readonly loading: boolean;
  readonly error: string | null;
  readonly workflowId: string | null;
}

const EMPTY: RunHistory = { items: [], nextCursor: null, loading: false, error: null, workflowId: null };

export function useRunHistory(client: WeftClient) {
  const { workspaceId, workflowId } = useUiStore(
    useShallow((s) => ({ workspaceId: s.workspaceId, workflowId: s.workflowId })),
  );
  const [history, setHistory] = useState<RunHistory>(EMPTY);
  const shown = useRef(history);
  shown.current = history;
  // An answer for an older request (another workflow, an earlier refresh) is dropped.
  const request = useRef(0);

  const load = useCallback(
    async (cursor: string | null) => {
      const ticket = ++request.current;
      if (!workspaceId || !workflowId) {
        setHistory({ ...EMPTY });
        return;
      }
      setHistory((h) => ({ ...h, loading: true, workflowId }));
      // A refresh asks for as many rows as are listed, so loaded pages stay listed.
      const limit = cursor ? PAGE : Math.min(MAX_PAGE, Math.max(PAGE, shown.current.items.length));
      try {
        const page = await client.invoke('runs.list', {
          workspaceId,
          workflowId,
          limit,
          ...(cursor ? { cursor } : {}),
        });
        if (ticket !== request.current) return;
        setHistory((h) => ({
          items: mergeRunPages(h.workflowId === workflowId ? h.items : [], page.items, cursor === null),
          nextCursor: page.nextCursor,
          loading: false,
          error: null,
          workflowId,
        }));
      } catch (err) {
        if (ticket !== request.current) return;
        setHistory((h) => ({ ...h, loading: false, error: errorMessage(err) }));
      }
    },
    [client, workspaceId, workflowId],
  );

  useEffect(() => {
    setHistory({ ...EMPTY, workflowId });
    void load(null);
  }, [load, workflowId]);

  useEffect(() => {
    // One refresh for a run this window started and the host's news of the same run.
    const refresh = debounce(() => void load(null), LIVE_REFRESH_MS);
    const stopRuns = useRunStore.subscribe((s, prev) => {
      if (!workflowId || s.workflowId !== workflowId) return;
      const started = s.runId !== null && s.runId !== prev.runId;
      const ended = s.runId === prev.runId && isFinished(s.status) && !isFinished(prev.status);
      if (started || ended) refresh();
    });
    const stopChanges = client.onEvent((event) => {
      if (workflowId && listsConcerned(event, { workspaceId, workflowId }).has('runs')) refresh();
    });
    return () => {
      stopRuns();
      stopChanges();
      refresh.cancel();
    };
  }, [client, load, workspaceId, workflowId]);

  const remove = useCallback(
    (runId: string) => setHistory((h) => ({ ...h, items: h.items.filter((r) => r.id !== runId) })),
    [],
  );

  return {
    history,
    refresh: () => load(null),
    loadMore: () => (history.nextCursor ? load(history.nextCursor) : Promise.resolve()),
    remove,
  };
}
