import { formatProblem } from '../errors.js';
import type { CliIo } from '../io.js';
import type { LoadResult } from '../load-workflow.js';
import { plural } from '../progress/format.js';

/** Prints why a workflow file could not be used, one `FILE: PATH: message (CODE)` line per problem. */
export function reportLoadFailure(io: CliIo, file: string, result: Exclude<LoadResult, { ok: true }>): void {
  if (result.stage === 'read') {
    io.stderr.write(`${file}: cannot read the file: ${result.message}\n`);
    return;
  }
  for (const p of result.problems) io.stderr.write(`${formatProblem(file, p)}\n`);
}

/** "1 problem" / "3 problems". */
export function problemsText(n: number): string {
  return plural(n, 'problem');
}
