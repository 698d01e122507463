import { describe, expect, it } from 'vitest';
import type { RunRecord, WorkflowDocument } from '../../../engine/index.js';
import { createRunProgress } from './state.js';
import { summaryLines } from './summary.js';

const d: WorkflowDocument = {
  format: 'weft.workflow',
  formatVersion: 1,
  nodes: [
    { id: 'a', type: 'core.manual' },
    { id: 'f', type: 'core.code' },
    { id: 'o', type: 'core.output' },
  ],
  edges: [],
};

const base = { runId: 'r', startedAt: 0, finishedAt: 812, durationMs: 812 };

describe('summaryLines', () => {
  it('gives the status, duration, counts and outputs of a run', () => {
    const record: RunRecord = {
      ...base,
      status: 'succeeded',
      outputs: { greeting: { text: 'Hello, Ada!' } },
      nodes: {
        a: { status: 'succeeded', attempts: 1 },
        f: { status: 'succeeded', attempts: 2 },
        o: { status: 'skipped', attempts: 0, reason: 'nothing arrived' },
      },
    };
    expect(summaryLines(record, createRunProgress('w.json', d), { color: false })).toEqual([
      '',
      '✔ Run succeeded in 812 ms: 3 nodes, 2 succeeded, 1 skipped',
      '',
      'Outputs:',
      '  {',
      '    "greeting": {',
      '      "text": "Hello, Ada!"',
      '    }',
      '  }',
    ]);
  });

  it('lists each failed node with its error, multi-line messages indented', () => {
    const record: RunRecord = {
      ...base,
      status: 'failed',
      outputs: {},
      nodes: {
        a: { status: 'succeeded', attempts: 1 },
        f: { status: 'failed', attempts: 3, error: { code: 'NODE_ERROR', message: 'boom\n  at line 2' } },
        o: { status: 'cancelled', attempts: 0 },
      },
    };
    expect(summaryLines(record, createRunProgress('w.json', d), { color: false })).toEqual([
      '',
      '✖ Run failed in 812 ms: 3 nodes, 1 succeeded, 1 failed, 1 cancelled',
      '',
      'Failed node:',
      '  ✖ f (core.code, 3 tries): NODE_ERROR',
      '      boom',
      '        at line 2',
      '',
      'Outputs: none',
    ]);
  });

  it('cuts huge outputs short', () => {
    const record: RunRecord = {
      ...base,
      status: 'succeeded',
      outputs: { rows: Array.from({ length: 10_000 }, (_, i) => ({ i })) },
      nodes: {},
    };
    const lines = summaryLines(record, createRunProgress('w.json', d), { color: false });
    expect(lines.length).toBeLessThan(70);
    expect(lines.at(-1)).toMatch(/more lines .* --json prints everything/);
  });
});
