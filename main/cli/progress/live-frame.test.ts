import { describe, expect, it } from 'vitest';
import type { RunEvent, WorkflowDocument } from '../../../engine/index.js';
import { renderFrame, type FrameView } from './live-frame.js';
import { applyRunEvent, createRunProgress, type RunProgress } from './state.js';
import { stripAnsi, textWidth } from './text.js';

const T0 = 1_764_180_000_000;

function doc(nodes: WorkflowDocument['nodes']): WorkflowDocument {
  return { format: 'weft.workflow', formatVersion: 1, nodes, edges: [] };
}

function progressOf(d: WorkflowDocument, events: RunEvent[]): RunProgress {
  const p = createRunProgress('flow.weft.json', d);
  for (const e of events) applyRunEvent(p, e);
  return p;
}

const view = (over: Partial<FrameView> = {}): FrameView => ({
  columns: 100,
  rows: 30,
  now: T0 + 1000,
  color: false,
  ...over,
});

const small = doc([
  { id: 'start', type: 'core.manual' },
  { id: 'fetch', type: 'core.http', label: 'Fetch users', policy: { retry: { maxAttempts: 3 } } },
  { id: 'boom', type: 'core.fail' },
  { id: 'later', type: 'core.output' },
]);

const midRun: RunEvent[] = [
  { type: 'runStarted', runId: 'r1', at: T0, nodeIds: ['start', 'fetch', 'boom', 'later'] },
  { type: 'nodeStarted', runId: 'r1', nodeId: 'start', at: T0 + 1, attempt: 1 },
  { type: 'nodeSucceeded', runId: 'r1', nodeId: 'start', at: T0 + 4.2, durationMs: 3.2, outputs: {} },
  { type: 'nodeStarted', runId: 'r1', nodeId: 'fetch', at: T0 + 5, attempt: 1 },
  { type: 'nodeStarted', runId: 'r1', nodeId: 'boom', at: T0 + 5, attempt: 1 },
  {
    type: 'nodeFailed',
    runId: 'r1',
    nodeId: 'boom',
    at: T0 + 6,
    error: { message: 'it went\nboom', code: 'NODE_ERROR' },
  },
  {
    type: 'nodeRetrying',
    runId: 'r1',
    nodeId: 'fetch',
    at: T0 + 800,
    attempt: 1,
    delayMs: 400,
    error: { message: 'HTTP 503', code: 'NODE_ERROR' },
  },
];

describe('renderFrame: one row per node', () => {
  it('shows status, id, label and type, duration, tries and what went wrong', () => {
    const lines = renderFrame(progressOf(small, midRun), view()).map(stripAnsi);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^weft run flow\.weft\.json {2}running {2}1\.00 s {2}2\/4 done/);
    expect(lines[1]).toMatch(/^ ✔ start +core\.manual +3\.2 ms/);
    expect(lines[2]).toMatch(/^ ↻ fetch +Fetch users +995 ms +try 1\/3 +retrying in 200 ms: HTTP 503$/);
    expect(lines[3]).toMatch(/^ ✖ boom +core\.fail +1\.0 ms +NODE_ERROR it went ⏎ boom$/);
    expect(lines[4]).toMatch(/^ ○ later +core\.output +pending$/);
  });

  it('counts the retry down as time passes', () => {
    const p = progressOf(small, midRun);
    expect(stripAnsi(renderFrame(p, view({ now: T0 + 1100 }))[2] ?? '')).toContain('retrying in 100 ms');
  });

  it('colours by status only when asked', () => {
    const p = progressOf(small, midRun);
    expect(renderFrame(p, view({ color: true })).join('\n')).toContain('\x1b[32m✔\x1b[39m');
    expect(renderFrame(p, view({ color: false })).join('\n')).not.toContain('\x1b');
  });

  it('never draws a line wider than the terminal', () => {
    const p = progressOf(small, midRun);
    for (const line of renderFrame(p, view({ columns: 40, color: true }))) {
      expect(textWidth(stripAnsi(line))).toBeLessThanOrEqual(39);
    }
  });

  it('shows the final state of every node when the run is over', () => {
    const p = progressOf(small, [
      ...midRun,
      { type: 'nodeStarted', runId: 'r1', nodeId: 'fetch', at: T0 + 1200, attempt: 2 },
      { type: 'nodeCancelled', runId: 'r1', nodeId: 'fetch', at: T0 + 1300 },
      { type: 'nodeCancelled', runId: 'r1', nodeId: 'later', at: T0 + 1300 },
      { type: 'runFinished', runId: 'r1', at: T0 + 1301, status: 'failed', durationMs: 1301 },
    ]);
    const lines = renderFrame(p, view({ now: T0 + 99_999 })).map(stripAnsi);
    expect(lines[0]).toMatch(/failed {2}1\.30 s {2}4\/4 done/);
    expect(lines[2]).toMatch(/^ ⊘ fetch .*1\.29 s +try 2\/3 +cancelled$/);
    expect(lines[4]).toMatch(/^ ⊘ later .*cancelled$/);
  });

  it('says a cancel is under way after the first Ctrl-C', () => {
    const p = progressOf(small, midRun);
    p.cancelling = true;
    expect(stripAnsi(renderFrame(p, view({ columns: 200 }))[0] ?? '')).toContain(
      'cancelling… (Ctrl-C again to quit at once)',
    );
  });

  it('makes a label with control characters harmless', () => {
    const p = progressOf(doc([{ id: 'x', type: 'core.set', label: 'evil\x1b[2Jlabel' }]), []);
    expect(renderFrame(p, view()).join('')).not.toContain('\x1b[2J');
  });
});

