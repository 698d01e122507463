import { InvalidInputError } from '../../errors.js';
import { createWorkspace, listWorkspaces } from '../../services/workspaces.service.js';
import { booleanOption, parseCommandArgs, type CommandArgsSpec } from '../args.js';
import { ExitCode, UsageError } from '../errors.js';
import type { Command, CommandContext } from './context.js';
import { CommandFailure, storeOptions, withStore } from './store-session.js';
import { formatTime, jsonText, table } from './table.js';

const usage = 'weft workspaces [create NAME] [--json] [--data-dir DIR]';
const name = 'weft workspaces';

const spec: CommandArgsSpec = {
  name,
  usage,
  options: { 'data-dir': storeOptions['data-dir'] ?? { type: 'string' }, json: { type: 'boolean' } },
  positionals: { min: 0, max: 2, names: ['create', 'NAME'] },
};

const help = `${usage}

Lists the workspaces of the store (name, id, when created), or creates one. Each workspace has its
own workflows and runs; pick one with --workspace NAME on the other store commands. The workspace
named Default is created on first use.

  --json              print { "workspaces": [ … ] }, or the created workspace, on stdout
  --data-dir DIR      the data folder (default: $WEFT_HOME, else ~/.weft)

Exit codes: 0 done, 2 bad usage or a name already taken (names are compared ignoring case).
`;

async function run(args: readonly string[], ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  const parsed = parseCommandArgs(spec, args);
  if (parsed.help) {
    io.stdout.write(help);
    return ExitCode.ok;
  }
  const [action, newName] = parsed.positionals;
  if (action !== undefined && action !== 'create') {
    throw new UsageError(`unknown action '${action}' (the one action is 'create')`, usage, name);
  }
  if (action === 'create' && newName === undefined) throw new UsageError('missing NAME', usage, name);
  const json = booleanOption(parsed, 'json');
  return withStore(ctx, name, parsed, ({ store }) => {
    if (newName !== undefined) {
      let created;
      try {
        created = createWorkspace(store, newName);
      } catch (err) {
        // "a workspace named "X" exists", "a workspace name is 1–100 characters".
        if (err instanceof InvalidInputError)
          throw new CommandFailure(err.problems[0]?.message ?? err.message);
        throw err;
      }
      io.stdout.write(json ? jsonText(created) : `created workspace ${created.name} (${created.id})\n`);
      return ExitCode.ok;
    }
    const workspaces = listWorkspaces(store);
    if (json) {
      io.stdout.write(jsonText({ workspaces }));
      return ExitCode.ok;
    }
    const rows = workspaces.map((w) => [w.name, w.id, formatTime(w.createdAt)]);
    io.stdout.write(table(['NAME', 'ID', 'CREATED'], rows));
    return ExitCode.ok;
  });
}

export const workspacesCommand: Command = {
  name: 'workspaces',
  usage: 'weft workspaces [create NAME] [--json]',
  summary: 'list workspaces, or create one',
  available: true,
  run,
};
