import { describe, expect, it } from 'vitest';
import type { NodeTypeDescriptor } from '../../../preload/contract.js';
import { paramsToEdit } from './param-kinds.js';

const http: NodeTypeDescriptor = {
  type: 'core.http',
  title: 'HTTP',
  category: 'Core',
  tags: [],
  description: '',
  inputs: [],
  outputs: [],
  plugin: 'core',
  rawParams: ['source'],
  params: {
    type: 'object',
    required: ['url'],
    properties: {
      url: { type: 'string' },
      timeoutMs: { type: 'integer' },
      follow: { type: 'boolean' },
      headers: { type: 'object' },
      source: { type: 'string' },
      method: { type: 'string', enum: ['GET', 'POST'] },
    },
  },
};

describe('paramsToEdit', () => {
  it('follows the schema, then the values', () => {
    const edit = paramsToEdit(http, { timeoutMs: '{{ input.in.t }}', extra: [1] });
    expect(edit.map((p) => [p.name, p.kind])).toEqual([
      ['url', 'string'],
      ['timeoutMs', 'string'],
      ['follow', 'boolean'],
      ['headers', 'json'],
      ['source', 'text'],
      ['method', 'string'],
      ['extra', 'json'],
    ]);
    expect(edit[0]!.required).toBe(true);
    expect(edit[5]!.enumValues).toEqual(['GET', 'POST']);
  });

  it('edits any params of an unknown type as their values say', () => {
    expect(paramsToEdit(undefined, { n: 1, b: true, s: 'x' }).map((p) => p.kind)).toEqual([
      'number',
      'boolean',
      'string',
    ]);
  });
});
