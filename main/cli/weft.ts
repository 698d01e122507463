import { parseCommandArgs } from './args.js';
import { runCommand } from './commands/run.js';
import { validateCommand } from './commands/validate.js';
import { importCommand } from './commands/import.js';
import { exportCommand } from './commands/export.js';
import { listCommand } from './commands/list.js';
import { runsCommand } from './commands/runs.js';
import { workspacesCommand } from './commands/workspaces.js';
import { laterCommands } from './commands/later.js';
import { pluginsCommand } from './commands/plugins.js';
import { serveCommand } from './commands/serve.js';
import type { Command, CommandContext } from './commands/context.js';
import { ExitCode, UsageError } from './errors.js';
import { createProcessIo, type CliIo } from './io.js';
import { createCliNodeResources, nodeResourcesContext } from './registry.js';
import { readVersion } from './version.js';

export type { CliIo, OutStream, FileInfo } from './io.js';
export type { CommandContext } from './commands/context.js';

/** Every command, in the order the help lists them. Add a command here (and nowhere else). */
const commands: readonly Command[] = [
  runCommand,
  validateCommand,
  importCommand,
  exportCommand,
  listCommand,
  runsCommand,
  workspacesCommand,
  pluginsCommand,
  serveCommand,
  ...laterCommands,
];
const byName = new Map(commands.map((c) => [c.name, c]));

const USAGE = 'weft <command> [options]   (weft help for the list)';

/** The help's line naming the commands a later version brings, if there are any. */
function later(): string {
  const names = commands.filter((c) => !c.available).map((c) => c.name);
  return names.length === 0 ? '' : `\nComing in a later version: ${names.join(', ')}.\n`;
}

function generalHelp(): string {
  const available = commands
    .filter((c) => c.available)
    .flatMap((c) => [{ usage: c.usage, summary: c.summary }, ...(c.alsoUsage ?? [])]);
  // Usage lines longer than this get their summary on the next line, so the column stays narrow.
  const widest = 44;
  const width = Math.max(...available.map((c) => c.usage.length).filter((n) => n <= widest)) + 3;
  const row = (usage: string, summary: string): string =>
    usage.length > widest
      ? `  ${usage}\n  ${' '.repeat(width)}${summary}\n`
      : `  ${usage.padEnd(width)}${summary}\n`;
  return (
    'weft: run and check Weft workflows from the command line\n\nUsage:\n' +
    available.map((c) => row(c.usage, c.summary)).join('') +
    row('weft help [COMMAND]', 'show this help, or a command’s') +
    row('weft --version', 'print the version') +
    later() +
    '\nThe store commands (import, export, list, runs, workspaces, run --id) take --data-dir DIR\n' +
    '(default: $WEFT_HOME, else ~/.weft) and --workspace NAME (default: Default, created on first use).\n' +
    '\nExit codes: 0 success; 1 the workflow failed or was cancelled, or validate found problems;\n' +
    '2 bad usage, a file that cannot be read or is not a valid workflow, or an id not found.\n'
  );
}

async function dispatch(argv: readonly string[], ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr.write(generalHelp());
    return ExitCode.usage;
  }
  if (first === 'help' || first === '--help' || first === '-h') {
    const topic = rest[0];
    if (topic === undefined) {
      io.stdout.write(generalHelp());
      return ExitCode.ok;
    }
    const command = byName.get(topic);
    if (command === undefined) throw new UsageError(`unknown command '${topic}'`, USAGE);
    if (!command.available) {
      io.stdout.write(`${command.usage}\n\n${command.summary} (not available yet in this version)\n`);
      return ExitCode.ok;
    }
    return command.run(['--help'], ctx);
  }
  if (first === '--version' || first === '-V' || first === '-v') {
    parseCommandArgs(
      { name: 'weft', usage: 'weft --version', options: {}, positionals: { min: 0, max: 0, names: [] } },
      rest,
    );
    io.stdout.write(`weft ${await readVersion(io)}\n`);
    return ExitCode.ok;
  }
  if (first.startsWith('-')) throw new UsageError(`unknown option '${first}'`, USAGE);
  const command = byName.get(first);
  if (command === undefined) throw new UsageError(`unknown command '${first}'`, USAGE);
  return command.run(rest, ctx);
}

/** Runs one command line with the given context and returns the exit code; never throws. */
export async function runCli(argv: readonly string[], ctx: CommandContext): Promise<number> {
  try {
    return await dispatch(argv, ctx);
  } catch (err) {
    if (err instanceof UsageError) {
      ctx.io.stderr.write(`${err.command}: ${err.message}\nusage: ${err.usage}\n`);
      return ExitCode.usage;
    }
    const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
    ctx.io.stderr.write(`weft: internal error (a bug in weft, not in your workflow): ${detail}\n`);
    return ExitCode.internal;
  }
}

/** How long a finished CLI waits for the event loop to empty by itself before ending the process. */
const EXIT_GRACE_MS = 250;

/**
 * Once the command is done the process must end, even if abandoned work still holds the event loop
 * open: a node that a timeout or a cancel gave up on but that keeps a timer, a socket or a worker
 * alive. The output is flushed first (every write handed to the OS), then an unref'd timer is set:
 * it does not itself keep the process alive, so when nothing else does the process ends normally at
 * once (with the exit code the caller put in `process.exitCode`), and only when something leaked does
 * the timer fire and end it with `process.exit(code)`. Only `main` without an `io` does this: that
 * call is the process. Tests pass an io and never reach it.
 */
async function releaseProcess(io: CliIo, code: number): Promise<void> {
  await io.flush();
  setTimeout(() => process.exit(code), EXIT_GRACE_MS).unref();
}

/**
 * The `weft` command line. Returns the exit code; nothing runs on import. Without `io` it is the
 * process's own command line (bin/weft.js): real streams, files and signals, and the process is made
 * to end once the command is done (see `releaseProcess`).
 */
export async function main(argv: string[], io?: CliIo): Promise<number> {
  // One command, one set of node resources: user code and plugins run in its runner process (started
  // only if needed), which is stopped before the command returns.
  const resources = createCliNodeResources();
  const ctx: CommandContext = { io: io ?? createProcessIo(), ...nodeResourcesContext(resources) };
  let code: number;
  try {
    code = await runCli(argv, ctx);
  } finally {
    await resources.dispose();
  }
  if (io === undefined) await releaseProcess(ctx.io, code);
  return code;
}
