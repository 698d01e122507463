// `plugins.list` and `plugins.reload`: a workspace's plugin load report for the plugins panel, as the
// contract's plain data. The statistics are the catalog's (the same numbers `weft plugins` prints).
import type { NodeTypeRegistry } from '../../../engine/index.js';
import type { NodeTypeDescriptor, PluginInfo, PluginsReport } from '../../../preload/contract.js';
import { catalogStats } from '../../plugins/catalog.js';
import type { PluginReport } from '../../plugins/types.js';
import type { PluginCatalog } from '../../services/store.js';
import { registeredTypes, toDescriptor } from './convert.js';

/** Where the handlers read a workspace's plugins from (the app's WorkspacePlugins). */
export interface PluginsView {
  /** One report per plugin, the bundled `core` first. */
  reportsFor(workspaceId: string): readonly PluginReport[];
  descriptorsFor(workspaceId: string): readonly NodeTypeDescriptor[];
  /** Loads the workspace's plugins again; absent where plugins never change (tests, bundled only). */
  reload?(workspaceId: string): Promise<void>;
}

/** The report as the API answers it: every field present, null where there is nothing. */
export function toPluginsReport(
  reports: readonly PluginReport[],
  descriptors: readonly NodeTypeDescriptor[],
): PluginsReport {
  const stats = catalogStats(reports, descriptors);
  return {
    plugins: reports.map(toPluginInfo),
    stats: {
      plugins: {
        total: stats.plugins.total,
        byStatus: { ...stats.plugins.byStatus },
        byCategory: { ...stats.plugins.byCategory },
      },
      nodeTypes: { total: stats.nodeTypes.total, byCategory: { ...stats.nodeTypes.byCategory } },
      loadTime: {
        totalMs: stats.loadTime.totalMs,
        maxMs: stats.loadTime.maxMs,
        slowest: stats.loadTime.slowest ?? null,
      },
    },
  };
}

function toPluginInfo(r: PluginReport): PluginInfo {
  return {
    name: r.name,
    version: r.version,
    status: r.status,
    reason: r.reason ?? null,
    warnings: [...r.warnings],
    nodes: [...r.nodes],
    category: r.category ?? null,
    displayName: r.displayName ?? null,
    tags: [...(r.tags ?? [])],
    bundled: r.bundled === true,
    durationMs: r.durationMs ?? null,
  };
}

/**
 * The view of a store without per-workspace plugins: its one registry's node types, grouped by the
 * plugin that provides each, all loaded (nothing was loaded that could have failed).
 */
export function registryView(
  registryFor: (workspaceId: string) => NodeTypeRegistry,
  catalogFor: (workspaceId: string) => PluginCatalog | undefined,
): PluginsView {
  const descriptorsFor = (workspaceId: string): NodeTypeDescriptor[] => {
    const catalog = catalogFor(workspaceId);
    return registeredTypes(registryFor(workspaceId)).map((t) => toDescriptor(t, catalog));
  };
  return {
    descriptorsFor,
    reportsFor(workspaceId) {
      const catalog = catalogFor(workspaceId);
      const byPlugin = new Map<string, string[]>([['core', []]]);
      for (const d of descriptorsFor(workspaceId)) {
        const nodes = byPlugin.get(d.plugin);
        if (nodes) nodes.push(d.type);
        else byPlugin.set(d.plugin, [d.type]);
      }
      return [...byPlugin].map(([name, nodes]): PluginReport => {
        const bundled = name === 'core';
        const version = bundled ? 'bundled' : (catalog?.installed(name)?.version ?? 'unknown');
        return {
          name,
          version,
          status: 'loaded',
          warnings: [],
          nodes,
          ...(bundled ? { bundled: true } : {}),
        };
      });
    },
  };
}
