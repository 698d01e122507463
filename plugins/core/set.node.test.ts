import { describe, expect, it } from 'vitest';
import { NodeRunError } from '../sdk/index.js';
import { setNode } from './set.node.js';
import { makeContext, paramsValid } from './testing.js';

describe('core.set', () => {
  it('merges the values into an input object, values winning', async () => {
    const ctx = makeContext({ inputs: { in: { a: 1, b: 2 } }, params: { values: { b: 3, c: 4 } } });
    expect(await setNode.run(ctx)).toEqual({ out: { a: 1, b: 3, c: 4 } });
  });

  it('emits the values alone when the input is not an object', async () => {
    for (const input of ['text', 5, null, [1, 2], undefined]) {
      const ctx = makeContext({ inputs: { in: input }, params: { values: { x: 1 } } });
      expect(await setNode.run(ctx)).toEqual({ out: { x: 1 } });
    }
  });

  it('defaults values to {}', async () => {
    expect(await setNode.run(makeContext({ inputs: { in: { a: 1 } }, params: {} }))).toEqual({ out: { a: 1 } });
  });

  it('emits a copy, never the params themselves', async () => {
    const values = { nested: { n: 1 } };
    const out = (await setNode.run(makeContext({ inputs: { in: 'x' }, params: { values } }))) as { out: typeof values };
    out.out.nested.n = 2;
    expect(values.nested.n).toBe(1);
  });

  it('does not change its input', async () => {
    const input = { a: 1 };
    await setNode.run(makeContext({ inputs: { in: input }, params: { values: { a: 2 } } }));
    expect(input).toEqual({ a: 1 });
  });

  it('fails without retry when values is not an object', async () => {
    const ctx = makeContext({ inputs: { in: {} }, params: { values: 'nope' as unknown as Record<string, unknown> } });
    await expect(async () => setNode.run(ctx)).rejects.toMatchObject({ retryable: false });
    await expect(async () => setNode.run(ctx)).rejects.toBeInstanceOf(NodeRunError);
  });

  it('validates params', () => {
    expect(paramsValid(setNode, {})).toBe(true);
    expect(paramsValid(setNode, { values: { text: 'Hello, {{ input.in.name }}!' } })).toBe(true);
    expect(paramsValid(setNode, { values: [1] })).toBe(false);
    expect(paramsValid(setNode, { values: {}, extra: true })).toBe(false);
  });
});
