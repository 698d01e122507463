// News of changes to workspaces, for the lists a window shows (workflows, run history, error
// statistics) to follow what other windows and scripts do. Every change is published here once, by the
// dispatch after a successful call (see call-changes.ts) or by the runs service when a run starts or
// ends; each connection hears the one workspace it watches (`workspaces.watch`) and nothing of any
// other: a tenant's changes never reach a connection looking at another tenant.
import type { WorkspaceChangedEvent } from '../../preload/contract.js';

/** A change as published: the event without its type. */
export type WorkspaceChange = Omit<WorkspaceChangedEvent, 'type'>;

export type WorkspaceChangeListener = (event: WorkspaceChangedEvent) => void;

/** The process's fan-out of workspace changes, by workspace. */
export interface WorkspaceChanges {
  /** Hands the change to the listeners of its workspace, and to no other. */
  publish(change: WorkspaceChange): void;
  /** Calls `listener` with each later change of the workspace; returns the function that stops it. */
  listen(workspaceId: string, listener: WorkspaceChangeListener): () => void;
}

export function createWorkspaceChanges(): WorkspaceChanges {
  const byWorkspace = new Map<string, Set<WorkspaceChangeListener>>();
  return {
    publish(change) {
      const listeners = byWorkspace.get(change.workspaceId);
      if (!listeners) return;
      const event: WorkspaceChangedEvent = { type: 'workspaceChanged', ...change };
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch {
          // One connection's failing send must not keep the others (or the call that changed) from going on.
        }
      }
    },
    listen(workspaceId, listener) {
      let listeners = byWorkspace.get(workspaceId);
      if (!listeners) byWorkspace.set(workspaceId, (listeners = new Set()));
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && byWorkspace.get(workspaceId) === listeners) byWorkspace.delete(workspaceId);
      };
    },
  };
}

/** The workspace one connection watches: at most one at a time. */
export interface WorkspaceWatch {
  /** Watches `workspaceId` from now on, instead of the one watched before. */
  watch(workspaceId: string): void;
  /** Stops watching (the connection closed). */
  close(): void;
  /** The workspace watched, or null. */
  readonly workspaceId: string | null;
}

export function createWorkspaceWatch(
  changes: WorkspaceChanges,
  send: (event: WorkspaceChangedEvent) => void,
): WorkspaceWatch {
  let watched: string | null = null;
  let stop: () => void = () => {};
  let closed = false;
  const api: WorkspaceWatch = {
    watch(workspaceId) {
      if (closed) return;
      stop();
      watched = workspaceId;
      stop = changes.listen(workspaceId, (event) => {
        try {
          send(event);
        } catch {
          // The connection is gone: it hears nothing more.
          api.close();
        }
      });
    },
    close() {
      closed = true;
      stop();
      stop = () => {};
      watched = null;
    },
    get workspaceId() {
      return watched;
    },
  };
  return api;
}
