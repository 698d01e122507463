// Small hooks of the workflow list: the debounced search, the tags seen so far, the clock for relative
// times, and loading the next page when the end of the list scrolls into view.
import { useEffect, useRef, useState } from 'react';
import { useUiStore } from '../../stores/ui.store.js';
import { useWorkspaceStore } from '../../stores/workspace.store.js';
import { collectTags, shouldLoadMore } from './workflow-list-model.js';

const SEARCH_DELAY_MS = 200;
const CLOCK_MS = 30_000;

export function useDebouncedSearch(refresh: () => Promise<void>) {
  const search = useWorkspaceStore((s) => s.search);
  const [text, setText] = useState(search);
  useEffect(() => {
    if (text === useWorkspaceStore.getState().search) return;
    const timer = setTimeout(() => {
      useWorkspaceStore.getState().setSearch(text);
      void refresh();
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, refresh]);
  return [text, setText] as const;
}

/** Every tag seen in the open workspace's lists (a filtered answer alone would narrow the choice). */
export function useKnownTags(): string[] {
  const workspaceId = useUiStore((s) => s.workspaceId);
  const workflows = useWorkspaceStore((s) => s.workflows);
  const [known, setKnown] = useState<{ workspaceId: string | null; tags: string[] }>({
    workspaceId,
    tags: [],
  });
  const base = known.workspaceId === workspaceId ? known.tags : [];
  const tags = collectTags(base, workflows);
  // Derived state kept across renders: React re-renders at once, and collectTags answers `base`
  // itself when nothing is new, so this settles.
  if (tags !== known.tags || known.workspaceId !== workspaceId) setKnown({ workspaceId, tags });
  return tags;
}

/** Now, refreshed every half minute so "2 min ago" keeps counting. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), CLOCK_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** A ref for an element at the end of the list: when it becomes visible, the next page is fetched. */
export function useLoadMoreWhenVisible(loadMore: () => Promise<void>, itemCount: number) {
  const sentinel = useRef<HTMLLIElement | null>(null);
  useEffect(() => {
    const element = sentinel.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      const { nextCursor, listLoading } = useWorkspaceStore.getState();
      if (entries.some((e) => e.isIntersecting) && shouldLoadMore({ nextCursor, loading: listLoading })) {
        void loadMore();
      }
    });
    observer.observe(element);
    return () => observer.disconnect();
    // A new observer per page: one that stays in view after a page arrived is reported again.
  }, [loadMore, itemCount]);
  return sentinel;
}

/**
 * Fetches the list again when the open workflow's saved version differs from its entry: it was saved
 * elsewhere (another window) and reloaded here. The editor's own saves update the entry directly.
 */
export function useRefreshWhenOpenIsNewer(refresh: () => Promise<void>): void {
  const openId = useUiStore((s) => s.workflowId);
  const savedVersion = useUiStore((s) => s.version);
  const listed = useWorkspaceStore((s) => s.workflows.find((w) => w.id === openId)?.version);
  useEffect(() => {
    if (listed !== undefined && savedVersion !== null && listed < savedVersion) void refresh();
  }, [listed, savedVersion, refresh]);
}
