import { compileWorkflow, startRun, WorkflowInvalidError, type NodeTypeRegistry } from '../../../engine/index.js';
import {
  booleanOption,
  parseCommandArgs,
  stringOption,
  type CommandArgsSpec,
  type ParsedArgs,
} from '../args.js';
import { ExitCode, formatProblem, UsageError } from '../errors.js';
import { loadWorkflowFile } from '../load-workflow.js';
import { createRunProgress } from '../progress/state.js';
import type { Command, CommandContext } from './context.js';
import { problemsText, reportLoadFailure } from './load-report.js';
import { executeRun, parseInput } from './run-execute.js';
import { runStoredWorkflow } from './run-stored.js';
import { storeOptions, storeOptionsHelp } from './store-session.js';

const usage = 'weft run FILE [--input JSON] [--json] [--plugins-dir DIR]';
const storedUsage = 'weft run --id ID [--input JSON] [--json] [--data-dir DIR] [--workspace NAME]';

const spec: CommandArgsSpec = {
  name: 'weft run',
  usage,
  options: {
    input: { type: 'string' },
    json: { type: 'boolean' },
    'plugins-dir': { type: 'string' },
    id: { type: 'string' },
    ...storeOptions,
  },
  positionals: { min: 0, max: 1, names: ['FILE'] },
};

const help = `${usage}
${storedUsage}

Runs the workflow in FILE on this machine and shows each node's status as it changes. With --id,
runs the stored workflow ID of the workspace instead, and records the run (see weft runs ID).

  --input JSON        the run's input, as JSON; it replaces core.manual's payload
  --json              print only the run record, as JSON, on stdout
  --plugins-dir DIR   load the plugins of DIR (in an isolated runner) for their node types
  --id ID             run the stored workflow ID (from weft list) and record the run
${storeOptionsHelp}

Ctrl-C cancels the run; a second Ctrl-C quits at once.
Exit codes: 0 the run succeeded, 1 it failed or was cancelled, 2 bad usage, an unusable file, or a
workflow not found in the workspace.
`;

/** FILE or --id ID, exactly one; the store options only go with --id. */
function target(parsed: ParsedArgs): { file: string } | { id: string } {
  const file = parsed.positionals[0];
  const id = stringOption(parsed, 'id');
  if (file !== undefined && id !== undefined) {
    throw new UsageError('give FILE or --id ID, not both', usage, spec.name);
  }
  if (id !== undefined) return { id };
  if (file === undefined) throw new UsageError('missing FILE (or --id ID)', usage, spec.name);
  for (const option of ['data-dir', 'workspace']) {
    if (parsed.values[option] !== undefined) {
      throw new UsageError(
        `option --${option} goes with --id ID (a file run is not recorded)`,
        usage,
        spec.name,
      );
    }
  }
  return { file };
}

/** `--input`, parsed: `null` after saying why it is not JSON, undefined when not given. */
function inputOption(ctx: CommandContext, parsed: ParsedArgs): { value: unknown } | undefined | null {
  const inputText = stringOption(parsed, 'input');
  if (inputText === undefined) return undefined;
  const result = parseInput(inputText);
  if (result.ok) return { value: result.value };
  ctx.io.stderr.write(`weft run: ${result.message}\n`);
  return null;
}

async function runFile(ctx: CommandContext, parsed: ParsedArgs, file: string): Promise<number> {
  const dir = stringOption(parsed, 'plugins-dir');
  if (dir === undefined) return runFileWith(ctx, parsed, file, ctx.registry());
  const plugins = await ctx.loadPlugins({ dir });
  try {
    return await runFileWith(ctx, parsed, file, plugins.registry);
  } finally {
    await plugins.close();
  }
}

async function runFileWith(ctx: CommandContext, parsed: ParsedArgs, file: string, registry: NodeTypeRegistry): Promise<number> {
  const { io } = ctx;
  const loaded = await loadWorkflowFile(io, file, registry);
  if (!loaded.ok) {
    reportLoadFailure(io, file, loaded);
    if (loaded.stage === 'content') {
      io.stderr.write(
        `weft run: ${file} is not a valid workflow (${problemsText(loaded.problems.length)}); nothing was run\n`,
      );
    }
    return ExitCode.usage;
  }
  const input = inputOption(ctx, parsed);
  if (input === null) return ExitCode.usage;

  let compiled;
  try {
    compiled = compileWorkflow(loaded.document, registry);
  } catch (err) {
    if (!(err instanceof WorkflowInvalidError)) throw err;
    for (const p of err.problems) io.stderr.write(`${formatProblem(file, p)}\n`);
    return ExitCode.usage;
  }

  return executeRun(ctx, {
    command: 'weft run',
    document: loaded.document,
    progress: createRunProgress(file, loaded.document),
    json: booleanOption(parsed, 'json'),
    start: (onEvent) =>
      startRun(compiled, input === undefined ? { onEvent } : { onEvent, input: input.value }),
  });
}

async function run(args: readonly string[], ctx: CommandContext): Promise<number> {
  const parsed = parseCommandArgs(spec, args);
  if (parsed.help) {
    ctx.io.stdout.write(help);
    return ExitCode.ok;
  }
  const what = target(parsed);
  if ('file' in what) return runFile(ctx, parsed, what.file);
  const input = inputOption(ctx, parsed);
  if (input === null) return ExitCode.usage;
  return runStoredWorkflow(ctx, parsed, what.id, input, booleanOption(parsed, 'json'));
}

export const runCommand: Command = {
  name: 'run',
  usage,
  summary: "run a workflow file, showing each node's status as it changes",
  available: true,
  alsoUsage: [
    {
      usage: 'weft run --id ID [--input JSON] [--json]',
      summary: 'run a stored workflow and record the run',
    },
  ],
  run,
};
