// Filtering the plugins load report: by status, by category and by text (every word must match the
// name, display name, version, tags, node types, reason or warnings). Report order is kept (`core` first).
import type { PluginInfo, PluginStatus } from '../../../preload/contract.js';

export interface PluginFilter {
  readonly status: PluginStatus | 'all';
  readonly category: string | 'all';
  readonly text: string;
}

export const NO_FILTER: PluginFilter = { status: 'all', category: 'all', text: '' };

/** The category a plugin is listed under: its manifest's, `Core` for the bundled one, else `Other`. */
export function categoryOf(plugin: PluginInfo): string {
  if (plugin.category) return plugin.category;
  return plugin.bundled ? 'Core' : 'Other';
}

/** Every category present, sorted. */
export function categoriesOf(plugins: readonly PluginInfo[]): string[] {
  return [...new Set(plugins.map(categoryOf))].sort((a, b) => a.localeCompare(b));
}

export function statusCounts(plugins: readonly PluginInfo[]): Record<PluginStatus, number> {
  const counts: Record<PluginStatus, number> = { loaded: 0, failed: 0, refused: 0 };
  for (const p of plugins) counts[p.status]++;
  return counts;
}

function haystack(plugin: PluginInfo): string {
  return [
    plugin.name,
    plugin.displayName ?? '',
    plugin.version,
    categoryOf(plugin),
    plugin.reason ?? '',
    ...plugin.tags,
    ...plugin.nodes,
    ...plugin.warnings,
  ]
    .join('\n')
    .toLowerCase();
}

export function filterPlugins(plugins: readonly PluginInfo[], filter: PluginFilter): PluginInfo[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return plugins.filter((p) => {
    if (filter.status !== 'all' && p.status !== filter.status) return false;
    if (filter.category !== 'all' && categoryOf(p) !== filter.category) return false;
    if (words.length === 0) return true;
    const text = haystack(p);
    return words.every((w) => text.includes(w));
  });
}
