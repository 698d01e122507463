import { describe, expect, it } from 'vitest';
import { childrenOf, isSmallValue, kindOf, leafText, sizeOf, summaryOf, toJsonText } from './json-view-model.js';

describe('json view model', () => {
  it('names kinds and sizes', () => {
    expect([null, [], {}, 's', 1, true, undefined].map(kindOf)).toEqual([
      'null',
      'array',
      'object',
      'string',
      'number',
      'boolean',
      'other',
    ]);
    expect(sizeOf({ a: 1, b: 2 })).toBe(2);
    expect(sizeOf([1, 2, 3])).toBe(3);
    expect(sizeOf('abc')).toBe(0);
    expect(summaryOf({ a: 1 })).toBe('{1 key}');
    expect(summaryOf([1, 2])).toBe('[2 items]');
  });

  it('tells small values from big ones without walking the big ones whole', () => {
    expect(isSmallValue({ name: 'Ada', text: 'Hello, Ada!' })).toBe(true);
    expect(isSmallValue(Array.from({ length: 1000 }, (_, i) => i))).toBe(false);
    expect(isSmallValue({ s: 'x'.repeat(5000) })).toBe(false);
    expect(isSmallValue({ deep: { deeper: { deepest: [1, 2, 3] } } }, { values: 6, chars: 100 })).toBe(false);
    expect(isSmallValue({ deep: { deeper: { deepest: [1, 2, 3] } } }, { values: 7, chars: 100 })).toBe(true);
    let reads = 0;
    const huge = new Proxy(new Array<number>(1_000_000).fill(1), {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    expect(isSmallValue(huge)).toBe(false);
    expect(reads).toBe(0);
  });

  it('pages children', () => {
    expect(childrenOf([10, 20, 30], 2)).toEqual({ entries: [['0', 10], ['1', 20]], remaining: 1 });
    expect(childrenOf({ a: 1, b: 2 }, 10)).toEqual({ entries: [['a', 1], ['b', 2]], remaining: 0 });
    expect(childrenOf('leaf', 10)).toEqual({ entries: [], remaining: 0 });
  });

  it('writes leaves as JSON and cuts long strings', () => {
    expect(leafText('a"b')).toEqual({ text: '"a\\"b"', cut: 0 });
    expect(leafText(3)).toEqual({ text: '3', cut: 0 });
    expect(leafText(null)).toEqual({ text: 'null', cut: 0 });
    expect(leafText('abcdef', 3)).toEqual({ text: '"abc…"', cut: 3 });
    expect(leafText(Number.NaN).text).toBe('NaN');
  });

  it('copies as indented JSON, even a cyclic value', () => {
    expect(toJsonText({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}');
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(toJsonText(cyclic)).toBe('[object Object]');
  });
});
