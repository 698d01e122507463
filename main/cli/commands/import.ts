import { LIMITS } from '../../../engine/index.js';
import { InvalidInputError, MissingPluginsError, WeftError } from '../../errors.js';
import { importWorkflow } from '../../services/workflows.service.js';
import { booleanOption, parseCommandArgs, type CommandArgsSpec } from '../args.js';
import { describeReadError, ExitCode, formatProblem } from '../errors.js';
import type { CliIo } from '../io.js';
import { formatBytes } from '../progress/format.js';
import type { Command, CommandContext } from './context.js';
import { problemsText } from './load-report.js';
import { storeOptions, storeOptionsHelp, withStore } from './store-session.js';

const usage = 'weft import FILE [--json] [--data-dir DIR] [--workspace NAME]';
const name = 'weft import';

const spec: CommandArgsSpec = {
  name,
  usage,
  options: { ...storeOptions, json: { type: 'boolean' } },
  positionals: { min: 1, max: 1, names: ['FILE'] },
};

const help = `${usage}

Imports the workflow in FILE into the store as a new workflow (with a new id) and prints its id.
The file is checked as \`weft validate\` does, and every plugin it requires must be installed; a
refused file imports nothing.

  --json              print { "id": "<new workflow id>" } on stdout
${storeOptionsHelp}

Exit codes: 0 imported, 2 bad usage, or a file that cannot be read or is refused.
`;

/** Reads the file, refusing one over the size limit before reading it; undefined after a message. */
async function readWorkflowFile(io: CliIo, file: string): Promise<string | undefined> {
  try {
    const info = await io.stat(file);
    if (!info.isFile) {
      io.stderr.write(`${file}: cannot read the file: not a file\n`);
      return undefined;
    }
    if (info.size > LIMITS.maxBytes) {
      const message = `the file is ${formatBytes(info.size)}; a workflow may be at most ${formatBytes(LIMITS.maxBytes)}`;
      io.stderr.write(`${formatProblem(file, { path: '$', message, code: 'TOO_LARGE' })}\n`);
      return undefined;
    }
    return await io.readFile(file);
  } catch (err) {
    io.stderr.write(`${file}: cannot read the file: ${describeReadError(err)}\n`);
    return undefined;
  }
}

/** Prints why the file was refused, one `FILE: path: message (CODE)` line per problem; returns how many. */
function reportRefusal(io: CliIo, file: string, err: WeftError): number {
  if (err instanceof MissingPluginsError) {
    for (const p of err.plugins) {
      const what = p.version ? `${p.plugin}@${p.version}` : p.plugin;
      io.stderr.write(
        `${formatProblem(file, { path: 'requires', message: `plugin ${what} is not installed`, code: err.code })}\n`,
      );
    }
    return err.plugins.length;
  }
  if (err instanceof InvalidInputError) {
    for (const p of err.problems) io.stderr.write(`${formatProblem(file, p)}\n`);
    return err.problems.length;
  }
  io.stderr.write(
    `${formatProblem(file, { path: err.path ?? '$', message: err.message, code: err.code })}\n`,
  );
  return 1;
}

async function run(args: readonly string[], ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  const parsed = parseCommandArgs(spec, args);
  if (parsed.help) {
    io.stdout.write(help);
    return ExitCode.ok;
  }
  const file = parsed.positionals[0] ?? '';
  const text = await readWorkflowFile(io, file);
  if (text === undefined) return ExitCode.usage;
  return withStore(ctx, name, parsed, ({ store, workspace }) => {
    let id: string;
    try {
      id = importWorkflow(store, workspace.id, text).id;
    } catch (err) {
      if (!(err instanceof WeftError)) throw err;
      const n = reportRefusal(io, file, err);
      io.stderr.write(`${name}: ${file} was not imported (${problemsText(n)})\n`);
      return ExitCode.usage;
    }
    // The shape SPEC §6 prints: one line, one key.
    if (booleanOption(parsed, 'json')) io.stdout.write(`{ "id": ${JSON.stringify(id)} }\n`);
    else io.stdout.write(`${id}\n`);
    return ExitCode.ok;
  });
}

export const importCommand: Command = {
  name: 'import',
  usage: 'weft import FILE [--json]',
  summary: 'import a workflow file into the store; prints the new id',
  available: true,
  run,
};
