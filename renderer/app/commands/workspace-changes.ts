// Which of the lists this window shows a pushed `workspaceChanged` concerns (the host sends them for the
// workspace this window watches: `workspaces.watch`), and the debounce that turns a burst of changes
// (a script creating fifty workflows, a run's start and end) into one fetch per list.
import type { ApiEvent, WorkspaceChangedEvent } from '../../../preload/contract.js';

/** The lists that follow changes made elsewhere. */
export type LiveList =
  /** The workflow list (and its tags). */
  | 'workflows'
  /** The open workflow's run history. */
  | 'runs'
  /** The error statistics (their scope may be the workspace or the open workflow). */
  | 'errors'
  /** The workspaces (names), the node types (policy, plugins). */
  | 'workspace';

/** What this window shows, as far as changes go. */
export interface ShownScope {
  readonly workspaceId: string | null;
  readonly workflowId: string | null;
}

/** How long a list waits for more changes before it fetches again. */
export const LIVE_REFRESH_MS = 300;

/** The event, when it is a change of the workspace shown. */
export function changeOfShownWorkspace(event: ApiEvent, shown: ShownScope): WorkspaceChangedEvent | null {
  if (event.type !== 'workspaceChanged') return null;
  // The host sends only the watched workspace's changes; one of another (a late event of the workspace
  // just left) must not refresh this one's lists.
  return shown.workspaceId !== null && event.workspaceId === shown.workspaceId ? event : null;
}

/** The lists a pushed event makes stale. */
export function listsConcerned(event: ApiEvent, shown: ShownScope): ReadonlySet<LiveList> {
  const change = changeOfShownWorkspace(event, shown);
  const lists = new Set<LiveList>();
  if (!change) return lists;
  switch (change.what) {
    case 'workflows':
      lists.add('workflows');
      // A deleted workflow takes its runs, and their errors, with it.
      lists.add('errors');
      break;
    case 'runs':
      lists.add('errors');
      if (change.workflowId === undefined || change.workflowId === shown.workflowId) lists.add('runs');
      break;
    case 'workspace':
      lists.add('workspace');
      break;
  }
  return lists;
}

/** A function that runs `fn` once, `ms` after the last of a burst of calls; `cancel` drops a pending run. */
export interface Debounced {
  (): void;
  cancel(): void;
}

export function debounce(
  fn: () => void,
  ms: number,
  timers: {
    set: (fn: () => void, ms: number) => unknown;
    clear: (handle: unknown) => void;
  } = {
    set: (f, delay) => setTimeout(f, delay),
    clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  },
): Debounced {
  let handle: unknown = null;
  const run = (() => {
    if (handle !== null) timers.clear(handle);
    handle = timers.set(() => {
      handle = null;
      fn();
    }, ms);
  }) as Debounced;
  run.cancel = () => {
    if (handle !== null) timers.clear(handle);
    handle = null;
  };
  return run;
}
