// News of the desktop app's backend process (the store, plugins and runs run there, apart from the
// window's main process; docs/desktop.md). If it dies, main restarts it and tells every window that has
// an API connection, on the bridge's one event channel (`onEvent`), next to run events and menu
// commands; a listener tells these apart with `isBackendStatusEvent`. Browser mode never sends them.
//
// - `crashed`: it ended unexpectedly. Calls that were waiting failed with BACKEND_CRASHED (nothing of
//   them can be assumed done or undone); a new backend is starting, and calls made now wait for it.
// - `restarted`: the new one is serving. Run subscriptions did not survive: subscribe again to a run
//   still shown (its record says how it ended: a run cut short is `interrupted`).
// - `unavailable`: it could not be started again (or crashed too often); calls answer
//   BACKEND_UNAVAILABLE until the app is restarted.

/** The `type` of a backend status event. */
export const BACKEND_STATUS_EVENT_TYPE = 'backendStatus';

export const BACKEND_STATUSES = ['crashed', 'restarted', 'unavailable'] as const;

export type BackendStatus = (typeof BACKEND_STATUSES)[number];

/** A backend status as it arrives through `onEvent`; `message` is for a person. */
export interface BackendStatusEvent {
  readonly type: typeof BACKEND_STATUS_EVENT_TYPE;
  readonly status: BackendStatus;
  readonly message: string;
}

/** The codes of calls failed by the backend process's state rather than by the call itself. */
export const BACKEND_CRASHED = 'BACKEND_CRASHED';
export const BACKEND_UNAVAILABLE = 'BACKEND_UNAVAILABLE';

const STATUSES = new Set<string>(BACKEND_STATUSES);

/** True when an event from `onEvent` is a backend status (and well formed). */
export function isBackendStatusEvent(value: unknown): value is BackendStatusEvent {
  if (value === null || typeof value !== 'object') return false;
  const event = value as Record<string, unknown>;
  return (
    event.type === BACKEND_STATUS_EVENT_TYPE &&
    typeof event.status === 'string' &&
    STATUSES.has(event.status) &&
    typeof event.message === 'string'
  );
}
