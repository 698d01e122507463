// The window's size and position, kept in the user-data folder between starts. What is read back is
// checked (a hand-edited or truncated file gives the default) and fitted to the displays there are now:
// a window last seen on a monitor that has since been unplugged opens centred on one that is there.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIN_WINDOW_SIZE } from './window.js';

/** A rectangle in screen coordinates (Electron's Rectangle). */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Size, position (absent: centred) and whether the window was maximized. */
export interface WindowState {
  readonly x?: number;
  readonly y?: number;
  readonly width: number;
  readonly height: number;
  readonly maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, maximized: false };

/** The file, in the user-data folder. */
export const WINDOW_STATE_FILE = 'window-state.json';

/** How much of the window must be on a display for its position to be kept (its title bar, roughly). */
const MIN_VISIBLE = { width: 120, height: 40 } as const;
/** No display is larger than this; a bigger number is a corrupt file. */
const MAX_COORDINATE = 100_000;

const isInt = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/** The state in a file's text; anything malformed gives the default (position dropped if only it is). */
export function parseWindowState(text: string | undefined): WindowState {
  if (text === undefined) return DEFAULT_WINDOW_STATE;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
  if (value === null || typeof value !== 'object') return DEFAULT_WINDOW_STATE;
  const v = value as Record<string, unknown>;
  if (
    !isInt(v.width, MIN_WINDOW_SIZE.width, MAX_COORDINATE) ||
    !isInt(v.height, MIN_WINDOW_SIZE.height, MAX_COORDINATE)
  ) {
    return DEFAULT_WINDOW_STATE;
  }
  const maximized = v.maximized === true;
  const placed = isInt(v.x, -MAX_COORDINATE, MAX_COORDINATE) && isInt(v.y, -MAX_COORDINATE, MAX_COORDINATE);
  return placed
    ? { x: v.x as number, y: v.y as number, width: v.width, height: v.height, maximized }
    : { width: v.width, height: v.height, maximized };
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

/**
 * Fits a state to the displays' work areas (the first is the primary display). The size is clamped to
 * the display the window is on (the primary when it is on none); the position is kept only when enough
 * of the window is visible there, else the window is centred.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0];
  if (primary === undefined) return state;
  let home: Rect | undefined;
  if (state.x !== undefined && state.y !== undefined) {
    const window = { x: state.x, y: state.y, width: state.width, height: state.height };
    home = workAreas.find((area) => {
      const seen = overlap(window, area);
      return seen.width >= MIN_VISIBLE.width && seen.height >= MIN_VISIBLE.height;
    });
  }
  const display = home ?? primary;
  const width = Math.max(
    Math.min(state.width, display.width),
    Math.min(MIN_WINDOW_SIZE.width, display.width),
  );
  const height = Math.max(
    Math.min(state.height, display.height),
    Math.min(MIN_WINDOW_SIZE.height, display.height),
  );
  if (home === undefined || state.x === undefined || state.y === undefined)
    return { width, height, maximized: state.maximized };
  // Clamped so a window that shrank to fit does not hang off the display's edge.
  const x = Math.min(Math.max(state.x, home.x), home.x + home.width - width);
  const y = Math.min(Math.max(state.y, home.y), home.y + home.height - height);
  return { x, y, width, height, maximized: state.maximized };
}

/** Reads the saved state from the user-data folder (the default when there is none). */
export function loadWindowState(userDataDir: string): WindowState {
  try {
    return parseWindowState(readFileSync(join(userDataDir, WINDOW_STATE_FILE), 'utf8'));
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

/** Writes the state; through a temporary file and a rename, so a crash never leaves half a file. */
export function saveWindowState(userDataDir: string, state: WindowState): void {
  const file = join(userDataDir, WINDOW_STATE_FILE);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state)}\n`);
  renameSync(temporary, file);
}

/** The part of Electron's BrowserWindow the tracker reads. */
export interface TrackedWindow {
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isDestroyed(): boolean;
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize', listener: () => void): unknown;
  once(event: 'close', listener: () => void): unknown;
}

export interface WindowStateTracker {
  /** The state as the window is now. */
  current(): WindowState;
  /** Saves now (pending changes included). */
  flush(): void;
}

/**
 * Saves the window's state a moment after it stops moving or resizing, and when it closes. The normal
 * bounds are kept while maximized, so un-maximizing at the next start restores the old size.
 */
export function trackWindowState(
  window: TrackedWindow,
  save: (state: WindowState) => void,
  options: { delayMs?: number; onError?: (error: unknown) => void } = {},
): WindowStateTracker {
  const delayMs = options.delayMs ?? 500;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last: WindowState | undefined;

  function current(): WindowState {
    const bounds = window.getNormalBounds();
    return {
      x: bounds.x,
      y: bounds.y,
      width: bounds.width,
      height: bounds.height,
      maximized: window.isMaximized(),
    };
  }
  function flush(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (window.isDestroyed()) return;
    const state = current();
    if (last !== undefined && JSON.stringify(last) === JSON.stringify(state)) return;
    try {
      save(state);
      last = state;
    } catch (error) {
      // Losing the window's position is not worth failing anything for.
      options.onError?.(error);
    }
  }
  function later(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, delayMs);
  }
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event, later);
  window.once('close', flush);
  return { current, flush };
}
