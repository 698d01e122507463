// Turns a failed call into a notice a person can act on: the message, and for a refused document the
// problems with their JSON paths (INVALID_INPUT's details.problems), in one `problem` notice.
import { ApiCallError } from '../../../preload/contract.js';
import { errorMessage } from '../../api/client.js';
import { useUiStore } from '../../stores/ui.store.js';

interface ReportedProblem {
  path: string;
  message: string;
}

/** How many problems one notice lists before "and N more". */
const LISTED = 8;

function problemsOf(err: unknown): ReportedProblem[] {
  if (!(err instanceof ApiCallError)) return [];
  const problems = err.error.details?.['problems'];
  if (!Array.isArray(problems)) return [];
  return problems.filter(
    (p): p is ReportedProblem =>
      typeof p === 'object' && p !== null && typeof p.path === 'string' && typeof p.message === 'string',
  );
}

/** The text of the notice for `err`, prefixed by what failed ("Not saved"). */
export function describeFailure(what: string, err: unknown): string {
  const problems = problemsOf(err);
  if (problems.length === 0) return `${what}: ${errorMessage(err)}`;
  const lines = problems.slice(0, LISTED).map((p) => `${p.path}: ${p.message}`);
  if (problems.length > LISTED) lines.push(`…and ${problems.length - LISTED} more`);
  return `${what}: ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}\n${lines.join('\n')}`;
}

export function reportFailure(what: string, err: unknown, source: string): void {
  useUiStore.getState().notify('problem', describeFailure(what, err), source);
}

export function isConflict(err: unknown): err is ApiCallError {
  return err instanceof ApiCallError && err.code === 'CONFLICT';
}
