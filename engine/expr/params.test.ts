import { describe, expect, it } from 'vitest';
import { compileParams } from './params.js';
import { ExpressionError, type ExpressionRoot } from './template.js';

const rootWith = (n: number): ExpressionRoot => ({
  input: { in: { n } },
  nodes: { a: { out: { x: n * 10 } } },
});

describe('compileParams', () => {
  it('hands back the very params object when nothing is a template', async () => {
    const params = { url: 'https://example.com', n: 3, nested: { list: ['a', { b: 'c' }] }, none: null };
    const compiled = compileParams(params);
    expect(compiled.hasTemplates).toBe(false);
    expect(await compiled.evaluate(rootWith(1))).toBe(params);
  });

  it('evaluates templates nested in objects and arrays, keeping everything else', async () => {
    const params = {
      plain: 'text',
      n: 5,
      whole: '{{ input.in.n }}',
      nested: {
        deeper: { mixed: 'n={{ input.in.n }}', keep: true },
        list: ['x', '{{ input.in.n * 2 }}', { y: '{{ nodes.a.out.x }}' }, 7],
      },
    };
    const compiled = compileParams(params);
    expect(compiled.hasTemplates).toBe(true);
    expect(await compiled.evaluate(rootWith(3))).toStrictEqual({
      plain: 'text',
      n: 5,
      whole: 3,
      nested: { deeper: { mixed: 'n=3', keep: true }, list: ['x', 6, { y: 30 }, 7] },
    });
  });

  it('compiles once: the same compiled params give each root its own result', async () => {
    const compiled = compileParams({ v: '{{ input.in.n + 1 }}', s: 'at {{ nodes.a.out.x }}' });
    expect(await compiled.evaluate(rootWith(1))).toEqual({ v: 2, s: 'at 10' });
    expect(await compiled.evaluate(rootWith(4))).toEqual({ v: 5, s: 'at 40' });
  });

  it('leaves the params as written and shares no mutable state between evaluations', async () => {
    const params = { v: '{{ input.in.n }}', list: ['{{ input.in.n }}'] };
    const compiled = compileParams(params);
    const first = await compiled.evaluate(rootWith(1));
    const second = await compiled.evaluate(rootWith(2));
    expect(params).toEqual({ v: '{{ input.in.n }}', list: ['{{ input.in.n }}'] });
    expect(first).toEqual({ v: 1, list: [1] });
    expect(second).toEqual({ v: 2, list: [2] });
  });

  it('passes raw params through as written, even when they would not compile', async () => {
    const params = {
      source: 'return `{{ not jsonata (`',
      expression: '{{ input.in.n }}',
      other: '{{ input.in.n }}',
    };
    const compiled = compileParams(params, ['source', 'expression']);
    expect(await compiled.evaluate(rootWith(9))).toEqual({
      source: params.source,
      expression: '{{ input.in.n }}',
      other: 9,
    });
  });

  it('reads only top-level names as raw', async () => {
    const compiled = compileParams({ wrap: { source: '{{ input.in.n }}' } }, ['source']);
    expect(await compiled.evaluate(rootWith(2))).toEqual({ wrap: { source: 2 } });
  });

  it('with only raw templates, has none to evaluate', async () => {
    const params = { source: '{{ x }}' };
    const compiled = compileParams(params, ['source']);
    expect(compiled.hasTemplates).toBe(false);
    expect(await compiled.evaluate(rootWith(1))).toBe(params);
  });

  it('refuses a bad template at compile time, naming its param path', () => {
    let error: unknown;
    try {
      compileParams({ outer: { list: ['ok', '{{ 1 + }}'] } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExpressionError);
    expect((error as Error).message).toMatch(/^params\.outer\.list\[1\]: /);
    expect((error as ExpressionError).expression).toContain('1 +');
  });

  it('fails at evaluation with the param path and EXPRESSION_ERROR', async () => {
    const compiled = compileParams({ n: '{{ $number(input.in.text) }}' });
    await expect(compiled.evaluate({ input: { in: { text: 'abc' } }, nodes: {} })).rejects.toMatchObject({
      name: 'ExpressionError',
      code: 'EXPRESSION_ERROR',
      message: expect.stringMatching(/^params\.n: /),
    });
  });
});
