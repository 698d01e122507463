import { describe, expect, it } from 'vitest';
import { freeSpot } from './placement.js';

const size = { width: 200, height: 80 };

describe('freeSpot', () => {
  it('answers the wanted point when it is free', () => {
    expect(freeSpot([{ id: 'a', type: 't', position: { x: 1000, y: 0 } }], { x: 0, y: 0 }, size)).toEqual({
      x: 0,
      y: 0,
    });
  });

  it('moves below the nodes in the way', () => {
    const nodes = [
      { id: 'a', type: 't', position: { x: 0, y: 0 } },
      { id: 'b', type: 't', position: { x: 10, y: 100 } },
    ];
    const spot = freeSpot(nodes, { x: 0, y: 0 }, size);
    expect(spot.x).toBe(0);
    expect(spot.y).toBeGreaterThanOrEqual(200);
  });
});
