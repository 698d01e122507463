import { describe, expect, it } from 'vitest';
import { isZoomedOut, LOD_ENTER_ZOOM, LOD_LEAVE_ZOOM, LOD_MIN_NODES, wantsLod } from './lod.js';

describe('level of detail', () => {
  it('counts as zoomed out below the entering zoom, and stays so up to the leaving zoom', () => {
    expect(isZoomedOut(false, 0.054)).toBe(true);
    expect(isZoomedOut(false, LOD_ENTER_ZOOM)).toBe(false);
    const between = (LOD_ENTER_ZOOM + LOD_LEAVE_ZOOM) / 2;
    // The same zoom, two answers: which depends on where the view came from.
    expect(isZoomedOut(true, between)).toBe(true);
    expect(isZoomedOut(false, between)).toBe(false);
    expect(isZoomedOut(true, LOD_LEAVE_ZOOM)).toBe(false);
    expect(isZoomedOut(true, 1)).toBe(false);
  });

  it('simplifies only large graphs, and only when enabled', () => {
    expect(wantsLod(true, 2000)).toBe(true);
    expect(wantsLod(true, LOD_MIN_NODES)).toBe(true);
    expect(wantsLod(true, LOD_MIN_NODES - 1)).toBe(false);
    expect(wantsLod(false, 2000)).toBe(false);
    expect(wantsLod(true, 2000, false)).toBe(false);
  });
});
