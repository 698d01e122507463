import { describe, expect, it } from 'vitest';
import type { NodeTypeDescriptor } from '../../../preload/contract.js';
import { paramFields } from './field-spec.js';

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
    additionalProperties: false,
    required: ['url'],
    properties: {
      url: { type: 'string', minLength: 1, title: 'URL', description: 'Where to' },
      timeoutMs: { type: 'integer', minimum: 1, default: 30000 },
      follow: { type: 'boolean' },
      headers: { type: 'object', default: {} },
      source: { type: 'string' },
      method: { type: 'string', enum: ['GET', 'POST'], default: 'GET' },
      condition: { type: ['boolean', 'string'] },
      body: {},
      notes: { type: 'string', format: 'multiline' },
    },
  },
};

describe('paramFields', () => {
  it('describes each property in schema order', () => {
    const fields = paramFields(http, {});
    expect(fields.map((f) => [f.name, f.kind])).toEqual([
      ['url', 'string'],
      ['timeoutMs', 'number'],
      ['follow', 'boolean'],
      ['headers', 'json'],
      ['source', 'code'],
      ['method', 'enum'],
      ['condition', 'mixed'],
      ['body', 'json'],
      ['notes', 'text'],
    ]);
    const [url, timeout] = fields;
    expect(url).toMatchObject({
      title: 'URL',
      description: 'Where to',
      required: true,
      minLength: 1,
      known: true,
    });
    expect(timeout).toMatchObject({ integer: true, minimum: 1, hasDefault: true, defaultValue: 30000 });
    expect(fields[4]!.templatable).toBe(false);
    expect(fields[5]!.enumValues).toEqual(['GET', 'POST']);
  });

  it('adds the keys the schema does not name, flagged when it forbids them', () => {
    const extra = paramFields(http, { extra: [1] }).at(-1)!;
    expect(extra).toMatchObject({ name: 'extra', kind: 'json', known: false, unexpected: true });
  });

  it('edits any params of an unknown type as their values say', () => {
    expect(paramFields(undefined, { n: 1, b: true, s: 'x' }).map((f) => [f.kind, f.unexpected])).toEqual([
      ['number', undefined],
      ['boolean', undefined],
      ['string', undefined],
    ]);
  });
});
