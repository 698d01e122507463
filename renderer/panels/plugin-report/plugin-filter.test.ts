import { describe, expect, it } from 'vitest';
import type { PluginInfo } from '../../../preload/contract.js';
import { categoriesOf, categoryOf, filterPlugins, NO_FILTER, statusCounts } from './plugin-filter.js';

function plugin(partial: Partial<PluginInfo> & Pick<PluginInfo, 'name'>): PluginInfo {
  return {
    version: '1.0.0',
    status: 'loaded',
    reason: null,
    warnings: [],
    nodes: [],
    category: null,
    displayName: null,
    tags: [],
    bundled: false,
    durationMs: 5,
    ...partial,
  };
}

const plugins = [
  plugin({ name: 'core', bundled: true, nodes: ['core.set', 'core.http'] }),
  plugin({ name: 'weft-plugin-text', category: 'Text', displayName: 'Text tools', tags: ['string'], nodes: ['text.upper'] }),
  plugin({ name: 'throws-on-load', status: 'failed', reason: 'init threw: kaboom', category: 'Text' }),
  plugin({ name: 'future-api', status: 'refused', reason: 'apiVersion 99 is not supported (supported: 1)', durationMs: null }),
  plugin({ name: 'unknown-field', warnings: ['unknown manifest field "colour"'], category: 'Misc' }),
];

describe('plugin report filtering', () => {
  it('names categories', () => {
    expect(plugins.map(categoryOf)).toEqual(['Core', 'Text', 'Text', 'Other', 'Misc']);
    expect(categoriesOf(plugins)).toEqual(['Core', 'Misc', 'Other', 'Text']);
  });

  it('counts by status', () => {
    expect(statusCounts(plugins)).toEqual({ loaded: 3, failed: 1, refused: 1 });
  });

  it('keeps everything without a filter, in report order', () => {
    expect(filterPlugins(plugins, NO_FILTER).map((p) => p.name)).toEqual(plugins.map((p) => p.name));
  });

  it('filters by status and category together', () => {
    expect(filterPlugins(plugins, { ...NO_FILTER, status: 'failed' }).map((p) => p.name)).toEqual(['throws-on-load']);
    expect(filterPlugins(plugins, { ...NO_FILTER, category: 'Text' }).map((p) => p.name)).toEqual([
      'weft-plugin-text',
      'throws-on-load',
    ]);
    expect(filterPlugins(plugins, { ...NO_FILTER, category: 'Text', status: 'loaded' }).map((p) => p.name)).toEqual([
      'weft-plugin-text',
    ]);
  });

  it('searches names, node types, tags, reasons and warnings; every word must match', () => {
    const names = (text: string) => filterPlugins(plugins, { ...NO_FILTER, text }).map((p) => p.name);
    expect(names('HTTP')).toEqual(['core']);
    expect(names('string')).toEqual(['weft-plugin-text']);
    expect(names('kaboom')).toEqual(['throws-on-load']);
    expect(names('colour')).toEqual(['unknown-field']);
    expect(names('text upper')).toEqual(['weft-plugin-text']);
    expect(names('text nothing')).toEqual([]);
    expect(names('  ')).toHaveLength(5);
  });
});
