// The app's life: one instance (a second start focuses the first one's window and exits), and one
// clean shutdown however the app is asked to quit (menu, closing the window, Ctrl+C in a terminal,
// the OS logging out): IPC closed, then the backend process stopped (it cancels and records running
// runs, stops the plugin runners and closes the database) — once, in that order, each step bounded in
// time so a stuck one cannot keep the app alive.

/** The part of Electron's `app` the single-instance lock uses. */
export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  on(event: 'second-instance', listener: () => void): unknown;
}

/**
 * Takes the single-instance lock. Returns false when another instance holds it: the caller quits at
 * once. Otherwise `onSecondInstance` runs each time a later start is turned away.
 */
export function claimSingleInstance(app: SingleInstanceApp, onSecondInstance: () => void): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', onSecondInstance);
  return true;
}

/** The part of a BrowserWindow that focusing uses. */
export interface FocusableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/** Brings the window to the front (restored if minimized); nothing when there is none. */
export function focusWindow(window: FocusableWindow | undefined): void {
  if (window === undefined || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

// The once-only, step-by-step shutdown is shared with the backend process (main/backend/shutdown.ts).
export { createShutdown, type ShutdownStep } from '../backend/shutdown.js';

/** The part of Electron's `app` that quitting uses. */
export interface QuittingApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
  quit(): void;
}

/**
 * Makes every quit go through `shutdown` first: the first `before-quit` is held until it has finished,
 * then the quit goes on. Closing the one window quits the app on every platform (it has one window per
 * start, so there is nothing left to show).
 */
export function quitThroughShutdown(app: QuittingApp, shutdown: () => Promise<void>): void {
  let finished = false;
  app.on('before-quit', (event) => {
    if (finished) return;
    event.preventDefault();
    void shutdown().then(() => {
      finished = true;
      app.quit();
    });
  });
  app.on('window-all-closed', () => app.quit());
}
