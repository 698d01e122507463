import { describe, expect, it } from 'vitest';
import { checkField, containsTemplate, templateProblem } from './field-check.js';
import type { FieldSpec } from './field-spec.js';
import {
  fromExpression,
  parseJson,
  parseMixed,
  parseNumber,
  showsExpression,
  toExpression,
} from './field-value.js';

const spec = (over: Partial<FieldSpec>): FieldSpec => ({
  name: 'x',
  title: 'x',
  kind: 'string',
  required: false,
  types: ['string'],
  hasDefault: false,
  templatable: true,
  known: true,
  ...over,
});

const ms = spec({ kind: 'number', types: ['number'], minimum: 0, maximum: 100 });
const count = spec({ kind: 'number', types: ['integer'], integer: true, exclusiveMinimum: 0 });

describe('checkField', () => {
  it('checks presence, type and bounds', () => {
    expect(checkField({ ...ms, required: true }, undefined)).toBe('required');
    expect(checkField(ms, undefined)).toBeNull();
    expect(checkField(ms, 50)).toBeNull();
    expect(checkField(ms, -1)).toBe('must be at least 0');
    expect(checkField(ms, 101)).toBe('must be at most 100');
    expect(checkField(ms, true)).toBe('must be a number');
    expect(checkField(count, 1.5)).toBe('must be a whole number');
    expect(checkField(count, 0)).toBe('must be more than 0');
  });

  it('checks strings and choices', () => {
    expect(checkField(spec({ minLength: 1 }), '')).toBe('must not be empty');
    expect(checkField(spec({ maxLength: 2 }), 'abc')).toBe('must be at most 2 characters');
    expect(checkField(spec({ pattern: '^a' }), 'ba')).toBe('must match ^a');
    expect(checkField(spec({ kind: 'enum', enumValues: ['GET', 'POST'] }), 'PUT')).toBe(
      'must be one of "GET", "POST"',
    );
    expect(checkField(spec({ types: ['boolean', 'string'] }), 3)).toBe('must be boolean or string');
  });

  it('leaves a template to run time but checks its braces', () => {
    expect(checkField(ms, '{{ input.in.n }}')).toBeNull();
    expect(checkField(spec({ minLength: 5 }), '{{ x }}')).toBeNull();
    expect(checkField(ms, '{{ input.in.n')).toMatch(/never closed/);
    expect(checkField({ ...ms, templatable: false }, '{{ 1 }}')).toBe('must be a number');
    expect(templateProblem('a {{ "}}" }} b')).toBeNull();
  });

  it('finds templates inside objects and arrays', () => {
    expect(containsTemplate({ a: [1, { b: 'x {{ y }}' }] })).toBe(true);
    expect(containsTemplate({ a: ['{ not }'] })).toBe(false);
  });

  it('flags a key the node type does not have', () => {
    expect(checkField(spec({ unexpected: true, types: null }), 1)).toBe('not a param of this node type');
  });
});

describe('parsing typed text', () => {
  it('reads numbers strictly, templates where allowed', () => {
    expect(parseNumber('12.5', ms)).toEqual({ ok: true, value: 12.5 });
    expect(parseNumber(' ', ms)).toEqual({ ok: true, value: undefined });
    expect(parseNumber('1e3', ms)).toEqual({ ok: true, value: 1000 });
    expect(parseNumber('0x10', ms).ok).toBe(false);
    expect(parseNumber('-', ms).ok).toBe(false);
    expect(parseNumber('{{ input.in.n }}', ms)).toEqual({ ok: true, value: '{{ input.in.n }}' });
    expect(parseNumber('{{ 1 }}', { templatable: false }).ok).toBe(false);
  });

  it('reads JSON and says why it cannot', () => {
    expect(parseJson('{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJson('')).toEqual({ ok: true, value: undefined });
    const bad = parseJson('{"a": ');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/^not valid JSON/);
  });

  it('reads booleans and numbers in a mixed field', () => {
    const mixed = { types: ['boolean', 'string'] as const } as Pick<FieldSpec, 'types'>;
    expect(parseMixed('true', mixed)).toEqual({ ok: true, value: true });
    expect(parseMixed('input.in > 3', mixed)).toEqual({ ok: true, value: 'input.in > 3' });
    expect(parseMixed('3', mixed)).toEqual({ ok: true, value: '3' });
    expect(parseMixed('3', { types: ['number', 'string'] })).toEqual({ ok: true, value: 3 });
  });
});

describe('expressions', () => {
  it('turns a value into an expression and a literal one back', () => {
    expect(toExpression(5)).toBe('{{ 5 }}');
    expect(toExpression(undefined)).toBe('{{  }}');
    expect(toExpression('{{ a }}')).toBe('{{ a }}');
    expect(fromExpression('{{ 5 }}', ms)).toBe(5);
    expect(fromExpression('{{ 500 }}', ms)).toBeUndefined();
    expect(fromExpression('{{ input.in.n }}', ms)).toBeUndefined();
    expect(fromExpression('x {{ 5 }}', ms)).toBeUndefined();
  });

  it('shows typed fields holding a template as expressions', () => {
    expect(showsExpression(ms, '{{ a }}')).toBe(true);
    expect(showsExpression(ms, 5)).toBe(false);
    expect(showsExpression(spec({}), '{{ a }}')).toBe(false);
  });
});
