/**
 * Attempt deadlines of one run, behind a single timer. A timer per attempt would cost more than
 * running a small node, so each running attempt only writes its deadline into a per-node slot, and one
 * timer is armed for the earliest deadline seen. When it fires it scans the slots: rare (a deadline is
 * seconds away for most nodes), so a scan of a 10,000-node run costs less than one timer per node.
 */
export class DeadlineQueue {
  private deadlines: Float64Array;
  /** Attempt token per node slot; 0 when the slot is empty. */
  private tokens: Float64Array;
  private highest = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private armedFor = Infinity;
  private closed = false;

  constructor(
    private readonly now: () => number,
    /** Whether attempt `token` of `node` is still running. */
    private readonly isActive: (node: number, token: number) => boolean,
    /** Called for each attempt whose deadline passed while it was still running. */
    private readonly onExpired: (node: number, token: number) => void,
    capacity = 16,
  ) {
    this.deadlines = new Float64Array(Math.max(1, capacity));
    this.tokens = new Float64Array(Math.max(1, capacity));
  }

  /** Registers attempt `token` (a positive number) of `node`, started at `startedAt`. */
  add(node: number, token: number, timeoutMs: number, startedAt: number): void {
    if (node >= this.tokens.length) this.grow(node);
    const deadline = startedAt + timeoutMs;
    this.deadlines[node] = deadline;
    this.tokens[node] = token;
    if (node > this.highest) this.highest = node;
    if (deadline < this.armedFor) this.arm(deadline);
  }

  /** Forgets a node's attempt once it ended; optional, since ended attempts are skipped anyway. */
  clear(node: number): void {
    if (node < this.tokens.length) this.tokens[node] = 0;
  }

  /** Stops the timer for good; the run is over. */
  close(): void {
    this.closed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private grow(node: number): void {
    const size = Math.max(node + 1, this.tokens.length * 2);
    const deadlines = new Float64Array(size);
    const tokens = new Float64Array(size);
    deadlines.set(this.deadlines);
    tokens.set(this.tokens);
    this.deadlines = deadlines;
    this.tokens = tokens;
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
    const due: number[] = [];
    let next = Infinity;
    for (let node = 0; node <= this.highest; node++) {
      const token = this.tokens[node]!;
      if (token === 0) continue;
      if (!this.isActive(node, token)) {
        this.tokens[node] = 0;
        continue;
      }
      const deadline = this.deadlines[node]!;
      // Timers may fire a little early; anything within a millisecond counts as due.
      if (deadline <= now + 1) due.push(node);
      else if (deadline < next) next = deadline;
    }
    due.sort((a, b) => this.deadlines[a]! - this.deadlines[b]! || a - b);
    for (const node of due) {
      const token = this.tokens[node]!;
      this.tokens[node] = 0;
      this.onExpired(node, token);
      if (this.closed) return;
    }
    if (next !== Infinity) this.arm(next);
  }
}
