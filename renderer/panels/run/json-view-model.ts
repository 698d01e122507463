// What the JSON viewer needs to know about a value without rendering it: its kind, a one-line summary,
// whether it is small enough to show fully expanded, and its children a page at a time. Nothing here
// walks a big value whole: the size check stops at its budget, and children are sliced, not copied.

export type JsonKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null' | 'other';

export function kindOf(value: unknown): JsonKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'object':
      return 'object';
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'other';
  }
}

export function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

/** How many entries an object or array has (0 for anything else). */
export function sizeOf(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (isContainer(value)) return Object.keys(value).length;
  return 0;
}

/** What a collapsed container shows: `{3 keys}`, `[1 item]`. */
export function summaryOf(value: unknown): string {
  const n = sizeOf(value);
  if (Array.isArray(value)) return `[${n} ${n === 1 ? 'item' : 'items'}]`;
  return `{${n} ${n === 1 ? 'key' : 'keys'}}`;
}

/** Limits for "small enough to show whole": values within both are expanded on first sight. */
export interface SmallValueBudget {
  /** Values (containers and leaves) counted. */
  readonly values: number;
  /** Characters of strings counted. */
  readonly chars: number;
}

export const SMALL_VALUE: SmallValueBudget = { values: 200, chars: 4000 };

/** True when `value` fits the budget; stops counting as soon as it does not. */
export function isSmallValue(value: unknown, budget: SmallValueBudget = SMALL_VALUE): boolean {
  let values = 0;
  let chars = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (++values > budget.values) return false;
    if (typeof v === 'string') {
      chars += v.length;
      if (chars > budget.chars) return false;
    } else if (Array.isArray(v)) {
      if (v.length + values > budget.values) return false;
      for (const item of v) stack.push(item);
    } else if (isContainer(v)) {
      const record = v as Record<string, unknown>;
      const keys = Object.keys(record);
      if (keys.length + values > budget.values) return false;
      for (const k of keys) {
        chars += k.length;
        stack.push(record[k]);
      }
      if (chars > budget.chars) return false;
    }
  }
  return true;
}

export interface ChildPage {
  readonly entries: ReadonlyArray<readonly [key: string, value: unknown]>;
  /** Entries not in this page. */
  readonly remaining: number;
}

/** The first `limit` children of a container, as [key, value] (array keys are indices). */
export function childrenOf(value: unknown, limit: number): ChildPage {
  if (Array.isArray(value)) {
    const shown = value.slice(0, limit);
    return { entries: shown.map((v, i) => [String(i), v] as const), remaining: value.length - shown.length };
  }
  if (!isContainer(value)) return { entries: [], remaining: 0 };
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  const shown = keys.slice(0, limit);
  return { entries: shown.map((k) => [k, record[k]] as const), remaining: keys.length - shown.length };
}

/** A leaf as JSON shows it; long strings cut at `maxChars` (`cut` tells how many characters were left out). */
export function leafText(value: unknown, maxChars = Infinity): { text: string; cut: number } {
  if (typeof value === 'string') {
    if (value.length <= maxChars) return { text: JSON.stringify(value), cut: 0 };
    return { text: `${JSON.stringify(value.slice(0, maxChars)).slice(0, -1)}…"`, cut: value.length - maxChars };
  }
  if (value === undefined) return { text: 'undefined', cut: 0 };
  if (typeof value === 'number' && !Number.isFinite(value)) return { text: String(value), cut: 0 };
  if (typeof value === 'bigint') return { text: `${value}n`, cut: 0 };
  if (typeof value === 'function' || typeof value === 'symbol') return { text: String(value), cut: 0 };
  return { text: JSON.stringify(value) ?? String(value), cut: 0 };
}

/** The whole value as indented JSON (for copying); never throws. */
export function toJsonText(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? 'undefined';
  } catch {
    return String(value);
  }
}
