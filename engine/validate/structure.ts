import { FORBIDDEN_KEYS, LIMITS } from '../model/limits.js';
import { formatPath, type Problem } from '../model/problem.js';

/** UTF-8 byte length without allocating an encoded copy. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Walks parsed JSON once, reporting forbidden keys wherever they sit and nesting deeper than the limit.
 * Stops descending below the depth limit so a hostile document cannot make the walk itself expensive.
 */
export function checkStructure(value: unknown, maxDepth: number = LIMITS.maxDepth): Problem[] {
  const problems: Problem[] = [];
  const path: Array<string | number> = [];
  let reportedDepth = false;
  const walk = (v: unknown, depth: number): void => {
    if (v === null || typeof v !== 'object') return;
    if (depth > maxDepth) {
      if (!reportedDepth) {
        problems.push({ path: formatPath(path), code: 'TOO_DEEP', message: `nested deeper than ${maxDepth} levels` });
        reportedDepth = true;
      }
      return;
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        walk(v[i], depth + 1);
        path.pop();
      }
      return;
    }
    for (const key of Object.keys(v)) {
      path.push(key);
      if (FORBIDDEN_KEYS.has(key)) {
        problems.push({ path: formatPath(path), code: 'FORBIDDEN_KEY', message: `the key "${key}" is not allowed` });
      } else {
        walk((v as Record<string, unknown>)[key], depth + 1);
      }
      path.pop();
    }
  };
  walk(value, 1);
  return problems;
}
