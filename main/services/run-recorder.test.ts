import { describe, expect, it } from 'vitest';
import { compileWorkflow, createRegistry, startRun, validateWorkflow, type RunRecord, type WorkflowDocument } from '../../engine/index.js';
import { coreNodeTypes } from '../../plugins/core/index.js';
import { createRunRecorder, type RecordedNode } from './run-recorder.js';

const registry = createRegistry(coreNodeTypes);

function fakeSink() {
  const flushes: RecordedNode[][] = [];
  const finished: RunRecord[] = [];
  return { flushes, finished, sink: { flush: (n: readonly RecordedNode[]) => flushes.push([...n]), finish: (r: RunRecord) => finished.push(r) } };
}

function doc(delayMs: number): WorkflowDocument {
  const raw = {
    format: 'weft.workflow',
    formatVersion: 1,
    nodes: [
      { id: 'a', type: 'core.manual', params: { payload: { n: 1 } } },
      { id: 'wait', type: 'core.delay', params: { ms: delayMs } },
      { id: 'bad', type: 'core.fail', params: { message: 'nope' }, policy: { onError: 'skip' } },
    ],
    edges: [
      { id: 'e1', source: 'a', sourcePort: 'out', target: 'wait', targetPort: 'in' },
      { id: 'e2', source: 'a', sourcePort: 'out', target: 'bad', targetPort: 'in' },
    ],
  };
  const v = validateWorkflow(raw, registry);
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.document;
}

describe('run recorder', () => {
  it('writes node progress while the run goes on, batched, then the final record', async () => {
    const { flushes, finished, sink } = fakeSink();
    const recorder = createRunRecorder(sink, { flushMs: 20 });
    const handle = startRun(compileWorkflow(doc(120), registry), { onEvent: (e) => recorder.onEvent(e) });
    await new Promise((r) => setTimeout(r, 60));
    // Mid-run, the store already knows a finished node and the one still waiting.
    const seen = new Map(flushes.flat().map((n) => [n.nodeId, n]));
    expect(seen.get('a')).toMatchObject({ status: 'succeeded', attempts: 1, outputs: { out: { n: 1 } } });
    expect(seen.get('wait')).toMatchObject({ status: 'running', attempts: 1 });
    expect(seen.get('bad')).toMatchObject({ status: 'skipped', error: { message: 'nope' } });
    // Several events of one instant went out in one batch, not one write each.
    expect(flushes.length).toBeLessThan(4);
    const record = await handle.done;
    recorder.finish(record);
    expect(finished).toEqual([record]);
  });

  it('marks a node whose outputs were reused, and only that one', async () => {
    const { flushes, sink } = fakeSink();
    const recorder = createRunRecorder(sink, { flushMs: 5 });
    const handle = startRun(compileWorkflow(doc(30), registry), {
      onEvent: (e) => recorder.onEvent(e),
      pinnedOutputs: { a: { out: { n: 7 } } },
    });
    await new Promise((r) => setTimeout(r, 15));
    const seen = new Map(flushes.flat().map((n) => [n.nodeId, n]));
    expect(seen.get('a')).toMatchObject({ status: 'succeeded', attempts: 0, pinned: true, outputs: { out: { n: 7 } } });
    expect(seen.get('wait')?.pinned).toBeUndefined();
    recorder.finish(await handle.done);
  });

  it('writes nothing after the final record, even when a timer was pending', async () => {
    const { flushes, finished, sink } = fakeSink();
    const recorder = createRunRecorder(sink, { flushMs: 30 });
    const handle = startRun(compileWorkflow(doc(1), registry), { onEvent: (e) => recorder.onEvent(e) });
    const record = await handle.done;
    recorder.finish(record);
    recorder.onEvent({ type: 'nodeCancelled', runId: record.runId, nodeId: 'a', at: 0 });
    await new Promise((r) => setTimeout(r, 60));
    expect(flushes).toEqual([]);
    expect(finished).toHaveLength(1);
  });
});
