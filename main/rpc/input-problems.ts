// Turns zod's issues into the problems an INVALID_INPUT error lists, each with the JSON path of the bad
// value as people read it (`fromNode.nodeId`, `policy.deniedNodeTypes[3]`).
import type { z } from 'zod';
import { formatPath } from '../../engine/model/problem.js';
import type { InputProblem } from '../errors.js';

type Segment = string | number;

function segments(path: readonly PropertyKey[]): Segment[] {
  return path.map((s) => (typeof s === 'symbol' ? String(s) : s));
}

/** Whether `input` holds an own value at `path` (undefined counts as missing). */
function present(input: unknown, path: readonly Segment[]): boolean {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return false;
    value = (value as Record<Segment, unknown>)[key];
  }
  return value !== undefined;
}

/** One problem per issue (per key for unknown keys), in zod's order. */
export function inputProblems(error: z.ZodError, input: unknown): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const issue of error.issues) {
    const path = segments(issue.path);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({ path: formatPath([...path, key]), message: 'unknown key', code: 'UNKNOWN_KEY' });
      }
    } else if (issue.code === 'invalid_type' && path.length > 0 && !present(input, path)) {
      problems.push({ path: formatPath(path), message: 'required', code: 'REQUIRED' });
    } else {
      problems.push({ path: formatPath(path), message: issue.message, code: 'INVALID_VALUE' });
    }
  }
  return problems;
}
