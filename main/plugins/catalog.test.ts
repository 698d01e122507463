import { describe, expect, it } from 'vitest';
import { catalogStats, filterNodeTypes, filterPlugins, searchCatalog } from './catalog.js';
import type { NodeTypeDescriptor, PluginReport } from './types.js';

function node(type: string, plugin: string, more: Partial<NodeTypeDescriptor> = {}): NodeTypeDescriptor {
  return {
    type,
    title: type,
    category: 'Other',
    tags: [],
    description: '',
    inputs: [],
    outputs: [],
    params: null,
    rawParams: [],
    plugin,
    ...more,
  };
}

const types: NodeTypeDescriptor[] = [
  node('core.log', 'core', { title: 'Log', category: 'Flow', description: 'Writes a value to the run log' }),
  node('text.upper', 'weft-plugin-text', { title: 'Upper case', category: 'Text', tags: ['string'] }),
  node('text.repeat', 'weft-plugin-text', {
    title: 'Repeat',
    category: 'Text',
    tags: ['string'],
    description: 'Repeats a string COUNT times',
  }),
  node('util.uuid', 'utils', {
    title: 'UUID',
    category: 'Data',
    tags: ['random'],
    description: 'A random id',
  }),
];

const reports: PluginReport[] = [
  {
    name: 'core',
    version: '1.0.0',
    status: 'loaded',
    warnings: [],
    nodes: ['core.log'],
    category: 'Core',
    bundled: true,
  },
  {
    name: 'weft-plugin-text',
    version: '1.0.0',
    status: 'loaded',
    warnings: [],
    nodes: ['text.upper', 'text.repeat'],
    category: 'Text',
    displayName: 'Text tools',
    tags: ['string'],
    durationMs: 12,
  },
  {
    name: 'utils',
    version: '0.1.0',
    status: 'failed',
    reason: 'kaboom',
    warnings: [],
    nodes: ['util.uuid'],
    category: 'Utilities',
    displayName: 'Handy bits',
    tags: ['misc'],
    durationMs: 30,
  },
  {
    name: 'bad-json',
    version: '0.0.0',
    status: 'refused',
    reason: 'package.json is not valid JSON',
    warnings: [],
    nodes: [],
  },
];

const names = (list: readonly { name?: string; type?: string }[]) => list.map((x) => x.name ?? x.type);

describe('filterNodeTypes', () => {
  it('filters by category, tag and type, ignoring case except in types', () => {
    expect(names(filterNodeTypes(types, { category: 'text' }))).toEqual(['text.upper', 'text.repeat']);
    expect(names(filterNodeTypes(types, { tag: 'RANDOM' }))).toEqual(['util.uuid']);
    expect(names(filterNodeTypes(types, { type: 'text.repeat' }))).toEqual(['text.repeat']);
    expect(names(filterNodeTypes(types, { type: 'text' }))).toEqual(['text.upper', 'text.repeat']);
    expect(names(filterNodeTypes(types, { type: 'Text.repeat' }))).toEqual([]);
    expect(filterNodeTypes(types, {})).toHaveLength(types.length);
  });

  it('combines filters: all must match', () => {
    expect(names(filterNodeTypes(types, { category: 'Text', text: 'count' }))).toEqual(['text.repeat']);
    expect(filterNodeTypes(types, { category: 'Flow', tag: 'string' })).toEqual([]);
  });
});

describe('filterPlugins', () => {
  it('matches a category or tag of the plugin or of one of its node types', () => {
    expect(names(filterPlugins(reports, types, { category: 'Data' }))).toEqual(['utils']);
    expect(names(filterPlugins(reports, types, { category: 'utilities' }))).toEqual(['utils']);
    expect(names(filterPlugins(reports, types, { tag: 'misc' }))).toEqual(['utils']);
    expect(names(filterPlugins(reports, types, { tag: 'random' }))).toEqual(['utils']);
    expect(names(filterPlugins(reports, types, { type: 'text.upper' }))).toEqual(['weft-plugin-text']);
    expect(names(filterPlugins(reports, types, { type: 'core' }))).toEqual(['core']);
  });
});

describe('searchCatalog', () => {
  it('searches plugin names, display names, node titles and descriptions, case-insensitively', () => {
    expect(names(searchCatalog(reports, types, 'TEXT TOOLS').plugins)).toEqual(['weft-plugin-text']);
    expect(searchCatalog(reports, types, 'TEXT TOOLS').nodeTypes).toEqual([]);
    expect(names(searchCatalog(reports, types, 'handy').plugins)).toEqual(['utils']);
    expect(names(searchCatalog(reports, types, 'json').plugins)).toEqual(['bad-json']);
    expect(searchCatalog(reports, types, 'kaboom').plugins).toEqual([]); // reasons are not searched
    const upper = searchCatalog(reports, types, 'upper');
    expect(names(upper.nodeTypes)).toEqual(['text.upper']);
    expect(names(upper.plugins)).toEqual(['weft-plugin-text']); // through its node
    expect(names(searchCatalog(reports, types, 'run log').nodeTypes)).toEqual(['core.log']);
    expect(searchCatalog(reports, types, '   ').plugins).toHaveLength(reports.length);
  });
});

describe('catalogStats', () => {
  it('counts plugins and node types by category, plugins by status, and load times', () => {
    expect(catalogStats(reports, types)).toEqual({
      plugins: {
        total: 4,
        byStatus: { loaded: 2, failed: 1, refused: 1 },
        byCategory: { Core: 1, Other: 1, Text: 1, Utilities: 1 },
      },
      nodeTypes: { total: 4, byCategory: { Data: 1, Flow: 1, Text: 2 } },
      loadTime: { totalMs: 42, maxMs: 30, slowest: 'utils' },
    });
  });

  it('is empty-safe and keeps odd category names as plain keys', () => {
    expect(catalogStats([], [])).toEqual({
      plugins: { total: 0, byStatus: { loaded: 0, failed: 0, refused: 0 }, byCategory: {} },
      nodeTypes: { total: 0, byCategory: {} },
      loadTime: { totalMs: 0, maxMs: 0 },
    });
    const stats = catalogStats([], [node('a.b', 'a', { category: '__proto__' })]);
    expect(Object.keys(stats.nodeTypes.byCategory)).toEqual(['__proto__']);
    expect(stats.nodeTypes.byCategory['__proto__']).toBe(1);
  });
});
