// The workflow list's pure logic: what is shown for the current filter, which tags can be filtered on,
// when the next page is fetched, how times read and what a new name must be. The host filters and
// pages (`workflows.list`); this only keeps the view honest between two answers.
import type { WorkflowSummary } from '../../../preload/contract.js';

export interface ListFilter {
  readonly search: string;
  /** Only workflows with this tag; null for all. */
  readonly tag: string | null;
}

/** Same rule as the host's `search`: case-insensitive text in the name or description. */
export function matchesFilter(w: WorkflowSummary, filter: ListFilter): boolean {
  if (filter.tag !== null && !w.tags.includes(filter.tag)) return false;
  const text = filter.search.trim().toLowerCase();
  if (!text) return true;
  return w.name.toLowerCase().includes(text) || w.description.toLowerCase().includes(text);
}

/**
 * The entries to show: a saved or duplicated workflow is put into the list without a round trip, so it
 * may not match the filter; and with "recent first" an entry saved between two pages comes back on
 * the next page too. Both are dropped here (first occurrence wins).
 */
export function visibleWorkflows(
  workflows: readonly WorkflowSummary[],
  filter: ListFilter,
): WorkflowSummary[] {
  const seen = new Set<string>();
  const out: WorkflowSummary[] = [];
  for (const w of workflows) {
    if (seen.has(w.id)) continue;
    seen.add(w.id);
    if (matchesFilter(w, filter)) out.push(w);
  }
  return out;
}

/**
 * The tags offered by the tag filter: every tag seen in this workspace's lists so far. Kept across
 * answers because a filtered answer only carries the tags of the workflows that matched.
 */
export function collectTags(known: readonly string[], workflows: readonly WorkflowSummary[]): string[] {
  const tags = new Set(known);
  const before = tags.size;
  for (const w of workflows) for (const t of w.tags) tags.add(t);
  if (tags.size === before) return known as string[];
  return [...tags].sort((a, b) => a.localeCompare(b));
}

/** Whether reaching the end of the list should fetch the next page. */
export function shouldLoadMore(state: { nextCursor: string | null; loading: boolean }): boolean {
  return state.nextCursor !== null && !state.loading;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", then the date. */
export function relativeTime(at: number, now: number, locale?: string): string {
  const ago = now - at;
  if (ago < MINUTE) return 'just now';
  if (ago < HOUR) return `${Math.floor(ago / MINUTE)} min ago`;
  if (ago < DAY) return `${Math.floor(ago / HOUR)} h ago`;
  if (ago < 2 * DAY) return 'yesterday';
  if (ago < 7 * DAY) return `${Math.floor(ago / DAY)} days ago`;
  return new Date(at).toLocaleDateString(locale, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** Why `name` cannot name a workflow (the contract's rule), or null when it can. */
export function workflowNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return 'A name is needed';
  if (trimmed.length > 200) return 'At most 200 characters';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(trimmed)) return 'No control characters';
  return null;
}
