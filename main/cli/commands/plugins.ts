import { join } from 'node:path';
import { resolveDataDir } from '../../services/store.js';
import { booleanOption, parseCommandArgs, stringOption, type CommandArgsSpec } from '../args.js';
import { ExitCode } from '../errors.js';
import { catalogStats, filterPlugins, type CatalogFilter } from '../../plugins/catalog.js';
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
The bundled core nodes are listed first.

  --plugins-dir DIR   the plugins folder (default: the data folder's plugins/, see --data-dir)
  --data-dir DIR      the data folder (default: $WEFT_HOME, else ~/.weft)
  --strict            refuse plugins whose manifest has a missing or unknown field
  --json              print { "plugins": [ … ] } on stdout
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
    const stats = catalogStats(plugins.reports, plugins.descriptors);
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

export const pluginsCommand: Command = {
  name: 'plugins',
  usage,
  summary: 'list plugins, their node types and load status',
  available: true,
  run,
};
