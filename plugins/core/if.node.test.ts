import { describe, expect, it } from 'vitest';
import { ifNode, isTruthy } from './if.node.js';
import { makeContext, paramsValid } from './testing.js';

const input = { in: { count: 5, name: '' } };

describe('core.if', () => {
  it('takes a boolean as is', async () => {
    expect(await ifNode.run(makeContext({ inputs: input, params: { condition: true } }))).toEqual({ true: input.in });
    expect(await ifNode.run(makeContext({ inputs: input, params: { condition: false } }))).toEqual({ false: input.in });
  });

  it('evaluates a bare expression', async () => {
    expect(await ifNode.run(makeContext({ inputs: input, params: { condition: 'input.in.count > 3' } }))).toEqual({ true: input.in });
    expect(await ifNode.run(makeContext({ inputs: input, params: { condition: 'input.in.count > 9' } }))).toEqual({ false: input.in });
  });

  it('evaluates a template', async () => {
    expect(await ifNode.run(makeContext({ inputs: input, params: { condition: '{{ input.in.count = 5 }}' } }))).toEqual({ true: input.in });
  });

  it('reads empty text, missing values and empty lists as false', async () => {
    for (const condition of ['input.in.name', 'input.in.missing', '[]', '0', 'null']) {
      expect(await ifNode.run(makeContext({ inputs: input, params: { condition } }))).toEqual({ false: input.in });
    }
    expect(await ifNode.run(makeContext({ inputs: input, params: { condition: '[0]' } }))).toEqual({ true: input.in });
  });

  it('knows its truthiness', () => {
    expect([[], '', 0, null, undefined, false, NaN].map(isTruthy)).toEqual(Array(7).fill(false));
    expect([[1], 'a', 1, {}, true].map(isTruthy)).toEqual(Array(5).fill(true));
  });

  it('fails on a bad expression', async () => {
    await expect(async () => ifNode.run(makeContext({ inputs: input, params: { condition: 'input.in.count >' } }))).rejects.toMatchObject({
      code: 'EXPRESSION_ERROR',
    });
  });

  it('has ports true and false and a raw condition', () => {
    expect(ifNode.outputs.map((p) => p.name)).toEqual(['true', 'false']);
    expect(ifNode.rawParams).toEqual(['condition']);
  });

  it('validates params', () => {
    expect(paramsValid(ifNode, { condition: true })).toBe(true);
    expect(paramsValid(ifNode, { condition: 'input.in.ok' })).toBe(true);
    expect(paramsValid(ifNode, {})).toBe(false);
    expect(paramsValid(ifNode, { condition: '' })).toBe(false);
    expect(paramsValid(ifNode, { condition: 1 })).toBe(false);
  });
});
