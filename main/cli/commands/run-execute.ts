import type { RunEvent, RunRecord, WorkflowDocument } from '../../../engine/index.js';
import { ExitCode } from '../errors.js';
import { chooseReporter, type ProgressReporter } from '../progress/reporters.js';
import type { RunProgress } from '../progress/state.js';
import { summaryLines } from '../progress/summary.js';
import { colorWanted } from '../progress/text.js';
import type { CommandContext } from './context.js';

/** A run under way, however it was started (a file through the engine, a stored workflow through the store). */
export interface StartedCliRun {
  readonly done: Promise<RunRecord>;
  cancel(reason: string): void;
}

export interface ExecuteOptions {
  /** `weft run` or so, for messages. */
  readonly command: string;
  readonly document: WorkflowDocument;
  /** The display state, every node pending (see createRunProgress). */
  readonly progress: RunProgress;
  readonly json: boolean;
  /** Starts the run; every event of it must be handed to `onEvent`, in order. */
  start(onEvent: (event: RunEvent) => void): StartedCliRun;
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

/**
 * Runs with the live progress display, Ctrl-C handling (the first cancels, the second quits at once),
 * and the summary or `--json` record at the end. Returns the exit code: 0 succeeded, 1 failed or
 * cancelled, 130 quit.
 */
export async function executeRun(ctx: CommandContext, opts: ExecuteOptions): Promise<number> {
  const { io } = ctx;
  const { progress, json } = opts;
  const reporter = chooseReporter(io, progress, json);
  let displayError: unknown;
  const onEvent = guarded(reporter, (err) => (displayError = err));

  let record: RunRecord | undefined;
  let stopListening: (() => void) | undefined;
  try {
    await ctx.prepareNodeResources(opts.document);
    const handle = opts.start(onEvent);
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

  if (json) {
    io.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
  } else {
    const color = colorWanted(io.stdout, io.env);
    io.stdout.write(`${summaryLines(record, progress, { color }).join('\n')}\n`);
  }
  if (displayError !== undefined) {
    const message =
      displayError instanceof Error ? (displayError.stack ?? displayError.message) : String(displayError);
    io.stderr.write(`${opts.command}: the progress display failed (the run was not affected): ${message}\n`);
  }
  return record.status === 'succeeded' ? ExitCode.ok : ExitCode.failed;
}

/** `--input`'s value, parsed; an error names the option. */
export function parseInput(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    return {
      ok: false,
      message: `--input: not valid JSON: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}
