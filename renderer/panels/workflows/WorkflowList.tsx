// The workspace's workflows: search, tag filter, sort, pages fetched as the list scrolls (or with
// "Load more"); each entry opens (asking first when edits are unsaved), renames, duplicates, deletes.
import { useCallback, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { WorkflowSummary } from '../../../preload/contract.js';
import { useApiClient, useCommands } from '../../app/app-context.js';
import { useUiStore } from '../../stores/ui.store.js';
import { useWorkspaceStore, type WorkflowSort } from '../../stores/workspace.store.js';
import {
  useDebouncedSearch,
  useKnownTags,
  useLoadMoreWhenVisible,
  useNow,
  useRefreshWhenOpenIsNewer,
} from './use-list-hooks.js';
import { createWorkflowActions } from './workflow-actions.js';
import { visibleWorkflows } from './workflow-list-model.js';
import { WorkflowListItem, type WorkflowItemHandlers } from './WorkflowListItem.js';
import './workflows.css';
import { EXAMPLES } from './examples.js';
import { selectIsDirty, useDocumentStore } from '../../stores/document.store.js';

function useItemHandlers(): WorkflowItemHandlers {
  const client = useApiClient();
  const commands = useCommands();
  return useMemo(() => {
    const actions = createWorkflowActions(client, commands);
    const { workflows } = commands;
    return {
      open: (w: WorkflowSummary) => {
        if (w.id !== useUiStore.getState().workflowId)
          workflows.guardUnsaved(() => workflows.openWorkflow(w.id));
      },
      rename: (w, name) => void actions.rename(w, name),
      duplicate: (w) => void actions.duplicate(w),
      remove: (w) => actions.confirmDelete(w),
      filterByTag: (tag) => {
        const store = useWorkspaceStore.getState();
        store.setTag(store.tag === tag ? null : tag);
        void commands.workspaces.refreshWorkflows();
      },
    };
  }, [client, commands]);
}

function FilterBar({ refresh }: { refresh: () => Promise<void> }) {
  const { sort, tag } = useWorkspaceStore(useShallow((s) => ({ sort: s.sort, tag: s.tag })));
  const [text, setText] = useDebouncedSearch(refresh);
  const tags = useKnownTags();
  return (
    <div className="workflow-filters">
      <input
        type="search"
        className="panel-search"
        placeholder="Search workflows"
        aria-label="Search workflows"
        data-testid="workflow-search"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="panel-row">
        <select
          aria-label="Filter by tag"
          data-testid="workflow-tag-filter"
          value={tag ?? ''}
          disabled={tags.length === 0 && tag === null}
          onChange={(e) => {
            useWorkspaceStore.getState().setTag(e.target.value || null);
            void refresh();
          }}
        >
          <option value="">{tags.length === 0 ? 'No tags' : 'All tags'}</option>
          {tags.map((t) => (
            <option key={t} value={t}>
              #{t}
            </option>
          ))}
        </select>
        <select
          aria-label="Sort workflows"
          data-testid="workflow-sort"
          value={sort}
          onChange={(e) => {
            useWorkspaceStore.getState().setSort(e.target.value as WorkflowSort);
            void refresh();
          }}
        >
          <option value="updated">Recent</option>
          <option value="name">Name</option>
        </select>
      </div>
    </div>
  );
}

export function WorkflowList() {
  const { workspaces, workflows: commands } = useCommands();
  const { workflows, nextCursor, loading, search, tag } = useWorkspaceStore(
    useShallow((s) => ({
      workflows: s.workflows,
      nextCursor: s.nextCursor,
      loading: s.listLoading,
      search: s.search,
      tag: s.tag,
    })),
  );
  const openId = useUiStore((s) => s.workflowId);
  const dirty = useDocumentStore(selectIsDirty);
  const shown = useMemo(() => visibleWorkflows(workflows, { search, tag }), [workflows, search, tag]);
  const handlers = useItemHandlers();
  const now = useNow();
  const loadMore = useCallback(() => workspaces.loadMoreWorkflows(), [workspaces]);
  const sentinel = useLoadMoreWhenVisible(loadMore, workflows.length);
  useRefreshWhenOpenIsNewer(workspaces.refreshWorkflows);
  const filtered = search.trim() !== '' || tag !== null;

  return (
    <div className="workflow-panel">
      <FilterBar refresh={workspaces.refreshWorkflows} />
      <ul className="workflow-list panel-scroll" data-testid="workflow-list" aria-busy={loading}>
        {shown.map((w) => (
          <WorkflowListItem
            key={w.id}
            workflow={w}
            isOpen={w.id === openId}
            isDirty={w.id === openId && dirty}
            activeTag={tag}
            now={now}
            handlers={handlers}
          />
        ))}
        {!loading && shown.length === 0 && (
          <li className="muted panel-note">
            {filtered ? 'No workflow matches.' : 'No workflows yet. Build one and save it.'}
          </li>
        )}
        <li ref={sentinel} className="workflow-list-end" aria-hidden="true" />
      </ul>
      <div className="workflow-list-footer">
        <button
          type="button"
          data-testid="workflow-list-new"
          title="New workflow"
          onClick={() => commands.guardUnsaved(() => commands.newWorkflow())}
        >
          + New workflow
        </button>
        <select
          className="workflow-examples"
          data-testid="workflow-examples"
          aria-label="Start from an example"
          value=""
          onChange={(e) => {
            const chosen = EXAMPLES.find((x) => x.fileName === e.target.value);
            if (chosen) void commands.importText(chosen.fileName, chosen.text);
          }}
        >
          <option value="" disabled>
            Examples…
          </option>
          {EXAMPLES.map((x) => (
            <option key={x.fileName} value={x.fileName}>
              {x.name}
            </option>
          ))}
        </select>
        {nextCursor && (
          <button
            type="button"
            className="load-more"
            data-testid="workflow-load-more"
            disabled={loading}
            onClick={() => void loadMore()}
          >
            {loading ? 'Loading…' : 'Load more'}
          </button>
        )}
      </div>
    </div>
  );
}
