interface Queue {
  nodes: number[];
  tokens: number[];
  deadlines: number[];
  head: number;
  tail: number;
}

/**
 * Attempt deadlines of one run, behind a single timer. Starting a timer per node would cost more than
 * running a small node, so attempts are queued by their timeout (deadlines within one queue grow with
 * start time) and one timer is armed for the earliest deadline. Finished attempts are dropped lazily.
 */
export class DeadlineQueue {
  private readonly queues = new Map<number, Queue>();
  /** The queue used last: nearly every node of a run shares one timeout, so this saves a lookup. */
  private lastTimeout = -1;
  private lastQueue: Queue | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private armedFor = Infinity;
  private closed = false;

  constructor(
    private readonly now: () => number,
    /** Whether attempt `token` of `node` is still running. */
    private readonly isActive: (node: number, token: number) => boolean,
    /** Called for each attempt whose deadline passed while it was still running. */
    private readonly onExpired: (node: number, token: number) => void,
  ) {}

  private queue(timeoutMs: number): Queue | undefined {
    if (timeoutMs === this.lastTimeout) return this.lastQueue;
    const q = this.queues.get(timeoutMs);
    if (q) {
      this.lastTimeout = timeoutMs;
      this.lastQueue = q;
    }
    return q;
  }

  add(node: number, token: number, timeoutMs: number, startedAt: number): void {
    let q = this.queue(timeoutMs);
    if (!q) {
      q = { nodes: [], tokens: [], deadlines: [], head: 0, tail: 0 };
      this.queues.set(timeoutMs, q);
    }
    const deadline = startedAt + timeoutMs;
    // Slots are reused once the queue drains, so a chain of nodes does not grow or shrink arrays.
    q.nodes[q.tail] = node;
    q.tokens[q.tail] = token;
    q.deadlines[q.tail] = deadline;
    q.tail++;
    if (deadline < this.armedFor) this.arm(deadline);
  }

  /** Drops finished attempts from the front of the queue for `timeoutMs`, keeping it short. */
  compact(timeoutMs: number): void {
    const q = this.queue(timeoutMs);
    if (!q) return;
    while (q.head < q.tail && !this.isActive(q.nodes[q.head]!, q.tokens[q.head]!)) q.head++;
    if (q.head === q.tail) q.head = q.tail = 0;
  }

  /** Stops the timer for good; the run is over. */
  close(): void {
    this.closed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.queues.clear();
    this.lastQueue = undefined;
    this.lastTimeout = -1;
  }

  private arm(deadline: number): void {
    if (this.closed) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.armedFor = deadline;
    this.timer = setTimeout(() => this.fire(), Math.max(0, deadline - this.now()));
  }

  private fire(): void {
    this.timer = undefined;
    this.armedFor = Infinity;
    const now = this.now();
    let next = Infinity;
    for (const q of this.queues.values()) {
      while (q.head < q.tail) {
        const node = q.nodes[q.head]!;
        const token = q.tokens[q.head]!;
        if (!this.isActive(node, token)) {
          q.head++;
          continue;
        }
        // Timers may fire a little early; anything within a millisecond counts as due.
        if (q.deadlines[q.head]! > now + 1) {
          next = Math.min(next, q.deadlines[q.head]!);
          break;
        }
        q.head++;
        this.onExpired(node, token);
        if (this.closed) return;
      }
    }
    if (next !== Infinity) this.arm(next);
  }
}
