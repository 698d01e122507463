import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../engine/model/node-type.js';
import { PLUGIN_API_VERSION, SUPPORTED_API_VERSIONS } from '../sdk/index.js';
import { coreNodeTypes, corePlugin } from './index.js';
import { paramsValid } from './testing.js';

describe('corePlugin', () => {
  it('contributes every core.* node type once', () => {
    expect(corePlugin.nodes.map((n) => n.type)).toEqual([
      'core.manual',
      'core.set',
      'core.expression',
      'core.if',
      'core.merge',
      'core.delay',
      'core.fail',
      'core.http',
      'core.code',
      'core.output',
    ]);
    expect(createRegistry(coreNodeTypes).list()).toHaveLength(10);
  });

  it.each(coreNodeTypes.map((n) => [n.type, n] as const))('%s describes itself for the palette and the form', (_, node) => {
    expect(node.title).not.toBe('');
    expect(node.category).toBeTruthy();
    expect(node.description).toBeTruthy();
    expect(node.tags?.length).toBeGreaterThan(0);
    const properties = (node.params?.properties ?? {}) as Record<string, Record<string, unknown>>;
    for (const [name, property] of Object.entries(properties)) {
      expect(property.title, `${node.type} params.${name}.title`).toBeTypeOf('string');
      expect(property.description, `${node.type} params.${name}.description`).toBeTypeOf('string');
    }
    expect(paramsValid(node, 'not an object')).toBe(false);
    for (const raw of node.rawParams ?? []) expect(Object.keys(properties)).toContain(raw);
  });

  it('states the API version', () => {
    expect(SUPPORTED_API_VERSIONS).toContain(PLUGIN_API_VERSION);
  });
});
