import { describe, expect, it } from 'vitest';
import type { WorkflowSummary } from '../../../preload/contract.js';
import {
  collectTags,
  matchesFilter,
  relativeTime,
  shouldLoadMore,
  visibleWorkflows,
  workflowNameProblem,
} from './workflow-list-model.js';

function summary(id: string, name: string, tags: string[] = [], description = ''): WorkflowSummary {
  return { id, name, description, tags, version: 1, createdAt: 0, updatedAt: 0 };
}

const ALL = { search: '', tag: null };

describe('matchesFilter', () => {
  it('searches name and description case-insensitively, and filters by tag', () => {
    const w = summary('a', 'Nightly Report', ['ops'], 'mails the numbers');
    expect(matchesFilter(w, ALL)).toBe(true);
    expect(matchesFilter(w, { search: ' nightly ', tag: null })).toBe(true);
    expect(matchesFilter(w, { search: 'NUMBERS', tag: null })).toBe(true);
    expect(matchesFilter(w, { search: 'weekly', tag: null })).toBe(false);
    expect(matchesFilter(w, { search: '', tag: 'ops' })).toBe(true);
    expect(matchesFilter(w, { search: '', tag: 'demo' })).toBe(false);
    expect(matchesFilter(w, { search: 'report', tag: 'demo' })).toBe(false);
  });
});

describe('visibleWorkflows', () => {
  it('drops entries that do not match and repeats from a later page', () => {
    const list = [summary('a', 'Alpha', ['x']), summary('b', 'Beta'), summary('a', 'Alpha old', ['x'])];
    expect(visibleWorkflows(list, ALL).map((w) => w.name)).toEqual(['Alpha', 'Beta']);
    expect(visibleWorkflows(list, { search: '', tag: 'x' }).map((w) => w.id)).toEqual(['a']);
  });
});

describe('collectTags', () => {
  it('keeps tags seen before and adds new ones, sorted', () => {
    const first = collectTags([], [summary('a', 'A', ['ops', 'demo']), summary('b', 'B', ['demo'])]);
    expect(first).toEqual(['demo', 'ops']);
    const filtered = collectTags(first, [summary('a', 'A', ['ops'])]);
    expect(filtered).toBe(first);
    expect(collectTags(first, [summary('c', 'C', ['alpha'])])).toEqual(['alpha', 'demo', 'ops']);
  });
});

describe('shouldLoadMore', () => {
  it('fetches a next page only when there is one and none is on its way', () => {
    expect(shouldLoadMore({ nextCursor: 'c', loading: false })).toBe(true);
    expect(shouldLoadMore({ nextCursor: 'c', loading: true })).toBe(false);
    expect(shouldLoadMore({ nextCursor: null, loading: false })).toBe(false);
  });
});

describe('relativeTime', () => {
  const now = Date.UTC(2025, 5, 15, 12);
  it('reads recent times relatively and old ones as a date', () => {
    expect(relativeTime(now - 10_000, now)).toBe('just now');
    expect(relativeTime(now - 5 * 60_000, now)).toBe('5 min ago');
    expect(relativeTime(now - 3 * 3_600_000, now)).toBe('3 h ago');
    expect(relativeTime(now - 30 * 3_600_000, now)).toBe('yesterday');
    expect(relativeTime(now - 4 * 86_400_000, now)).toBe('4 days ago');
    expect(relativeTime(now - 40 * 86_400_000, now, 'en-GB')).toMatch(/2025/);
  });
});

describe('workflowNameProblem', () => {
  it('follows the contract: 1–200 characters after trimming, no control characters', () => {
    expect(workflowNameProblem('Report')).toBeNull();
    expect(workflowNameProblem('   ')).toBe('A name is needed');
    expect(workflowNameProblem('x'.repeat(201))).toBe('At most 200 characters');
    expect(workflowNameProblem('a\tb')).toBe('No control characters');
  });
});
