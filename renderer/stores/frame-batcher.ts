// Collects items and hands them over in one batch per animation frame, so a run that emits thousands
// of events per second costs at most one store update (and one render) per frame.

/** Runs `fn` at the next frame; answers a function that cancels it. */
export type FrameScheduler = (fn: () => void) => () => void;

/**
 * requestAnimationFrame, with a timer as a fallback: a hidden tab gets no frames, and its events must
 * still be applied (bounded) rather than pile up.
 */
export const animationFrameScheduler: FrameScheduler = (fn) => {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    fn();
  };
  const frame = requestAnimationFrame(once);
  const timer = setTimeout(once, 250);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
};

export interface FrameBatcher<T> {
  push(item: T): void;
  /** Applies what is queued now (before reading the store in a test, or when leaving). */
  flush(): void;
  /** Drops what is queued and stops. */
  dispose(): void;
}

export function createFrameBatcher<T>(
  apply: (items: T[]) => void,
  schedule: FrameScheduler,
): FrameBatcher<T> {
  let queue: T[] = [];
  let cancel: (() => void) | null = null;

  function flush(): void {
    cancel?.();
    cancel = null;
    if (queue.length === 0) return;
    const items = queue;
    queue = [];
    apply(items);
  }

  return {
    push(item) {
      queue.push(item);
      cancel ??= schedule(flush);
    },
    flush,
    dispose() {
      cancel?.();
      cancel = null;
      queue = [];
    },
  };
}
