// One clean shutdown, however it is asked for: steps run once, in order, each bounded in time so that a
// stuck one cannot keep the process alive, and a failed one cannot keep the later ones (closing the
// database) from running. Used by the desktop app's main process (lifecycle.ts) and by the backend
// process (backend.ts), so it imports nothing of Electron.

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
