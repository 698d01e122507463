import type { RunEvent } from '../../../engine/index.js';
import type { CliIo } from '../io.js';
import { renderFrame } from './live-frame.js';
import { LiveDisplay } from './live-display.js';
import { idColumnWidth, plainLine } from './plain-lines.js';
import { applyRunEvent, type RunProgress } from './state.js';
import { colorWanted } from './text.js';

/** Shows a run's progress as its events arrive. */
export interface ProgressReporter {
  /** Called for every event, after nothing else; must not throw (the engine calls it synchronously). */
  onEvent(event: RunEvent): void;
  /** The first Ctrl-C: the run is being cancelled. */
  cancelling(): void;
  /** The run is over: draw the last state. */
  finish(): void;
  /** Quitting at once (a second Ctrl-C): leave the terminal usable. */
  abort(): void;
}

/** `--json`: nothing on stdout but the record at the end, so progress is only tracked. */
export function createSilentReporter(io: CliIo, progress: RunProgress): ProgressReporter {
  return {
    onEvent: (event) => applyRunEvent(progress, event),
    cancelling: () => {
      progress.cancelling = true;
      io.stderr.write('weft: cancelling the run (press Ctrl-C again to quit at once)\n');
    },
    finish: () => {},
    abort: () => {},
  };
}

/** Piped output: one plain line per event, written as it happens. */
export function createPlainReporter(io: CliIo, progress: RunProgress): ProgressReporter {
  const idWidth = idColumnWidth(progress);
  return {
    onEvent: (event) => {
      applyRunEvent(progress, event);
      io.stdout.write(`${plainLine(progress, event, idWidth)}\n`);
    },
    cancelling: () => {
      progress.cancelling = true;
      io.stderr.write('weft: cancelling the run (press Ctrl-C again to quit at once)\n');
    },
    finish: () => {},
    abort: () => {},
  };
}

/** A terminal: the live display, redrawn in place. */
export function createLiveReporter(io: CliIo, progress: RunProgress): ProgressReporter {
  const color = colorWanted(io.stdout, io.env);
  const display = new LiveDisplay({
    out: io.stdout,
    every: (ms, fn) => io.every(ms, fn),
    frame: ({ columns, rows }) => renderFrame(progress, { columns, rows, now: io.now(), color }),
  });
  let started = false;
  return {
    onEvent: (event) => {
      applyRunEvent(progress, event);
      if (!started) {
        started = true;
        display.start();
      }
    },
    cancelling: () => {
      progress.cancelling = true;
    },
    finish: () => {
      // Even a run that produced no event gets its one (final) frame.
      display.start();
      display.finish();
    },
    abort: () => display.abort(),
  };
}

/** The reporter for where stdout goes: nothing for `--json`, live for a terminal, lines otherwise. */
export function chooseReporter(io: CliIo, progress: RunProgress, json: boolean): ProgressReporter {
  if (json) return createSilentReporter(io, progress);
  if (io.stdout.isTTY && io.env.TERM !== 'dumb') return createLiveReporter(io, progress);
  return createPlainReporter(io, progress);
}
