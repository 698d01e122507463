// The open workflow's versions, newest first, a page at a time (`workflows.versions`). Fetched again
// when the workflow or its saved version changes (a save, a restore, another workflow opened).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { VersionSummary } from '../../../preload/contract.js';
import { errorMessage } from '../../api/client.js';
import { useApiClient } from '../../app/app-context.js';
import { useUiStore } from '../../stores/ui.store.js';

const PAGE = 50;

export interface VersionsState {
  readonly items: readonly VersionSummary[];
  readonly nextCursor: string | null;
  readonly loading: boolean;
  readonly error: string | null;
}

const EMPTY: VersionsState = { items: [], nextCursor: null, loading: false, error: null };

export function useVersions(workflowId: string | null): VersionsState & { loadMore(): void } {
  const client = useApiClient();
  const workspaceId = useUiStore((s) => s.workspaceId);
  const savedVersion = useUiStore((s) => s.version);
  const [state, setState] = useState<VersionsState>(EMPTY);
  // Answers for an older workflow or version are dropped.
  const request = useRef(0);

  const fetchPage = useCallback(
    async (cursor: string | null) => {
      if (!workspaceId || !workflowId) return;
      const id = ++request.current;
      setState((s) => ({ ...(cursor ? s : EMPTY), loading: true, error: null }));
      try {
        const page = await client.invoke('workflows.versions', {
          workspaceId,
          workflowId,
          limit: PAGE,
          ...(cursor ? { cursor } : {}),
        });
        if (id !== request.current) return;
        setState((s) => ({
          items: cursor ? [...s.items, ...page.items] : page.items,
          nextCursor: page.nextCursor,
          loading: false,
          error: null,
        }));
      } catch (err) {
        if (id === request.current) setState((s) => ({ ...s, loading: false, error: errorMessage(err) }));
      }
    },
    [client, workspaceId, workflowId],
  );

  useEffect(() => {
    if (!workflowId) {
      request.current++;
      setState(EMPTY);
      return;
    }
    void fetchPage(null);
  }, [fetchPage, workflowId, savedVersion]);

  const loadMore = useCallback(() => {
    if (state.nextCursor && !state.loading) void fetchPage(state.nextCursor);
  }, [fetchPage, state.nextCursor, state.loading]);

  return { ...state, loadMore };
}
