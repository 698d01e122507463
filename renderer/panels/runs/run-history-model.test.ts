import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../preload/contract.js';
import { describeOrigin, formatWhen, mergeRunPages, shortRunId, versionNotice } from './run-history-model.js';

function run(id: string, status: RunSummary['status'] = 'succeeded'): RunSummary {
  return {
    id,
    workflowId: 'wf',
    workflowVersion: 1,
    status,
    origin: { kind: 'run' },
    startedAt: 0,
    finishedAt: 1,
    durationMs: 1,
    error: null,
  };
}

describe('run history model', () => {
  it('describes origins', () => {
    expect(shortRunId('run_3f9a1c2b')).toBe('3f9a1c');
    expect(describeOrigin({ kind: 'run' })).toBe('Run');
    expect(describeOrigin({ kind: 'rerun', sourceRunId: 'run_abcdef99' })).toBe('Re-run of abcdef');
    expect(describeOrigin({ kind: 'fromNode', sourceRunId: 'run_abcdef99', nodeId: 'greet' })).toBe(
      'From greet (run abcdef)',
    );
  });

  it('says when', () => {
    const now = 1_000_000_000;
    expect(formatWhen(now - 10_000, now)).toBe('just now');
    expect(formatWhen(now - 5 * 60_000, now)).toBe('5 min ago');
    expect(formatWhen(now - 3 * 60 * 60_000, now)).toBe('3 h ago');
    expect(formatWhen(now - 3 * 24 * 60 * 60_000, now)).toBe(new Date(now - 3 * 24 * 60 * 60_000).toLocaleString());
  });

  it('replaces on the first page and appends later pages without duplicates', () => {
    const first = mergeRunPages([run('a')], [run('b'), run('c', 'running')], true);
    expect(first.map((r) => r.id)).toEqual(['b', 'c']);
    const next = mergeRunPages(first, [run('c', 'failed'), run('d')], false);
    expect(next.map((r) => `${r.id}:${r.status}`)).toEqual(['b:succeeded', 'c:failed', 'd:succeeded']);
  });

  it('notices a run of another version', () => {
    expect(versionNotice(3, 3)).toBeNull();
    expect(versionNotice(3, null)).toBeNull();
    expect(versionNotice(2, 5)).toContain('version 2, an older version than the one open (5)');
  });
});
