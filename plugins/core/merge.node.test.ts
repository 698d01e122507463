import { describe, expect, it } from 'vitest';
import { mergeNode } from './merge.node.js';
import { makeContext, paramsValid } from './testing.js';

describe('core.merge', () => {
  it('emits the values that arrived, in order', async () => {
    expect(await mergeNode.run(makeContext({ inputs: { in: [1, { a: 2 }, 'x'] } }))).toEqual({ out: [1, { a: 2 }, 'x'] });
  });

  it('emits a single arrival as a one-item list', async () => {
    expect(await mergeNode.run(makeContext({ inputs: { in: ['only'] } }))).toEqual({ out: ['only'] });
  });

  it('emits a new array', async () => {
    const arrived = [1, 2];
    const out = (await mergeNode.run(makeContext({ inputs: { in: arrived } }))) as { out: unknown[] };
    expect(out.out).not.toBe(arrived);
  });

  it('takes many edges', () => {
    expect(mergeNode.inputs).toEqual([expect.objectContaining({ name: 'in', multiple: true })]);
  });

  it('validates params', () => {
    expect(paramsValid(mergeNode, {})).toBe(true);
    expect(paramsValid(mergeNode, { x: 1 })).toBe(false);
  });
});
