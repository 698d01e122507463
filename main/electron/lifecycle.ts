// The app's life: one instance (a second start focuses the first one's window and exits), and one
// clean shutdown however the app is asked to quit (menu, closing the window, Ctrl+C in a terminal,
// the OS logging out): running runs are cancelled and recorded, plugin runners stopped, the database
// closed — once, in that order, each step bounded in time so a stuck one cannot keep the app alive.

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

/** One step of the shutdown. */
export interface ShutdownStep {
  readonly name: string;
  run(): unknown;
  /** How long the step may take (default 5 s); after that the next one starts regardless. */
  readonly timeoutMs?: number;
}

/** Runs the steps in order on the first call; every later call gets the same promise. Never rejects. */
export function createShutdown(
  steps: readonly ShutdownStep[],
  log: (message: string) => void = () => {},
): () => Promise<void> {
  let done: Promise<void> | undefined;
  async function runAll(): Promise<void> {
    for (const step of steps) {
      const timeoutMs = step.timeoutMs ?? 5_000;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      });
      try {
        const outcome = await Promise.race([Promise.resolve().then(() => step.run()), timedOut]);
        if (outcome === 'timeout')
          log(`weft: shutdown: ${step.name} took more than ${timeoutMs} ms; going on`);
      } catch (error) {
        // One failed step must not keep the database open: the rest still run.
        log(`weft: shutdown: ${step.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        clearTimeout(timer);
      }
    }
  }
  return () => (done ??= runAll());
}

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
