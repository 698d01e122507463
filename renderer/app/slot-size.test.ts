import { describe, expect, it } from 'vitest';
import { clampSlotSize, readSlotSize, writeSlotSize, type SizeStorage } from './slot-size.js';

function memoryStorage(): SizeStorage {
  const map = new Map<string, string>();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

describe('clampSlotSize', () => {
  it('keeps a size inside its limits', () => {
    expect(clampSlotSize('bottom', 300, 900)).toBe(300);
    expect(clampSlotSize('bottom', 10, 900)).toBe(120);
    expect(clampSlotSize('bottom', 850, 900)).toBe(720);
    expect(clampSlotSize('right', 100, 1440)).toBe(240);
    expect(clampSlotSize('right', 1300, 1440)).toBe(1080);
  });

  it('never goes below the minimum, even in a tiny window', () => {
    expect(clampSlotSize('right', 500, 400)).toBe(240);
  });
});

describe('remembered sizes', () => {
  it('reads back what was written, per slot', () => {
    const storage = memoryStorage();
    writeSlotSize(storage, 'bottom', 312.4);
    expect(readSlotSize(storage, 'bottom')).toBe(312);
    expect(readSlotSize(storage, 'right')).toBeUndefined();
  });

  it('ignores garbage and missing storage', () => {
    const storage = memoryStorage();
    storage.setItem('weft.slot-size.right', 'wide');
    expect(readSlotSize(storage, 'right')).toBeUndefined();
    expect(readSlotSize(undefined, 'right')).toBeUndefined();
  });
});
