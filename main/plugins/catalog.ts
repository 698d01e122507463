// Filters, search and statistics over what the plugin loader reported, for `weft plugins`, the
// palette and the plugins panel. Pure functions of their arguments: the caller decides where the
// reports and descriptors come from (a fresh load, a cached registry, a test).
import type { NodeTypeDescriptor, PluginReport } from './types.js';

/** Every field is optional; given fields must all match. Comparisons ignore case except `type`. */
export interface CatalogFilter {
  readonly category?: string;
  /** A full node type (`text.upper`), or a namespace alone (`text`) for all of its types. */
  readonly type?: string;
  readonly tag?: string;
  /** Words that must all appear in a name, display name, type, title or description. */
  readonly text?: string;
}

export type LoadStatus = PluginReport['status'];

export interface CatalogStats {
  readonly plugins: {
    readonly total: number;
    readonly byStatus: Readonly<Record<LoadStatus, number>>;
    /** By the manifest's category; a plugin refused before its manifest was read counts as `Other`. */
    readonly byCategory: Readonly<Record<string, number>>;
  };
  readonly nodeTypes: { readonly total: number; readonly byCategory: Readonly<Record<string, number>> };
  /** Over the reports that carry a duration (refused plugins never started loading). */
  readonly loadTime: { readonly totalMs: number; readonly maxMs: number; readonly slowest?: string };
}

const UNCATEGORISED = 'Other';

/** The node types matching `filter`, in the order given. */
export function filterNodeTypes(
  types: readonly NodeTypeDescriptor[],
  filter: CatalogFilter,
): NodeTypeDescriptor[] {
  const terms = searchTerms(filter.text);
  return types.filter(
    (node) =>
      (filter.category === undefined || same(node.category, filter.category)) &&
      (filter.type === undefined || typeMatches(node.type, filter.type)) &&
      (filter.tag === undefined || node.tags.some((tag) => same(tag, filter.tag as string))) &&
      containsAll(nodeText(node), terms),
  );
}

/**
 * The plugins matching `filter`, in the order given. A plugin matches a category or tag when it or one
 * of its node types has it, so a "Text" filter finds a "Utilities" plugin that ships a "Text" node.
 */
export function filterPlugins(
  reports: readonly PluginReport[],
  types: readonly NodeTypeDescriptor[],
  filter: CatalogFilter,
): PluginReport[] {
  const byPlugin = groupByPlugin(types);
  const terms = searchTerms(filter.text);
  return reports.filter((report) => {
    const nodes = byPlugin.get(report.name) ?? [];
    const { category, type, tag } = filter;
    if (
      category !== undefined &&
      !(same(report.category ?? '', category) || nodes.some((n) => same(n.category, category)))
    ) {
      return false;
    }
    if (type !== undefined && !report.nodes.some((declared) => typeMatches(declared, type))) return false;
    if (
      tag !== undefined &&
      !((report.tags ?? []).some((t) => same(t, tag)) || nodes.some((n) => n.tags.some((t) => same(t, tag))))
    ) {
      return false;
    }
    return containsAll(pluginText(report), terms) || nodes.some((node) => containsAll(nodeText(node), terms));
  });
}

/** Text search over both plugins and node types (case-insensitive; every word must appear). */
export function searchCatalog(
  reports: readonly PluginReport[],
  types: readonly NodeTypeDescriptor[],
  text: string,
): { plugins: PluginReport[]; nodeTypes: NodeTypeDescriptor[] } {
  return { plugins: filterPlugins(reports, types, { text }), nodeTypes: filterNodeTypes(types, { text }) };
}

/** Counts by status and category, and load times, for the plugins panel and `weft plugins`. */
export function catalogStats(
  reports: readonly PluginReport[],
  types: readonly NodeTypeDescriptor[],
): CatalogStats {
  const byStatus: Record<LoadStatus, number> = { loaded: 0, failed: 0, refused: 0 };
  const pluginCategories = new Map<string, number>();
  let totalMs = 0;
  let maxMs = 0;
  let slowest: string | undefined;
  for (const report of reports) {
    byStatus[report.status] += 1;
    increment(pluginCategories, report.category ?? UNCATEGORISED);
    if (report.durationMs === undefined) continue;
    totalMs += report.durationMs;
    if (slowest === undefined || report.durationMs > maxMs) {
      maxMs = report.durationMs;
      slowest = report.name;
    }
  }
  const typeCategories = new Map<string, number>();
  for (const node of types) increment(typeCategories, node.category || UNCATEGORISED);
  return {
    plugins: { total: reports.length, byStatus, byCategory: sortedRecord(pluginCategories) },
    nodeTypes: { total: types.length, byCategory: sortedRecord(typeCategories) },
    loadTime: { totalMs, maxMs, ...(slowest === undefined ? {} : { slowest }) },
  };
}

function groupByPlugin(types: readonly NodeTypeDescriptor[]): Map<string, NodeTypeDescriptor[]> {
  const groups = new Map<string, NodeTypeDescriptor[]>();
  for (const node of types) {
    const group = groups.get(node.plugin);
    if (group) group.push(node);
    else groups.set(node.plugin, [node]);
  }
  return groups;
}

function typeMatches(type: string, wanted: string): boolean {
  return wanted.includes('.') ? type === wanted : type.startsWith(`${wanted}.`);
}

function same(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function searchTerms(text: string | undefined): string[] {
  return (text ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((term) => term !== '');
}

function containsAll(haystack: string, terms: readonly string[]): boolean {
  return terms.every((term) => haystack.includes(term));
}

function nodeText(node: NodeTypeDescriptor): string {
  return [node.type, node.title, node.description].join('\n').toLowerCase();
}

function pluginText(report: PluginReport): string {
  return [report.name, report.displayName ?? ''].join('\n').toLowerCase();
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

// Object.fromEntries defines own properties, so a category called `__proto__` stays a plain key.
function sortedRecord(counts: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
