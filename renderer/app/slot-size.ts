// Sizes of the resizable right and bottom slots: their limits, and how they are remembered between
// sessions (localStorage). Pure apart from the storage passed in, so it is unit-tested without a DOM.
export type ResizableSlot = 'right' | 'bottom';

/** The CSS variable on `.weft-shell` that shell.css reads for the slot's width or height. */
export const SLOT_SIZE_VARIABLE: Record<ResizableSlot, string> = {
  right: '--weft-right-width',
  bottom: '--weft-bottom-height',
};

const STORAGE_KEY: Record<ResizableSlot, string> = {
  right: 'weft.slot-size.right',
  bottom: 'weft.slot-size.bottom',
};

/** Smallest size that still shows a usable panel (tabs plus a few rows). */
const MIN_SIZE: Record<ResizableSlot, number> = { right: 240, bottom: 120 };

/** Room always left to the canvas, so a slot can never swallow it. */
const CANVAS_RESERVE: Record<ResizableSlot, number> = { right: 360, bottom: 180 };

/** Keeps a slot's size between its minimum and what leaves the canvas usable in a window of `available` px. */
export function clampSlotSize(slot: ResizableSlot, size: number, available: number): number {
  const max = Math.max(MIN_SIZE[slot], available - CANVAS_RESERVE[slot]);
  return Math.round(Math.min(max, Math.max(MIN_SIZE[slot], size)));
}

/** Just the storage calls used, so tests can pass a map. */
export interface SizeStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The remembered size, or undefined when there is none (or it is not a positive number). */
export function readSlotSize(storage: SizeStorage | undefined, slot: ResizableSlot): number | undefined {
  try {
    const value = Number(storage?.getItem(STORAGE_KEY[slot]));
    return Number.isFinite(value) && value > 0 ? value : undefined;
  } catch {
    return undefined; // storage can be unavailable (privacy settings); the default size is fine then
  }
}

export function writeSlotSize(storage: SizeStorage | undefined, slot: ResizableSlot, size: number): void {
  try {
    storage?.setItem(STORAGE_KEY[slot], String(Math.round(size)));
  } catch {
    // Not remembering a panel size is harmless.
  }
}
