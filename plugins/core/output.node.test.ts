import { describe, expect, it } from 'vitest';
import { outputNode } from './output.node.js';
import { makeContext, paramsValid } from './testing.js';

describe('core.output', () => {
  it('records the input as a run output and emits nothing', async () => {
    const ctx = makeContext({ inputs: { in: { text: 'Hello' } }, params: { name: 'greeting' } });
    expect(await outputNode.run(ctx)).toEqual({});
    expect(ctx.runOutputs).toEqual(new Map([['greeting', { text: 'Hello' }]]));
  });

  it('fails without retry on an empty name', async () => {
    await expect(async () => outputNode.run(makeContext({ inputs: { in: 1 }, params: { name: '' } }))).rejects.toMatchObject({
      retryable: false,
    });
  });

  it('has one input and no outputs', () => {
    expect(outputNode.inputs.map((p) => p.name)).toEqual(['in']);
    expect(outputNode.outputs).toEqual([]);
  });

  it('validates params', () => {
    expect(paramsValid(outputNode, { name: 'result' })).toBe(true);
    expect(paramsValid(outputNode, {})).toBe(false);
    expect(paramsValid(outputNode, { name: '' })).toBe(false);
    expect(paramsValid(outputNode, { name: 'a', other: 1 })).toBe(false);
  });
});
