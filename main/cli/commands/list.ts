import { listWorkflows, MAX_PAGE } from '../../services/workflows.service.js';
import { booleanOption, parseCommandArgs, stringOption, type CommandArgsSpec } from '../args.js';
import { ExitCode, UsageError } from '../errors.js';
import { plural } from '../progress/format.js';
import type { Command, CommandContext } from './context.js';
import {
  collectPages,
  positiveIntOption,
  storeOptions,
  storeOptionsHelp,
  withStore,
} from './store-session.js';
import { formatTime, jsonText, table } from './table.js';

const usage =
  'weft list [--json] [--search TEXT] [--tag TAG] [--sort updated|name] [--limit N] [--data-dir DIR] [--workspace NAME]';
const name = 'weft list';

/** How many workflows the text form shows when no --limit is given. */
export const TEXT_LIST_DEFAULT = 50;

const spec: CommandArgsSpec = {
  name,
  usage,
  options: {
    ...storeOptions,
    json: { type: 'boolean' },
    search: { type: 'string' },
    tag: { type: 'string' },
    sort: { type: 'string' },
    limit: { type: 'string' },
  },
  positionals: { min: 0, max: 0, names: [] },
};

const help = `${usage}

Lists the workspace's workflows: id, name, version, last update and tags, most recently updated
first (or by name with --sort name).

  --search TEXT       only workflows whose name or description contains TEXT (any case)
  --tag TAG           only workflows tagged TAG
  --sort updated|name the order (default: updated, newest first)
  --limit N           at most N workflows (default: ${TEXT_LIST_DEFAULT} for the table, all for --json)
  --json              print { "workflows": [ … ] } on stdout
${storeOptionsHelp}
`;

function sortOption(value: string | undefined): 'updated' | 'name' | undefined {
  if (value === undefined || value === 'updated' || value === 'name') return value;
  throw new UsageError(`option --sort is 'updated' or 'name', not '${value}'`, usage, name);
}

async function run(args: readonly string[], ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  const parsed = parseCommandArgs(spec, args);
  if (parsed.help) {
    io.stdout.write(help);
    return ExitCode.ok;
  }
  const json = booleanOption(parsed, 'json');
  const sort = sortOption(stringOption(parsed, 'sort'));
  const limit = positiveIntOption(spec, parsed, 'limit') ?? (json ? undefined : TEXT_LIST_DEFAULT);
  const search = stringOption(parsed, 'search');
  const tag = stringOption(parsed, 'tag');
  return withStore(ctx, name, parsed, ({ store, workspace }) => {
    const { items, more } = collectPages(
      (cursor, size) => listWorkflows(store, workspace.id, { cursor, limit: size, search, tag, sort }),
      limit,
      MAX_PAGE,
    );
    if (json) {
      io.stdout.write(jsonText({ workflows: items }));
      return ExitCode.ok;
    }
    if (items.length === 0) {
      const filtered = search !== undefined || tag !== undefined;
      io.stdout.write(
        filtered
          ? `No workflow in workspace ${workspace.name} matches.\n`
          : `No workflows in workspace ${workspace.name} yet (weft import FILE adds one).\n`,
      );
      return ExitCode.ok;
    }
    const rows = items.map((w) => [
      w.id,
      w.name,
      String(w.version),
      formatTime(w.updatedAt),
      w.tags.join(', '),
    ]);
    io.stdout.write(table(['ID', 'NAME', 'VERSION', 'UPDATED', 'TAGS'], rows));
    if (more) {
      io.stdout.write(
        `(showing the first ${plural(items.length, 'workflow')}; --limit N shows more, --json lists all)\n`,
      );
    }
    return ExitCode.ok;
  });
}

export const listCommand: Command = {
  name: 'list',
  usage: 'weft list [--json] [--search TEXT] [--tag TAG] [--sort updated|name] [--limit N]',
  summary: 'list the workflows in the store',
  available: true,
  run,
};
