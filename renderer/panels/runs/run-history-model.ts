// How the run history reads: what started a run, when, and the list kept across pages and refreshes.
import type { RunOrigin, RunSummary } from '../../../preload/contract.js';
import { shortRunId } from '../../canvas/node-status.js';

// Kept here too, where the run history's readers look for it; node views need it as well.
export { shortRunId };

/** What started the run, in words: "Run", "Re-run of 3f9a1c", "From greet (run 3f9a1c)". */
export function describeOrigin(origin: RunOrigin): string {
  switch (origin.kind) {
    case 'rerun':
      return `Re-run of ${shortRunId(origin.sourceRunId)}`;
    case 'fromNode':
      return `From ${origin.nodeId} (run ${shortRunId(origin.sourceRunId)})`;
    default:
      return 'Run';
  }
}

/** When, as people say it: "just now", "5 min ago", "3 h ago", else the date and time. */
export function formatWhen(at: number, now: number): string {
  const ago = now - at;
  if (ago < 45_000) return 'just now';
  if (ago < 60 * 60_000) return `${Math.max(1, Math.round(ago / 60_000))} min ago`;
  if (ago < 24 * 60 * 60_000) return `${Math.round(ago / (60 * 60_000))} h ago`;
  return new Date(at).toLocaleString();
}

/**
 * The list after a page arrived: the first page replaces what was there (a refresh), later pages are
 * appended; a run already listed (it moved between pages as new runs started) keeps one row, with the
 * newer facts.
 */
export function mergeRunPages(
  current: readonly RunSummary[],
  page: readonly RunSummary[],
  firstPage: boolean,
): RunSummary[] {
  if (firstPage) return [...page];
  const incoming = new Map(page.map((r) => [r.id, r]));
  const kept = current.map((r) => incoming.get(r.id) ?? r);
  const known = new Set(current.map((r) => r.id));
  return [...kept, ...page.filter((r) => !known.has(r.id))];
}

/** The notice for a run of another version than the one open, or null when they match. */
export function versionNotice(runVersion: number, openVersion: number | null): string | null {
  if (openVersion === null || runVersion === openVersion) return null;
  const direction = runVersion < openVersion ? 'an older' : 'a newer';
  return (
    `This run used version ${runVersion}, ${direction} version than the one open (${openVersion}). ` +
    'Statuses and data are shown on the nodes that still exist; nodes changed since may not match what ran.'
  );
}
