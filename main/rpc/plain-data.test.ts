import { describe, expect, it } from 'vitest';
import { findNonPlainData } from './plain-data.js';

describe('findNonPlainData', () => {
  it('accepts JSON-like data, null-prototype objects and absent optional fields', () => {
    const value = { a: [1, 'x', true, null, { b: { c: [] } }], d: Object.assign(Object.create(null), { e: 1 }), f: undefined };
    expect(findNonPlainData(value)).toBeUndefined();
    expect(structuredClone(value)).toEqual(value);
  });

  it('names the path of the first value that would not survive IPC and JSON alike', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const cases: Array<[unknown, string]> = [
      [undefined, '$'],
      [{ a: new Date() }, '$.a'],
      [{ a: [1, new Map()] }, '$.a[1]'],
      [{ a: () => 1 }, '$.a'],
      [{ a: 1n }, '$.a'],
      [{ a: NaN }, '$.a'],
      [[1, undefined], '$[1]'],
      [[1, , 3], '$[1]'], // eslint-disable-line no-sparse-arrays
      [new (class Thing {})(), '$'],
      [{ [Symbol('s')]: 1 }, '$'],
      [cyclic, '$.self'],
    ];
    for (const [value, path] of cases) expect(findNonPlainData(value)).toBe(path);
  });

  it('accepts the same object twice when it is not a cycle', () => {
    const shared = { x: 1 };
    expect(findNonPlainData({ a: shared, b: shared })).toBeUndefined();
  });
});
