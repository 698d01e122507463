import type { z } from 'zod';
import { formatPath, type Problem, type ProblemCode } from '../model/problem.js';

type Issue = z.core.$ZodIssue;

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v = root;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

function codeFor(path: ReadonlyArray<PropertyKey>, fallback: ProblemCode): ProblemCode {
  return path.includes('policy') ? 'INVALID_POLICY' : fallback;
}

/** Turns zod's issues into problems with JSON paths and messages a person can act on. */
export function issuesToProblems(issues: readonly Issue[], input: unknown): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path as Array<string | number>;
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          out.push({ path: formatPath([...path, key]), code: codeFor(path, 'UNKNOWN_KEY'), message: `unknown key "${key}"` });
        }
        break;
      case 'invalid_type': {
        const got = valueAt(input, path);
        if (got === undefined) out.push({ path: formatPath(path), code: 'REQUIRED', message: 'required' });
        else {
          out.push({
            path: formatPath(path),
            code: codeFor(path, 'INVALID_VALUE'),
            message: `expected ${issue.expected}, got ${describeType(got)}`,
          });
        }
        break;
      }
      case 'invalid_value':
        if (valueAt(input, path) === undefined) {
          out.push({ path: formatPath(path), code: 'REQUIRED', message: 'required' });
          break;
        }
        out.push({
          path: formatPath(path),
          code: codeFor(path, path[0] === 'formatVersion' ? 'FORMAT_VERSION' : 'INVALID_VALUE'),
          message: `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${JSON.stringify(valueAt(input, path))}`,
        });
        break;
      case 'too_big':
        out.push({
          path: formatPath(path),
          code: issue.origin === 'array' && path.length === 1 ? 'LIMIT_EXCEEDED' : codeFor(path, 'INVALID_VALUE'),
          message: `${issue.origin === 'array' ? 'too many items' : 'too large'}: at most ${String(issue.maximum)}`,
        });
        break;
      case 'too_small':
        out.push({
          path: formatPath(path),
          code: codeFor(path, 'INVALID_VALUE'),
          message: issue.origin === 'string' ? 'must not be empty' : `must be at least ${String(issue.minimum)}`,
        });
        break;
      default:
        out.push({ path: formatPath(path), code: codeFor(path, 'INVALID_VALUE'), message: issue.message });
    }
  }
  return out;
}
