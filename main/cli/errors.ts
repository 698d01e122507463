import type { Problem } from '../../engine/index.js';

/** The process exit codes of SPEC §6, plus one for the CLI's own bugs. */
export const ExitCode = {
  ok: 0,
  /** The workflow ran and failed or was cancelled, or `validate` found problems. */
  failed: 1,
  /** Bad usage, or a file that cannot be read or is not a valid workflow. */
  usage: 2,
  /**
   * A bug in weft itself (an exception nobody expected). Kept apart from 1 and 2 so that a crash is
   * never mistaken for "the workflow failed" or "your file is wrong" (sysexits' EX_SOFTWARE).
   */
  internal: 70,
  /** A second Ctrl-C: quit at once, as a shell reports a process killed by SIGINT (128 + 2). */
  interrupted: 130,
} as const;

/** Something the person typing the command got wrong; printed with the command's usage line. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage: string,
    /** What to print before the message: `weft run`, or `weft` for the command line as a whole. */
    readonly command = 'weft',
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** `FILE: PATH: message (CODE)`, the one shape every problem with a file is printed in. */
export function formatProblem(
  file: string,
  problem: Pick<Problem, 'path' | 'message'> & { code?: string },
): string {
  // `$` is the document itself: there is no path worth printing.
  const where = problem.path === '' || problem.path === '$' ? '' : `${problem.path}: `;
  const code = problem.code === undefined ? '' : ` (${problem.code})`;
  return `${file}: ${where}${problem.message}${code}`;
}

/** Why a file could not be read, in words, from a Node error code. */
export function describeReadError(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}
