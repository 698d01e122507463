import { describe, expect, it } from 'vitest';
import { createFakeIo } from '../testing/fake-io.js';
import { LiveDisplay } from './live-display.js';

/** A display whose timer ticks only when the test says so. */
function setup(frames: () => string[]) {
  const io = createFakeIo({ tty: true, columns: 80, rows: 24 });
  let tick: (() => void) | undefined;
  let intervalMs = 0;
  const display = new LiveDisplay({
    out: io.stdout,
    frame: frames,
    every: (ms, fn) => {
      intervalMs = ms;
      tick = fn;
      return () => {
        tick = undefined;
      };
    },
  });
  return {
    io,
    display,
    tick: () => tick?.(),
    ticking: () => tick !== undefined,
    intervalMs: () => intervalMs,
  };
}

describe('LiveDisplay', () => {
  it('draws the first frame at once and redraws on a 100 ms timer (10 a second)', () => {
    let frame = ['a', 'b'];
    const t = setup(() => frame);
    t.display.start();
    expect(t.intervalMs()).toBe(100);
    expect(t.io.stdout.text).toBe('\x1b[?25l\x1b[?2026h\ra\x1b[K\nb\x1b[K\n\x1b[J\x1b[?2026l');
    t.io.stdout.text = '';
    frame = ['a', 'c'];
    t.tick();
    // Back up over the two lines drawn, then overwrite them.
    expect(t.io.stdout.text).toBe('\x1b[?2026h\x1b[2A\ra\x1b[K\nc\x1b[K\n\x1b[J\x1b[?2026l');
  });

  it('writes nothing when the frame did not change', () => {
    const t = setup(() => ['same']);
    t.display.start();
    t.io.stdout.text = '';
    t.tick();
    t.tick();
    expect(t.io.stdout.text).toBe('');
  });

  it('clears what is left below when a frame is shorter', () => {
    let frame = ['1', '2', '3'];
    const t = setup(() => frame);
    t.display.start();
    t.io.stdout.text = '';
    frame = ['1'];
    t.tick();
    expect(t.io.stdout.text).toContain('\x1b[3A\r1\x1b[K\n\x1b[J');
  });

  it('always draws the final frame, stops the timer and gives the cursor back', () => {
    let frame = ['running'];
    const t = setup(() => frame);
    t.display.start();
    frame = ['done'];
    t.display.finish();
    expect(t.io.stdout.text.endsWith('\x1b[1A\rdone\x1b[K\n\x1b[J\x1b[?2026l\x1b[?25h')).toBe(true);
    expect(t.ticking()).toBe(false);
    const before = t.io.stdout.text;
    t.display.finish();
    expect(t.io.stdout.text).toBe(before);
  });

  it('abort leaves the last frame and shows the cursor', () => {
    const t = setup(() => ['x']);
    t.display.start();
    t.display.abort();
    expect(t.io.stdout.text.endsWith('\x1b[?25h')).toBe(true);
    expect(t.ticking()).toBe(false);
  });
});
