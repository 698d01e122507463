import { describe, expect, it } from 'vitest';
import type { NodeRunState } from '../../stores/run-fold.js';
import { canRunFromHere } from './run-from-here.js';

const edges = [
  { source: 'a', target: 'b' },
  { source: 'b', target: 'c' },
  { source: 'x', target: 'c' },
  { source: 'c', target: 'd' },
  { source: 'a', target: 'e' },
];
const ok: NodeRunState = { status: 'succeeded', attempt: 1 };

function facts(runNodes: Record<string, NodeRunState>, extra: Partial<Parameters<typeof canRunFromHere>[1]> = {}) {
  return {
    nodeIds: new Set(['a', 'b', 'c', 'd', 'e', 'x']),
    edges,
    runNodes,
    runFinished: true,
    sameWorkflow: true,
    ...extra,
  };
}

describe('canRunFromHere', () => {
  it('is offered when every upstream node succeeded in the finished run', () => {
    expect(canRunFromHere('c', facts({ a: ok, b: ok, x: ok, c: { status: 'failed', attempt: 3 } }))).toEqual({
      ok: true,
      reused: 3,
    });
  });

  it('says why not', () => {
    const failedUpstream = canRunFromHere('d', facts({ a: ok, b: ok, x: ok, c: { status: 'failed', attempt: 1 } }));
    expect(failedUpstream).toMatchObject({ ok: false, reason: expect.stringContaining('Upstream node c') });
    expect(canRunFromHere('a', facts({ a: ok }))).toMatchObject({ ok: false, reason: expect.stringContaining('Nothing upstream') });
    expect(canRunFromHere('c', facts({ a: ok, b: ok, x: ok }, { runFinished: false }))).toMatchObject({ ok: false });
    expect(canRunFromHere('c', facts({ a: ok, b: ok, x: ok }, { sameWorkflow: false }))).toMatchObject({ ok: false });
    expect(canRunFromHere('gone', facts({}))).toMatchObject({ ok: false, reason: expect.stringContaining('not in the open version') });
  });
});