describe('renderFrame: summary for workflows taller than the terminal', () => {
  const n = 2000;
  const big = doc(Array.from({ length: n }, (_, i) => ({ id: `n${i}`, type: 'core.set' })));

  function bigRun(): RunProgress {
    const events: RunEvent[] = [{ type: 'runStarted', runId: 'r', at: T0, nodeIds: [] }];
    for (let i = 0; i < 1200; i++) {
      events.push({ type: 'nodeStarted', runId: 'r', nodeId: `n${i}`, at: T0 + i, attempt: 1 });
      if (i % 400 === 7)
        events.push({
          type: 'nodeFailed',
          runId: 'r',
          nodeId: `n${i}`,
          at: T0 + i,
          error: { message: `bad ${i}`, code: 'NODE_ERROR' },
        });
      else if (i < 1195)
        events.push({
          type: 'nodeSucceeded',
          runId: 'r',
          nodeId: `n${i}`,
          at: T0 + i + 1,
          durationMs: 1,
          outputs: {},
        });
    }
    return progressOf(big, events);
  }

  it('shows a bar, the counts, what is running and the last failures, within the terminal', () => {
    const lines = renderFrame(bigRun(), view({ rows: 24 })).map(stripAnsi);
    expect(lines.length).toBeLessThanOrEqual(23);
    const text = lines.join('\n');
    expect(lines[1]).toMatch(/^\[█+░+\] +59% {2}1195\/2000$/);
    expect(text).toContain('✔ 1192 succeeded');
    expect(text).toContain('✖ 3 failed');
    expect(text).toContain('5 running');
    expect(text).toContain('○ 800 pending');
    expect(text).toContain('Running (5):');
    expect(text).toMatch(/n1199 +core\.set/);
    expect(text).toContain('Failures:');
    expect(text).toMatch(/✖ n807: NODE_ERROR bad 807/);
    expect(text).not.toMatch(/^ ○ n1999/m);
  });

  it('fits a tiny terminal', () => {
    const lines = renderFrame(bigRun(), view({ rows: 5, columns: 30 }));
    expect(lines.length).toBeLessThanOrEqual(4);
    for (const l of lines) expect(textWidth(stripAnsi(l))).toBeLessThanOrEqual(29);
  });

  it('is fast enough to redraw ten times a second at 10,000 nodes', () => {
    const huge = doc(Array.from({ length: 10_000 }, (_, i) => ({ id: `n${i}`, type: 'core.set' })));
    const p = progressOf(huge, []);
    const started = performance.now();
    for (let i = 0; i < 100; i++) renderFrame(p, view({ rows: 40 }));
    expect((performance.now() - started) / 100).toBeLessThan(5);
  });
});
