import { describe, expect, it } from 'vitest';
import { createNodeIndex } from './node-index.js';

describe('node index', () => {
  it('answers the node under a point, edges included, and nothing between nodes', () => {
    const index = createNodeIndex(
      ['a', 'b'],
      [
        { x: 0, y: 0, width: 200, height: 100 },
        { x: 300, y: 0, width: 200, height: 100 },
      ],
    );
    expect(index.hit(10, 10)).toBe('a');
    expect(index.hit(200, 100)).toBe('a');
    expect(index.hit(250, 50)).toBeUndefined();
    expect(index.hit(499, 99)).toBe('b');
    expect(index.hit(-1, 50)).toBeUndefined();
  });

  it('answers the topmost of overlapping nodes: the later one in the document', () => {
    const index = createNodeIndex(
      ['under', 'over'],
      [
        { x: 0, y: 0, width: 200, height: 100 },
        { x: 100, y: 50, width: 200, height: 100 },
      ],
    );
    expect(index.hit(150, 75)).toBe('over');
    expect(index.hit(50, 25)).toBe('under');
  });

  it('finds nodes that straddle grid cells, at negative coordinates too', () => {
    const index = createNodeIndex(
      ['wide', 'neg'],
      [
        { x: 400, y: 400, width: 1300, height: 300 },
        { x: -700, y: -520, width: 200, height: 100 },
      ],
    );
    for (const x of [401, 600, 1100, 1699]) expect(index.hit(x, 690)).toBe('wide');
    expect(index.hit(-600, -500)).toBe('neg');
    expect(index.hit(-600, -400)).toBeUndefined();
  });

  it('finds each of 2,000 grid nodes at its centre', () => {
    const ids: string[] = [];
    const boxes = [];
    for (let c = 0; c < 50; c += 1)
      for (let r = 0; r < 40; r += 1) {
        ids.push(`n${c}_${r}`);
        boxes.push({ x: c * 280, y: r * 140, width: 200, height: 99 });
      }
    const index = createNodeIndex(ids, boxes);
    boxes.forEach((b, i) => expect(index.hit(b.x + 100, b.y + 50)).toBe(ids[i]));
    expect(index.hit(240, 50)).toBeUndefined();
  });
});
