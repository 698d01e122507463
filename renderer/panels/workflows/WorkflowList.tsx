// The workspace's workflows: search, sort, open on click (asking first when edits are unsaved).
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useCommands } from '../../app/app-context.js';
import { useUiStore } from '../../stores/ui.store.js';
import { useWorkspaceStore, type WorkflowSort } from '../../stores/workspace.store.js';

const SEARCH_DELAY_MS = 200;

function useDebouncedSearch(refresh: () => Promise<void>) {
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

export function WorkflowList() {
  const { workspaces, workflows: commands } = useCommands();
  const { workflows, nextCursor, sort, loading } = useWorkspaceStore(
    useShallow((s) => ({
      workflows: s.workflows,
      nextCursor: s.nextCursor,
      sort: s.sort,
      loading: s.listLoading,
    })),
  );
  const { openId, dirty } = useUiStore(useShallow((s) => ({ openId: s.workflowId, dirty: s.dirty })));
  const [text, setText] = useDebouncedSearch(workspaces.refreshWorkflows);

  return (
    <div className="workflow-panel">
      <div className="panel-row">
        <input
          type="search"
          className="panel-search"
          placeholder="Search workflows"
          aria-label="Search workflows"
          data-testid="workflow-search"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <select
          aria-label="Sort workflows"
          data-testid="workflow-sort"
          value={sort}
          onChange={(e) => {
            useWorkspaceStore.getState().setSort(e.target.value as WorkflowSort);
            void workspaces.refreshWorkflows();
          }}
        >
          <option value="updated">Recent</option>
          <option value="name">Name</option>
        </select>
      </div>
      <ul className="workflow-list panel-scroll" data-testid="workflow-list" aria-busy={loading}>
        {workflows.map((w) => (
          <li key={w.id}>
            <button
              type="button"
              className={`workflow-item${w.id === openId ? ' current' : ''}`}
              data-testid={`workflow-item-${w.id}`}
              aria-current={w.id === openId ? 'true' : undefined}
              title={w.description || w.name}
              onClick={() => w.id !== openId && commands.guardUnsaved(() => commands.openWorkflow(w.id))}
            >
              <span className="workflow-item-name">
                {w.name}
                {w.id === openId && dirty ? ' •' : ''}
              </span>
              <span className="muted workflow-item-meta">
                v{w.version} · {new Date(w.updatedAt).toLocaleString()}
              </span>
            </button>
          </li>
        ))}
        {!loading && workflows.length === 0 && <li className="muted panel-note">No workflows yet.</li>}
      </ul>
      {nextCursor && (
        <button type="button" className="load-more" onClick={() => void workspaces.loadMoreWorkflows()}>
          Load more
        </button>
      )}
    </div>
  );
}
