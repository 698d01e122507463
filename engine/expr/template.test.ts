import { describe, expect, it } from 'vitest';
import { NodeRunError } from '../run/errors.js';
import { scanTemplate } from './scan.js';
import {
  compileExpression,
  compileTemplate,
  ExpressionError,
  isTemplate,
  type ExpressionRoot,
} from './template.js';

const root: ExpressionRoot = {
  input: {
    in: { n: 21, name: 'Ada', o: { a: 1 }, list: [1, 2, 3], items: [{ v: 'x' }, { v: 'y' }], yes: true },
  },
  nodes: { up: { out: { x: 7 } } },
};

const evaluate = (text: string, r: ExpressionRoot = root) => compileTemplate(text).evaluate(r);

/** The error `promise` rejects with, or that `fn` throws. */
async function failure(fn: () => unknown): Promise<unknown> {
  try {
    await fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a failure');
}

describe('isTemplate', () => {
  it.each([
    ['{{ a }}', true],
    ['x {{', true],
    ['plain', false],
    ['{ single }', false],
  ])('%j → %s', (text, expected) => {
    expect(isTemplate(text)).toBe(expected);
  });
});

describe('compileTemplate: a whole-string template keeps its JSON type', () => {
  it.each<[string, string, unknown]>([
    ['a number', '{{ input.in.n * 2 }}', 42],
    ['a string', '{{ input.in.name }}', 'Ada'],
    ['an object', '{{ input.in.o }}', { a: 1 }],
    ['a boolean', '{{ input.in.n > 20 }}', true],
    ['false', '{{ input.in.n > 99 }}', false],
    ['an array', '{{ input.in.list }}', [1, 2, 3]],
    ['a constructed array', '{{ [1, "two", null] }}', [1, 'two', null]],
    ['null', '{{ null }}', null],
    ['undefined for a missing path', '{{ input.in.missing }}', undefined],
    ['another node’s output', '{{ nodes.up.out.x + 1 }}', 8],
  ])('%s', async (_, text, expected) => {
    expect(await evaluate(text)).toStrictEqual(expected);
  });

  it('hands back a plain array for a JSONata sequence', async () => {
    const value = await evaluate('{{ input.in.items.v }}');
    expect(value).toStrictEqual(['x', 'y']);
    expect(Object.keys(value as object)).toEqual(['0', '1']);
    expect(Object.getPrototypeOf(value)).toBe(Array.prototype);
  });

  it('returns text without templates as it is', async () => {
    expect(await evaluate('no templates here')).toBe('no templates here');
  });
});

describe('compileTemplate: mixed templates splice text', () => {
  it.each<[string, string, string]>([
    ['a number', 'n = {{ input.in.n }}!', 'n = 21!'],
    ['an object as JSON', 'o: {{ input.in.o }}', 'o: {"a":1}'],
    ['an array as JSON', '[{{ input.in.list }}]', '[[1,2,3]]'],
    ['undefined as nothing', 'x{{ input.in.missing }}y', 'xy'],
    ['null as text', 'v={{ null }}', 'v=null'],
    ['a boolean as text', 'is {{ input.in.yes }}', 'is true'],
    [
      'several templates',
      '{{ input.in.name }} is {{ input.in.n }}, twice {{ input.in.n * 2 }}',
      'Ada is 21, twice 42',
    ],
    ['two adjacent templates', '{{ 1 }}{{ 2 }}', '12'],
  ])('%s', async (_, text, expected) => {
    expect(await evaluate(text)).toBe(expected);
  });
});

describe('compileTemplate: braces inside expressions', () => {
  it.each<[string, string, unknown]>([
    ['a string literal holding }}', '{{ "a}}b" }}', 'a}}b'],
    ['a single-quoted literal holding }}', "{{ 'x}}' & 'y' }}", 'x}}y'],
    ['an object constructor', '{{ {"k": "}}"}.k }}', '}}'],
    ['an escaped quote before }}', '{{ "say \\"}}\\"" }}', 'say "}}"'],
    ['a literal in a mixed template', 'pre {{ "}}" }} post', 'pre }} post'],
  ])('%s', async (_, text, expected) => {
    expect(await evaluate(text)).toStrictEqual(expected);
  });

  it('scans the parts with their offsets', () => {
    expect(scanTemplate('a {{ x }} b {{ "}}" }}')).toEqual([
      { start: 2, end: 9, expression: ' x ', expressionStart: 4 },
      { start: 12, end: 22, expression: ' "}}" ', expressionStart: 14 },
    ]);
    expect(scanTemplate('plain')).toEqual([]);
    expect(scanTemplate('{{ "}}" ')).toBeNull();
  });
});

describe('compileTemplate: errors', () => {
  it('refuses an unclosed {{ with an ExpressionError giving its position', () => {
    const e = (() => {
      try {
        compileTemplate('Hello {{ input.in.name');
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(ExpressionError);
    expect(e).toMatchObject({ code: 'EXPRESSION_ERROR', position: 6 });
    expect((e as Error).message).toMatch(/never closed/);
  });

  it('refuses a syntax error with the expression text and position in the message', async () => {
    const e = await failure(() => compileTemplate('total: {{ input.in.n + }}'));
    expect(e).toBeInstanceOf(ExpressionError);
    const err = e as ExpressionError;
    expect(err.code).toBe('EXPRESSION_ERROR');
    expect(err.expression).toContain('input.in.n +');
    expect(err.position).toBeTypeOf('number');
    expect(err.message).toContain('input.in.n +');
    expect(err.message).toContain(`position ${err.position}`);
  });

  it('fails at run time with an ExpressionError carrying EXPRESSION_ERROR and the expression', async () => {
    const compiled = compileTemplate('{{ $number("abc") }}');
    const e = await failure(() => compiled.evaluate(root));
    expect(e).toBeInstanceOf(ExpressionError);
    expect(e).toBeInstanceOf(NodeRunError);
    expect(e).toMatchObject({ code: 'EXPRESSION_ERROR', retryable: false });
    expect((e as ExpressionError).expression).toContain('$number("abc")');
    expect((e as Error).message).toMatch(/\$number\(\\?"abc\\?"\)/);
  });

  it('fails at run time inside a mixed template too', async () => {
    const e = await failure(() => evaluate('value: {{ $number("abc") }}'));
    expect(e).toBeInstanceOf(ExpressionError);
  });
});

describe('compileTemplate: compiled once, evaluated many times', () => {
  it('gives results for each root it is evaluated against', async () => {
    const compiled = compileTemplate('{{ input.in.n * 2 }}');
    expect(await compiled.evaluate({ input: { in: { n: 1 } }, nodes: {} })).toBe(2);
    expect(await compiled.evaluate({ input: { in: { n: 5 } }, nodes: {} })).toBe(10);
  });
});

describe('compileExpression', () => {
  it('reads bare text as one expression, and text with {{ as a template', async () => {
    expect(await compileExpression('input.in.n + 1').evaluate(root)).toBe(22);
    expect(await compileExpression('n={{ input.in.n }}').evaluate(root)).toBe('n=21');
  });

  it('refuses a bare syntax error with an ExpressionError', () => {
    expect(() => compileExpression('(')).toThrow(ExpressionError);
  });
});
