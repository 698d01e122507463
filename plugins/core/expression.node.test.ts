import { describe, expect, it } from 'vitest';
import { ExpressionError } from '../../engine/expr/template.js';
import { expressionNode } from './expression.node.js';
import { makeContext, paramsValid } from './testing.js';

describe('core.expression', () => {
  it('evaluates a bare JSONata expression against { input, nodes }', async () => {
    const ctx = makeContext({ inputs: { in: { n: 4 } }, nodes: { a: { out: 10 } }, params: { expression: 'input.in.n * 2 + nodes.a.out' } });
    expect(await expressionNode.run(ctx)).toEqual({ out: 18 });
  });

  it('evaluates a template too', async () => {
    const ctx = makeContext({ inputs: { in: { name: 'Ada' } }, params: { expression: 'Hi {{ input.in.name }}' } });
    expect(await expressionNode.run(ctx)).toEqual({ out: 'Hi Ada' });
  });

  it('emits plain arrays and null for no match', async () => {
    const ctx = makeContext({ inputs: { in: [{ p: 5 }, { p: 20 }, { p: 30 }] }, params: { expression: 'input.in[p > 10].p' } });
    const out = (await expressionNode.run(ctx)) as { out: unknown };
    expect(out.out).toEqual([20, 30]);
    expect(Object.keys(out.out as object)).toEqual(['0', '1']);
    expect(await expressionNode.run(makeContext({ params: { expression: 'input.missing' } }))).toEqual({ out: null });
  });

  it('fails with an expression error', async () => {
    await expect(async () => expressionNode.run(makeContext({ params: { expression: '1 +' } }))).rejects.toBeInstanceOf(ExpressionError);
  });

  it('keeps its expression raw', () => {
    expect(expressionNode.rawParams).toEqual(['expression']);
    expect(expressionNode.inputs[0]).toMatchObject({ name: 'in', required: false });
  });

  it('validates params', () => {
    expect(paramsValid(expressionNode, { expression: 'input.in' })).toBe(true);
    expect(paramsValid(expressionNode, {})).toBe(false);
    expect(paramsValid(expressionNode, { expression: '' })).toBe(false);
    expect(paramsValid(expressionNode, { expression: 3 })).toBe(false);
  });
});
