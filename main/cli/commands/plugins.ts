import { join } from 'node:path';
import { resolveDataDir } from '../../services/store.js';
import { booleanOption, parseCommandArgs, stringOption, type CommandArgsSpec } from '../args.js';
import { ExitCode } from '../errors.js';
import { catalogStats, filterPlugins, type CatalogFilter, type CatalogStats } from '../../plugins/catalog.js';
import type { Command, CommandContext } from './context.js';
import { jsonText, table } from './table.js';

const usage = 'weft plugins [--plugins-dir DIR] [--strict] [--json] [--category C] [--type T] [--tag T] [--search TEXT]';
const name = 'weft plugins';

const spec: CommandArgsSpec = {
  name,
  usage,
  options: {
    'plugins-dir': { type: 'string' },
    'data-dir': { type: 'string' },
    strict: { type: 'boolean' },
    json: { type: 'boolean' },
    category: { type: 'string' },
    type: { type: 'string' },
    tag: { type: 'string' },
    search: { type: 'string' },
  },
  positionals: { min: 0, max: 0, names: [] },
};

const help = `${usage}

Discovers the plugins in the plugins folder, loads them in an isolated runner process, and lists each
with its version, load status (loaded, failed or refused), the reason, any warnings and its node types.
The bundled core nodes are listed first. Then statistics: plugins and node types per category, load
status counts and load times, over every plugin whatever the filters.

  --plugins-dir DIR   the plugins folder (default: the data folder's plugins/, see --data-dir)
  --data-dir DIR      the data folder (default: $WEFT_HOME, else ~/.weft)
  --strict            refuse plugins whose manifest has a missing or unknown field
  --json              print { "plugins": [ … ], "stats": { … } } on stdout
  --category C        only plugins of category C, or with a node type of it
  --type T            only plugins providing node type T (or any type of namespace T)
  --tag T             only plugins or node types tagged T
  --search TEXT       only plugins whose names, titles or descriptions contain every word of TEXT

Exit code 0 when the list was made, whatever the plugins' status; 2 for bad usage.
`;

async function run(args: readonly string[], ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  const parsed = parseCommandArgs(spec, args);
  if (parsed.help) {
    io.stdout.write(help);
    return ExitCode.ok;
  }
  const dir =
    stringOption(parsed, 'plugins-dir') ??
    join(resolveDataDir({ dataDir: stringOption(parsed, 'data-dir'), env: io.env }), 'plugins');
  const plugins = await ctx.loadPlugins({ dir, strict: booleanOption(parsed, 'strict') });
  try {
    const filter: { -readonly [K in keyof CatalogFilter]: CatalogFilter[K] } = {};
    for (const key of ['category', 'type', 'tag'] as const) {
      const value = stringOption(parsed, key);
      if (value !== undefined) filter[key] = value;
    }
    const text = stringOption(parsed, 'search');
    if (text !== undefined) filter.text = text;
    const filtered = Object.keys(filter).length > 0;
    const reports = filtered ? filterPlugins(plugins.reports, plugins.descriptors, filter) : plugins.reports;
    const stats = catalogStats(plugins.reports, plugins.descriptors);
    if (booleanOption(parsed, 'json')) {
      io.stdout.write(
        jsonText({
          plugins: reports.map((r) => ({
            name: r.name,
            version: r.version,
            status: r.status,
            reason: r.reason ?? null,
            warnings: r.warnings,
            nodes: r.nodes,
            ...(r.durationMs === undefined ? {} : { durationMs: Math.round(r.durationMs * 10) / 10 }),
          })),
          stats: jsonStats(stats),
        }),
      );
      return ExitCode.ok;
    }
    io.stdout.write(`plugins folder: ${dir}\n\n`);
    io.stdout.write(
      table(
        ['plugin', 'version', 'status', 'node types', 'reason'],
        reports.map((r) => [r.name, r.version, r.status, r.nodes.join(', ') || '—', r.reason ?? '']),
        60,
      ),
    );
    for (const r of reports) for (const w of r.warnings) io.stdout.write(`warning: ${r.name}: ${w}\n`);
    io.stdout.write(`\nby category:\n${categoryTable(stats)}`);
    const { loaded, failed, refused } = stats.plugins.byStatus;
    io.stdout.write(
      `\n${stats.plugins.total} plugins (${loaded} loaded, ${failed} failed, ${refused} refused), ` +
        `${stats.nodeTypes.total} node types; loading took ${Math.round(stats.loadTime.totalMs)} ms` +
        (stats.loadTime.slowest ? `, slowest ${stats.loadTime.slowest} (${Math.round(stats.loadTime.maxMs)} ms)` : '') +
        (filtered ? `; ${reports.length} match the filter` : '') +
        '\n',
    );
    return ExitCode.ok;
  } finally {
    await plugins.close();
  }
}

/** The statistics as `--json` prints them: counts as they are, times to a tenth of a millisecond. */
function jsonStats(stats: CatalogStats): Record<string, unknown> {
  const tenth = (ms: number): number => Math.round(ms * 10) / 10;
  return {
    plugins: stats.plugins,
    nodeTypes: stats.nodeTypes,
    loadTime: {
      totalMs: tenth(stats.loadTime.totalMs),
      maxMs: tenth(stats.loadTime.maxMs),
      ...(stats.loadTime.slowest === undefined ? {} : { slowest: stats.loadTime.slowest }),
    },
  };
}

/** One row per category of a plugin or of a node type, sorted by name, indented under its heading. */
function categoryTable(stats: CatalogStats): string {
  const count = (record: Readonly<Record<string, number>>, key: string): number =>
    Object.hasOwn(record, key) ? (record[key] ?? 0) : 0;
  const categories = [
    ...new Set([...Object.keys(stats.plugins.byCategory), ...Object.keys(stats.nodeTypes.byCategory)]),
  ].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rows = categories.map((c) => [
    c,
    String(count(stats.plugins.byCategory, c)),
    String(count(stats.nodeTypes.byCategory, c)),
  ]);
  return table(['category', 'plugins', 'node types'], rows, 60)
    .split('\n')
    .map((line) => (line === '' ? line : `  ${line}`))
    .join('\n');
}

export const pluginsCommand: Command = {
  name: 'plugins',
  usage,
  summary: 'list plugins, their node types and load status',
  available: true,
  run,
};
