import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_WINDOW_STATE,
  fitToDisplays,
  loadWindowState,
  parseWindowState,
  saveWindowState,
  trackWindowState,
  WINDOW_STATE_FILE,
  type Rect,
} from './window-state.js';

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1050 };
const monitorRight: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('parseWindowState', () => {
  it('reads a saved state', () => {
    expect(parseWindowState('{"x":5,"y":6,"width":1000,"height":700,"maximized":true}')).toEqual({
      x: 5,
      y: 6,
      width: 1000,
      height: 700,
      maximized: true,
    });
  });

  it.each([
    undefined,
    '',
    'not json',
    'null',
    '[]',
    '{"width":"1000","height":700}',
    '{"width":10,"height":10}',
    '{"width":1e9,"height":700}',
  ])('gives the default for %s', (text) => expect(parseWindowState(text)).toEqual(DEFAULT_WINDOW_STATE));

  it('drops a position that is not a whole number', () => {
    expect(parseWindowState('{"x":1.5,"y":"2","width":1000,"height":700}')).toEqual({
      width: 1000,
      height: 700,
      maximized: false,
    });
  });
});

describe('fitToDisplays', () => {
  it('keeps a window that is on a display', () => {
    const state = { x: 2000, y: 100, width: 1200, height: 800, maximized: false };
    expect(fitToDisplays(state, [laptop, monitorRight])).toEqual(state);
  });

  it('centres a window whose display is gone, at a size that fits the primary display', () => {
    const state = { x: 2000, y: 100, width: 2400, height: 1300, maximized: true };
    expect(fitToDisplays(state, [laptop])).toEqual({ width: 1920, height: 1050, maximized: true });
  });

  it('centres a window of which only a sliver is visible', () => {
    const state = { x: 1900, y: 100, width: 1000, height: 700, maximized: false };
    expect(fitToDisplays(state, [laptop])).toEqual({ width: 1000, height: 700, maximized: false });
  });

  it('pulls a window that hangs off its display’s edge back onto it', () => {
    const state = { x: 1500, y: 900, width: 1000, height: 700, maximized: false };
    expect(fitToDisplays(state, [laptop])).toEqual({
      x: 920,
      y: 350,
      width: 1000,
      height: 700,
      maximized: false,
    });
  });

  it('leaves the state alone when no display is known', () => {
    const state = { x: 1, y: 2, width: 1000, height: 700, maximized: false };
    expect(fitToDisplays(state, [])).toBe(state);
  });
});

describe('saving and loading', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const temp = () => {
    const dir = mkdtempSync(join(tmpdir(), 'weft-window-'));
    dirs.push(dir);
    return dir;
  };

  it('round-trips through the user-data folder', () => {
    const dir = temp();
    expect(loadWindowState(dir)).toEqual(DEFAULT_WINDOW_STATE);
    const state = { x: 3, y: 4, width: 1111, height: 777, maximized: true };
    saveWindowState(dir, state);
    expect(JSON.parse(readFileSync(join(dir, WINDOW_STATE_FILE), 'utf8'))).toEqual(state);
    expect(loadWindowState(dir)).toEqual(state);
  });

  it('survives a corrupt file', () => {
    const dir = temp();
    writeFileSync(join(dir, WINDOW_STATE_FILE), '{"width": 12');
    expect(loadWindowState(dir)).toEqual(DEFAULT_WINDOW_STATE);
  });
});

describe('trackWindowState', () => {
  class FakeWindow extends EventEmitter {
    bounds: Rect = { x: 0, y: 0, width: 1000, height: 700 };
    maximized = false;
    destroyed = false;
    getNormalBounds = () => this.bounds;
    isMaximized = () => this.maximized;
    isDestroyed = () => this.destroyed;
  }

  it('saves once the window stops moving, and at close', () => {
    vi.useFakeTimers();
    try {
      const window = new FakeWindow();
      const saved: unknown[] = [];
      trackWindowState(window, (state) => saved.push(state), { delayMs: 100 });
      window.bounds = { x: 50, y: 60, width: 1000, height: 700 };
      window.emit('move');
      window.emit('move');
      vi.advanceTimersByTime(99);
      expect(saved).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(saved).toEqual([{ x: 50, y: 60, width: 1000, height: 700, maximized: false }]);

      window.maximized = true;
      window.emit('maximize');
      window.emit('close');
      expect(saved.at(-1)).toEqual({ x: 50, y: 60, width: 1000, height: 700, maximized: true });
      // Nothing changed since: nothing written again.
      window.emit('resize');
      vi.advanceTimersByTime(100);
      expect(saved).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports a failed save instead of throwing', () => {
    const window = new FakeWindow();
    const errors: unknown[] = [];
    const tracker = trackWindowState(
      window,
      () => {
        throw new Error('disk full');
      },
      { onError: (error) => errors.push(error) },
    );
    tracker.flush();
    expect(errors).toHaveLength(1);
  });
});
