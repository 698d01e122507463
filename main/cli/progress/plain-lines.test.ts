import { describe, expect, it } from 'vitest';
import type { RunEvent, WorkflowDocument } from '../../../engine/index.js';
import { formatDelay, formatDuration, formatElapsed, prettyJsonPreview } from './format.js';
import { idColumnWidth, plainLine } from './plain-lines.js';
import { applyRunEvent, createRunProgress } from './state.js';

const T0 = 1_000_000;
const d: WorkflowDocument = {
  format: 'weft.workflow',
  formatVersion: 1,
  nodes: [
    { id: 'greet', type: 'core.set' },
    { id: 'flaky', type: 'core.code', policy: { retry: { maxAttempts: 3 } } },
  ],
  edges: [],
};

function lines(events: RunEvent[]): string[] {
  const p = createRunProgress('w.json', d);
  const width = idColumnWidth(p);
  return events.map((e) => {
    applyRunEvent(p, e);
    return plainLine(p, e, width);
  });
}

describe('plainLine', () => {
  it('writes one line per event, timed from the run’s start', () => {
    expect(
      lines([
        { type: 'runStarted', runId: 'r', at: T0, nodeIds: [] },
        { type: 'nodeStarted', runId: 'r', nodeId: 'greet', at: T0 + 12, attempt: 1 },
        { type: 'nodeSucceeded', runId: 'r', nodeId: 'greet', at: T0 + 15.2, durationMs: 3.2, outputs: {} },
        { type: 'nodeStarted', runId: 'r', nodeId: 'flaky', at: T0 + 16, attempt: 1 },
        {
          type: 'nodeRetrying',
          runId: 'r',
          nodeId: 'flaky',
          at: T0 + 20,
          attempt: 1,
          delayMs: 400,
          error: { message: 'boom', code: 'NODE_ERROR' },
        },
        { type: 'nodeStarted', runId: 'r', nodeId: 'flaky', at: T0 + 420, attempt: 2 },
        {
          type: 'nodeLog',
          runId: 'r',
          nodeId: 'flaky',
          at: T0 + 421,
          level: 'info',
          message: 'hello\nworld',
        },
        {
          type: 'nodeFailed',
          runId: 'r',
          nodeId: 'flaky',
          at: T0 + 5420,
          error: { message: 'took too long', code: 'TIMEOUT' },
        },
        { type: 'runFinished', runId: 'r', at: T0 + 5421, status: 'failed', durationMs: 5421 },
      ]),
    ).toEqual([
      '[    0 ms] run started (2 nodes)',
      '[   12 ms] greet  started (try 1)',
      '[   15 ms] greet  succeeded in 3.2 ms',
      '[   16 ms] flaky  started (try 1 of 3)',
      '[   20 ms] flaky  retrying in 400 ms after: boom',
      '[  420 ms] flaky  started (try 2 of 3)',
      '[  421 ms] flaky  log: hello ⏎ world',
      '[ 5420 ms] flaky  failed after 2 tries: TIMEOUT took too long',
      '[ 5421 ms] run failed in 5.42 s',
    ]);
  });

  it('says why a node was skipped and when one was cancelled', () => {
    expect(
      lines([
        { type: 'runStarted', runId: 'r', at: T0, nodeIds: [] },
        { type: 'nodeSkipped', runId: 'r', nodeId: 'greet', at: T0 + 1, reason: 'no input arrived on in' },
        { type: 'nodeCancelled', runId: 'r', nodeId: 'flaky', at: T0 + 2 },
      ]).slice(1),
    ).toEqual(['[    1 ms] greet  skipped: no input arrived on in', '[    2 ms] flaky  cancelled']);
  });
});

describe('formatting', () => {
  it('formats durations as precisely as a person cares', () => {
    expect(formatDuration(0.44)).toBe('0.4 ms');
    expect(formatDuration(3.21)).toBe('3.2 ms');
    expect(formatDuration(120.4)).toBe('120 ms');
    expect(formatDuration(1234)).toBe('1.23 s');
    expect(formatDuration(12_345)).toBe('12.3 s');
    expect(formatDuration(123_000)).toBe('2m 03s');
    expect(formatDelay(399.2)).toBe('400 ms');
    expect(formatElapsed(123_456)).toBe('[ 123.5 s]');
  });

  it('cuts huge JSON short and says how much was left out', () => {
    const big = { rows: Array.from({ length: 500 }, (_, i) => i), text: 'x'.repeat(1000) };
    const preview = prettyJsonPreview(big, { maxLines: 10, maxLineLength: 50 });
    expect(preview).toHaveLength(11);
    expect(preview[10]).toMatch(/^… 495 more lines \(.* in all; --json prints everything\)$/);
    const long = prettyJsonPreview({ text: 'x'.repeat(1000) }, { maxLines: 10, maxLineLength: 50 });
    expect(long[1]).toMatch(/^ {2}"text": "x+… \(\d+ more characters\)$/);
  });
});
