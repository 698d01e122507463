import { describe, expect, it } from 'vitest';
import { compareRequest, toggleTick, versionLabel, viewRequest } from './compare-selection.js';

describe('toggleTick', () => {
  it('keeps at most the last two ticks and unticks a ticked version', () => {
    expect(toggleTick([], 3)).toEqual([3]);
    expect(toggleTick([3], 5)).toEqual([3, 5]);
    expect(toggleTick([3, 5], 1)).toEqual([5, 1]);
    expect(toggleTick([5, 1], 5)).toEqual([1]);
  });
});

describe('compareRequest', () => {
  it('compares two ticked versions older to newer, or one with the current', () => {
    expect(compareRequest([7, 2], 9)).toEqual({ from: 2, to: 7 });
    expect(compareRequest([4], 9)).toEqual({ from: 4, to: 9 });
    expect(compareRequest([9], 9)).toBeNull();
    expect(compareRequest([], 9)).toBeNull();
    expect(compareRequest([4], null)).toBeNull();
  });
});

describe('viewRequest', () => {
  it('shows a version against the current one, read-only', () => {
    expect(viewRequest(3, 8)).toEqual({ from: 3, to: 8, viewing: 3 });
    expect(viewRequest(8, 8)).toEqual({ from: 8, to: 8, viewing: 8 });
    expect(versionLabel(8, 8)).toBe('v8 (current)');
    expect(versionLabel(3, 8)).toBe('v3');
  });
});
