import { describe, expect, it } from 'vitest';
import { ancestorsOf } from './graph.js';

const e = (source: string, target: string) => ({ source, target });

describe('ancestorsOf', () => {
  it('finds every node upstream along the edges, through diamonds, without the node itself', () => {
    const edges = [e('a', 'b'), e('a', 'c'), e('b', 'd'), e('c', 'd'), e('d', 'x'), e('y', 'z')];
    expect([...ancestorsOf(edges, 'x')].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect([...ancestorsOf(edges, 'a')]).toEqual([]);
    expect([...ancestorsOf(edges, 'z')]).toEqual(['y']);
  });

  it('terminates on a cycle (validation reports it; this must not hang before that)', () => {
    expect([...ancestorsOf([e('a', 'b'), e('b', 'a')], 'a')].sort()).toEqual(['a', 'b']);
  });
});
