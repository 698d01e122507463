import { CURRENT_FORMAT_VERSION } from './document.js';
import type { Problem } from './problem.js';

/** Moves a raw document from format version `from` to `from + 1`. */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/**
 * Migrations by the version they upgrade from. Version 1 is the first format, so there are none yet;
 * when version 2 arrives, `1: (doc) => ({ ...doc, formatVersion: 2, ... })` goes here.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export type MigrationResult =
  | { ok: true; document: Record<string, unknown>; migratedFrom?: number }
  | { ok: false; problems: Problem[] };

/**
 * Brings a parsed document to the current format version. Documents from a newer program are refused
 * with a message that says so; the document is left untouched when nothing needs doing.
 */
export function migrateDocument(
  doc: Record<string, unknown>,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  current: number = CURRENT_FORMAT_VERSION,
): MigrationResult {
  const version = doc.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, problems: [{ path: 'formatVersion', code: 'FORMAT_VERSION', message: 'must be a positive integer' }] };
  }
  if (version > current) {
    return {
      ok: false,
      problems: [
        {
          path: 'formatVersion',
          code: 'FORMAT_VERSION',
          message: `version ${version} is newer than this program supports (up to ${current}); update Weft to open it`,
        },
      ],
    };
  }
  let out = doc;
  for (let v = version; v < current; v++) {
    const step = migrations[v];
    if (!step) {
      return {
        ok: false,
        problems: [{ path: 'formatVersion', code: 'FORMAT_VERSION', message: `no migration from version ${v}` }],
      };
    }
    out = step(out);
  }
  return version === current ? { ok: true, document: out } : { ok: true, document: out, migratedFrom: version };
}
