import { describe, expect, it } from 'vitest';
import type { Problem } from '../model/problem.js';
import { problemsOf, rawDoc as doc, type Raw } from '../testing/documents.js';
import { createTestKit } from '../testing/nodes.js';
import { findCycles } from './cycles.js';

const { registry } = createTestKit();
const found = (raw: Raw): string[] => problemsOf(raw, registry).map((p) => `${p.path} ${p.code}`);

/** Adjacency lists over `count` nodes from `[from, to]` pairs. */
function graph(count: number, edges: Array<[number, number]>): number[][] {
  const succ: number[][] = Array.from({ length: count }, () => []);
  for (const [a, b] of edges) succ[a]!.push(b);
  return succ;
}

/** Whether `cycle` walks edges of `succ` and comes back to its start. */
function walks(cycle: number[], succ: number[][]): boolean {
  return cycle.every((v, i) => succ[v]!.includes(cycle[(i + 1) % cycle.length]!));
}

describe('findCycles', () => {
  it.each<[string, number, Array<[number, number]>]>([
    ['no edges', 3, []],
    [
      'a chain',
      4,
      [
        [0, 1],
        [1, 2],
        [2, 3],
      ],
    ],
    [
      'a diamond',
      4,
      [
        [0, 1],
        [0, 2],
        [1, 3],
        [2, 3],
      ],
    ],
    [
      'parallel edges',
      2,
      [
        [0, 1],
        [0, 1],
      ],
    ],
  ])('finds none in %s', (_, count, edges) => {
    expect(findCycles(count, graph(count, edges))).toEqual([]);
  });

  it('finds a 3-cycle with all its nodes, in walking order from the smallest', () => {
    const succ = graph(5, [
      [4, 2],
      [2, 3],
      [3, 1],
      [1, 2],
      [3, 0],
    ]);
    const cycles = findCycles(5, succ);
    expect(cycles).toEqual([[1, 2, 3]]);
    expect(walks(cycles[0]!, succ)).toBe(true);
  });

  it('finds a self-loop', () => {
    expect(
      findCycles(
        3,
        graph(3, [
          [0, 1],
          [1, 1],
          [1, 2],
        ]),
      ),
    ).toEqual([[1]]);
  });

  it('finds two separate cycles', () => {
    const succ = graph(6, [
      [0, 1],
      [1, 0],
      [2, 3],
      [3, 4],
      [4, 2],
      [1, 5],
      [4, 5],
    ]);
    const cycles = findCycles(6, succ).sort((a, b) => a[0]! - b[0]!);
    expect(cycles).toEqual([
      [0, 1],
      [2, 3, 4],
    ]);
  });

  it('names every node of a component holding several cycles, walking one of them', () => {
    // 0 → 1 → 2 → 0 and 1 → 3 → 1 share node 1: one strongly connected component.
    const succ = graph(4, [
      [0, 1],
      [1, 2],
      [2, 0],
      [1, 3],
      [3, 1],
    ]);
    const cycles = findCycles(4, succ);
    expect(cycles).toHaveLength(1);
    expect(walks(cycles[0]!, succ)).toBe(true);
    expect(cycles[0]![0]).toBe(0);
  });

  it('handles a 10,000-node chain and a 10,000-node ring without overflowing the stack', () => {
    const n = 10_000;
    const chain = Array.from({ length: n }, (_, i) => (i + 1 < n ? [i + 1] : []));
    expect(findCycles(n, chain)).toEqual([]);
    const ring = Array.from({ length: n }, (_, i) => [(i + 1) % n]);
    const cycles = findCycles(n, ring);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toEqual(Array.from({ length: n }, (_, i) => i));
  });
});

describe('validateWorkflow: cycles', () => {
  function cycles(raw: Raw): Problem[] {
    return problemsOf(raw, registry).filter((p) => p.code === 'CYCLE');
  }

  it('reports a 3-cycle once, naming all of its nodes and none other', () => {
    const raw = doc(
      [
        ['x', 'test.source'],
        ['a', 'test.collect'],
        ['b', 'test.pass'],
        ['c', 'test.pass'],
        ['d', 'test.pass'],
      ],
      [
        ['x', 'a'],
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
        ['c', 'd'],
      ],
    );
    const p = cycles(raw);
    expect(p).toHaveLength(1);
    expect(p[0]!.path).toBe('nodes[1]');
    expect(p[0]!.message).toContain('a → b → c → a');
    expect(p[0]!.message).not.toMatch(/\bx\b|\bd\b/);
  });

  it('reports a self-loop', () => {
    const p = cycles(
      doc(
        [
          ['s', 'test.source'],
          ['loop', 'test.collect'],
        ],
        [
          ['s', 'loop'],
          ['loop', 'loop'],
        ],
      ),
    );
    expect(p).toHaveLength(1);
    expect(p[0]!.path).toBe('nodes[1]');
    expect(p[0]!.message).toContain('loop → loop');
  });

  it('reports two separate cycles, each with its nodes', () => {
    const raw = doc(
      [
        ['a', 'test.pass'],
        ['b', 'test.pass'],
        ['c', 'test.pass'],
        ['d', 'test.pass'],
        ['e', 'test.pass'],
      ],
      [
        ['a', 'b'],
        ['b', 'a'],
        ['c', 'd'],
        ['d', 'e'],
        ['e', 'c'],
      ],
    );
    const p = cycles(raw);
    expect(p.map((x) => x.path)).toEqual(['nodes[0]', 'nodes[2]']);
    expect(p[0]!.message).toContain('a → b → a');
    expect(p[1]!.message).toContain('c → d → e → c');
  });

  it('finds no cycle in a diamond', () => {
    const raw = doc(
      [
        ['a', 'test.source'],
        ['b', 'test.pass'],
        ['c', 'test.pass'],
        ['d', 'test.collect'],
      ],
      [
        ['a', 'b'],
        ['a', 'c'],
        ['b', 'd'],
        ['c', 'd'],
      ],
    );
    expect(found(raw)).toEqual([]);
  });
});
