import type { OutStream } from '../io.js';

const HIDE_CURSOR = '\x1b[?25l';
const SHOW_CURSOR = '\x1b[?25h';
/** Synchronized output: the terminal shows the frame at once instead of line by line (ignored if unknown). */
const BEGIN_SYNC = '\x1b[?2026h';
const END_SYNC = '\x1b[?2026l';
const CLEAR_TO_EOL = '\x1b[K';
const CLEAR_BELOW = '\x1b[J';

export interface LiveDisplayOptions {
  readonly out: OutStream;
  /** Draws the current state for a terminal of this size (see `renderFrame`). */
  readonly frame: (size: { columns: number; rows: number }) => string[];
  /** Starts a repeating timer; returns its stop function. */
  readonly every: (ms: number, fn: () => void) => () => void;
  /** Redraws per second at most. */
  readonly fps?: number;
}

/**
 * Draws frames in place: each redraw moves the cursor back up over the previous frame and overwrites
 * it. Frames are drawn on a timer (so at most `fps` a second however fast events arrive, and elapsed
 * times and countdowns keep moving while nothing happens), plus once at the start and once at the end.
 */
export class LiveDisplay {
  private linesDrawn = 0;
  private lastText = '';
  private stopTimer: (() => void) | undefined;
  private active = false;

  constructor(private readonly opts: LiveDisplayOptions) {}

  start(): void {
    if (this.active) return;
    this.active = true;
    this.opts.out.write(HIDE_CURSOR);
    this.draw();
    this.stopTimer = this.opts.every(Math.round(1000 / (this.opts.fps ?? 10)), () => this.draw());
  }

  /** Draws the final frame and gives the cursor back, below the frame. */
  finish(): void {
    if (!this.active) return;
    this.draw();
    this.stop();
  }

  /** Stops drawing where things are (a second Ctrl-C), leaving the last frame on screen. */
  abort(): void {
    if (this.active) this.stop();
  }

  private stop(): void {
    this.active = false;
    this.stopTimer?.();
    this.stopTimer = undefined;
    this.opts.out.write(SHOW_CURSOR);
  }

  private draw(): void {
    const out = this.opts.out;
    const lines = this.opts.frame({ columns: out.columns ?? 80, rows: out.rows ?? 24 });
    const text = lines.join('\n');
    if (text === this.lastText && lines.length === this.linesDrawn) return;
    this.lastText = text;
    let s = BEGIN_SYNC;
    if (this.linesDrawn > 0) s += `\x1b[${this.linesDrawn}A`;
    s += '\r';
    for (const line of lines) s += `${line}${CLEAR_TO_EOL}\n`;
    s += CLEAR_BELOW + END_SYNC;
    out.write(s);
    this.linesDrawn = lines.length;
  }
}
