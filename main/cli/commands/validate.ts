import { parseCommandArgs, stringOption, type CommandArgsSpec } from '../args.js';
import { ExitCode, formatProblem } from '../errors.js';
import { loadWorkflowFile } from '../load-workflow.js';
import type { Command, CommandContext } from './context.js';
import { problemsText } from './load-report.js';

const usage = 'weft validate FILE [--plugins-dir DIR]';

const spec: CommandArgsSpec = {
  name: 'weft validate',
  usage,
  options: { 'plugins-dir': { type: 'string' } },
  positionals: { min: 1, max: 1, names: ['FILE'] },
};

const help = `${usage}

Checks the workflow in FILE as a run, an import or a save would, and prints every problem found
with its JSON path. Nothing is run.

  --plugins-dir DIR   load the plugins of DIR (in an isolated runner) for their node types

Exit codes: 0 no problem, 1 problems found (not JSON, too large, invalid), 2 bad usage or a file
that cannot be read.
`;

async function validate(args: readonly string[], ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  const parsed = parseCommandArgs(spec, args);
  if (parsed.help) {
    io.stdout.write(help);
    return ExitCode.ok;
  }
  const file = parsed.positionals[0] ?? '';
  const dir = stringOption(parsed, 'plugins-dir');
  const plugins = dir === undefined ? undefined : await ctx.loadPlugins({ dir });
  let loaded;
  try {
    loaded = await loadWorkflowFile(io, file, plugins?.registry ?? ctx.registry());
  } finally {
    await plugins?.close();
  }
  if (loaded.ok) {
    io.stdout.write(`${file}: ok\n`);
    return ExitCode.ok;
  }
  if (loaded.stage === 'read') {
    io.stderr.write(`${file}: cannot read the file: ${loaded.message}\n`);
    return ExitCode.usage;
  }
  // The problems are the command's result, not an error of the command: stdout, so they can be piped.
  for (const p of loaded.problems) io.stdout.write(`${formatProblem(file, p)}\n`);
  io.stderr.write(`weft validate: ${file}: ${problemsText(loaded.problems.length)}\n`);
  return ExitCode.failed;
}

export const validateCommand: Command = {
  name: 'validate',
  usage,
  summary: 'check a workflow file and print every problem with its path',
  available: true,
  run: validate,
};
