import {
  compileWorkflow,
  startRun,
  WorkflowInvalidError,
  type RunEvent,
  type RunRecord,
} from '../../../engine/index.js';
import { booleanOption, parseCommandArgs, stringOption, type CommandArgsSpec } from '../args.js';
import { ExitCode, formatProblem } from '../errors.js';
import { loadWorkflowFile } from '../load-workflow.js';
import { chooseReporter, type ProgressReporter } from '../progress/reporters.js';
import { createRunProgress } from '../progress/state.js';
import { summaryLines } from '../progress/summary.js';
import { colorWanted } from '../progress/text.js';
import type { Command, CommandContext } from './context.js';
import { problemsText, reportLoadFailure } from './load-report.js';

const usage = 'weft run FILE [--input JSON] [--json] [--plugins-dir DIR]';

const spec: CommandArgsSpec = {
  name: 'weft run',
  usage,
  options: {
    input: { type: 'string' },
    json: { type: 'boolean' },
    // Accepted now so scripts can pass it; plugin loading arrives in a later version.
    'plugins-dir': { type: 'string' },
  },
  positionals: { min: 1, max: 1, names: ['FILE'] },
};

const help = `${usage}

Runs the workflow in FILE on this machine and shows each node's status as it changes.

  --input JSON        the run's input, as JSON; it replaces core.manual's payload
  --json              print only the run record, as JSON, on stdout
  --plugins-dir DIR   where plugins are found (plugins arrive in a later version)

Ctrl-C cancels the run; a second Ctrl-C quits at once.
Exit codes: 0 the run succeeded, 1 it failed or was cancelled, 2 bad usage or an unusable file.
`;

/** `--input`'s value, parsed; an error names the option. */
function parseInput(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    return {
      ok: false,
      message: `--input: not valid JSON: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}

/** Calls the reporter without letting a display bug reach the engine (listeners must not throw). */
function guarded(reporter: ProgressReporter, onError: (err: unknown) => void): (event: RunEvent) => void {
  let broken = false;
  return (event) => {
    if (broken) return;
    try {
      reporter.onEvent(event);
    } catch (err) {
      broken = true;
      onError(err);
    }
  };
}

async function run(args: readonly string[], ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  const parsed = parseCommandArgs(spec, args);
  if (parsed.help) {
    io.stdout.write(help);
    return ExitCode.ok;
  }
  const file = parsed.positionals[0] ?? '';
  const json = booleanOption(parsed, 'json');
  const registry = ctx.registry();

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

  let input: { value: unknown } | undefined;
  const inputText = stringOption(parsed, 'input');
  if (inputText !== undefined) {
    const result = parseInput(inputText);
    if (!result.ok) {
      io.stderr.write(`weft run: ${result.message}\n`);
      return ExitCode.usage;
    }
    input = { value: result.value };
  }

  let compiled;
  try {
    compiled = compileWorkflow(loaded.document, registry);
  } catch (err) {
    if (!(err instanceof WorkflowInvalidError)) throw err;
    for (const p of err.problems) io.stderr.write(`${formatProblem(file, p)}\n`);
    return ExitCode.usage;
  }

  const progress = createRunProgress(file, loaded.document);
  const reporter = chooseReporter(io, progress, json);
  let displayError: unknown;
  const onEvent = guarded(reporter, (err) => (displayError = err));

  let record: RunRecord | undefined;
  let stopListening: (() => void) | undefined;
  try {
    await ctx.prepareNodeResources(loaded.document);
    const handle = startRun(compiled, input === undefined ? { onEvent } : { onEvent, input: input.value });
    // A second Ctrl-C quits at once. `io.exit` ends the real process; under test it returns, and this
    // promise makes the command return the same code instead of waiting for the run.
    let quitting = false;
    const quit = new Promise<number>((resolve) => {
      let interrupts = 0;
      stopListening = io.onInterrupt(() => {
        interrupts += 1;
        if (interrupts === 1) {
          reporter.cancelling();
          handle.cancel('interrupted (Ctrl-C)');
          return;
        }
        quitting = true;
        reporter.abort();
        io.stderr.write('\nweft: interrupted; quitting without waiting for the run to stop\n');
        io.exit(ExitCode.interrupted);
        resolve(ExitCode.interrupted);
      });
    });
    const outcome = await Promise.race([handle.done, quit]);
    if (typeof outcome === 'number' || quitting) return ExitCode.interrupted;
    record = outcome;
    reporter.finish();
  } finally {
    stopListening?.();
    await ctx.disposeNodeResources();
  }

  if (record === undefined) throw new Error('the run ended without a record');
  if (json) {
    io.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
  } else {
    const color = colorWanted(io.stdout, io.env);
    io.stdout.write(`${summaryLines(record, progress, { color }).join('\n')}\n`);
  }
  if (displayError !== undefined) {
    const message =
      displayError instanceof Error ? (displayError.stack ?? displayError.message) : String(displayError);
    io.stderr.write(`weft run: the progress display failed (the run was not affected): ${message}\n`);
  }
  return record.status === 'succeeded' ? ExitCode.ok : ExitCode.failed;
}

export const runCommand: Command = {
  name: 'run',
  usage,
  summary: "run a workflow file, showing each node's status as it changes",
  available: true,
  run,
};
