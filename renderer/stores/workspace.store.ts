// The lists around the document: the workspaces, and the open workspace's workflows with the list's
// search and sort. Filled by the workflow commands (app/commands/), read by the header and sidebar.
import { create } from 'zustand';
import type { Workspace, WorkflowSummary } from '../../preload/contract.js';

export type WorkflowSort = 'updated' | 'name';

export interface WorkspaceState {
  readonly workspaces: readonly Workspace[];
  readonly workflows: readonly WorkflowSummary[];
  /** Cursor of the list's next page, null on the last. */
  readonly nextCursor: string | null;
  readonly search: string;
  readonly sort: WorkflowSort;
  /** Only workflows with this tag (`workflows.list`'s `tag`); null for all. */
  readonly tag: string | null;
  readonly listLoading: boolean;
  setWorkspaces(workspaces: readonly Workspace[]): void;
  /** A first page (`append` false) or a further one. */
  setWorkflows(items: readonly WorkflowSummary[], nextCursor: string | null, append: boolean): void;
  setSearch(search: string): void;
  setSort(sort: WorkflowSort): void;
  setTag(tag: string | null): void;
  setListLoading(loading: boolean): void;
  /** Puts a saved workflow's summary into the list without a round trip. */
  upsertWorkflow(summary: WorkflowSummary): void;
  removeWorkflow(id: string): void;
}

export const useWorkspaceStore = create<WorkspaceState>()((set, get) => ({
  workspaces: [],
  workflows: [],
  nextCursor: null,
  search: '',
  sort: 'updated',
  tag: null,
  listLoading: false,
  setWorkspaces: (workspaces) => set({ workspaces }),
  setWorkflows: (items, nextCursor, append) =>
    set({ workflows: append ? [...get().workflows, ...items] : items, nextCursor }),
  setSearch: (search) => set({ search }),
  setSort: (sort) => set({ sort }),
  setTag: (tag) => set({ tag }),
  setListLoading: (listLoading) => set({ listLoading }),
  upsertWorkflow(summary) {
    const { id, name, description, tags, version, createdAt, updatedAt } = summary;
    const plain: WorkflowSummary = { id, name, description, tags, version, createdAt, updatedAt };
    const others = get().workflows.filter((w) => w.id !== id);
    set({
      workflows:
        get().sort === 'updated'
          ? [plain, ...others]
          : [...others, plain].sort((a, b) => a.name.localeCompare(b.name)),
    });
  },
  removeWorkflow: (id) => set({ workflows: get().workflows.filter((w) => w.id !== id) }),
}));
