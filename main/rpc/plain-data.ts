// Results cross Electron IPC (structured clone) and a WebSocket (JSON); only data that survives both
// unchanged may be answered. Dispatch checks results with this when asked (tests and development).

const MAX_DEPTH = 256;

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * The JSON path of the first value that is not plain data (a class instance, function, Map, Date,
 * symbol, bigint, non-finite number, undefined outside an object property, a cycle), or undefined when
 * all of `value` is plain.
 */
export function findNonPlainData(value: unknown, path = '$', seen = new Set<object>()): string | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : path;
  if (typeof value !== 'object') return path;
  if (seen.has(value) || seen.size >= MAX_DEPTH) return path;
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        if (!Object.hasOwn(value, i)) return `${path}[${i}]`;
        const bad = findNonPlainData(value[i], `${path}[${i}]`, seen);
        if (bad !== undefined) return bad;
      }
      return undefined;
    }
    if (!isPlainObject(value) || Object.getOwnPropertySymbols(value).length > 0) return path;
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue; // an absent optional field; JSON drops it, structured clone keeps it
      const bad = findNonPlainData(item, `${path}.${key}`, seen);
      if (bad !== undefined) return bad;
    }
    return undefined;
  } finally {
    seen.delete(value);
  }
}
