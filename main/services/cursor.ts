import { InvalidInputError } from '../errors.js';

// A page cursor is the last item's sort key as base64url JSON: opaque to callers, and checked on the
// way back in so that a cursor from another list (or made up) is refused rather than misread.

/** The cursor for a page that ends at `key`. */
export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * The key inside a cursor. `read` checks the decoded JSON and returns the key, or undefined when it is
 * not one of this list's keys; either way a bad cursor is INVALID_INPUT at `cursor` with `message`.
 */
export function decodeCursor<T>(cursor: string, read: (value: unknown) => T | undefined, message = 'not a cursor from this list'): T {
  let key: T | undefined;
  try {
    key = read(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    key = undefined;
  }
  if (key === undefined) throw new InvalidInputError([{ path: 'cursor', code: 'INVALID_VALUE', message }]);
  return key;
}
