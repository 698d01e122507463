import { describe, expect, it } from 'vitest';
import { TIMER_SLACK_MS, createTestKit, sleep } from '../testing/nodes.js';
import { edge, eventsOf, node, run, start, workflow } from '../testing/workflow.js';

/** A running slow node that honours its signal, one that ignores it, and a pending dependant. */
function busyWorkflow() {
  return workflow(
    [node('slow', 'test.delay', { ms: 2000 }), node('stuck', 'test.hang'), node('next', 'test.pass')],
    [edge('slow', 'next')],
  );
}

describe('run: cancel() (SPEC §3.5–3.6)', () => {
  it('cancels the run: running nodes aborted, pending ones cancelled, done resolves promptly', async () => {
    const kit = createTestKit();
    const { handle, events } = start(busyWorkflow(), kit);
    await sleep(30);
    const cancelledAt = performance.now();
    handle.cancel('stopped by the user');
    const record = await handle.done;
    expect(performance.now() - cancelledAt).toBeLessThan(200);
    expect(record.status).toBe('cancelled');
    expect(record.error).toMatchObject({ code: 'CANCELLED' });
    for (const id of ['slow', 'stuck']) {
      expect(record.nodes[id]).toMatchObject({
        status: 'cancelled',
        attempts: 1,
        error: { code: 'CANCELLED' },
      });
      expect(kit.callsOf(id)[0]!.signal.aborted).toBe(true);
    }
    expect(record.nodes.next).toMatchObject({ status: 'cancelled', attempts: 0 });
    expect(kit.callsOf('next')).toEqual([]);
    expect(events.at(-1)).toMatchObject({ type: 'runFinished', status: 'cancelled' });
  });

  it('cancels a node waiting between tries without trying again', async () => {
    const kit = createTestKit();
    const doc = workflow([node('f', 'test.flaky', {}, { retry: { maxAttempts: 3, initialDelayMs: 2000 } })]);
    const { handle } = start(doc, kit);
    await sleep(20);
    const t = performance.now();
    handle.cancel();
    const record = await handle.done;
    expect(performance.now() - t).toBeLessThan(200);
    expect(record.nodes.f).toMatchObject({ status: 'cancelled', attempts: 1 });
    await sleep(20);
    expect(kit.callsOf('f')).toHaveLength(1);
  });

  it('does nothing once the run has finished', async () => {
    const kit = createTestKit();
    const { handle, events } = start(workflow([node('a', 'test.source')]), kit);
    const record = await handle.done;
    const count = events.length;
    handle.cancel();
    expect(record.status).toBe('succeeded');
    expect(handle.snapshot().status).toBe('succeeded');
    expect(events).toHaveLength(count);
  });

  it('lets a second cancel() change nothing', async () => {
    const kit = createTestKit();
    const { handle, events } = start(busyWorkflow(), kit);
    await sleep(10);
    handle.cancel('first');
    handle.cancel('second');
    const record = await handle.done;
    expect(record.error!.message).toBe('first');
    expect(events.filter((e) => e.type === 'runFinished')).toHaveLength(1);
    expect(eventsOf(events, 'slow').filter((e) => e.type === 'nodeCancelled')).toHaveLength(1);
  });
});

describe('run: external AbortSignal', () => {
  it('cancels the run when the signal aborts', async () => {
    const kit = createTestKit();
    const controller = new AbortController();
    const { handle } = start(busyWorkflow(), kit, { signal: controller.signal });
    await sleep(20);
    controller.abort();
    const record = await handle.done;
    expect(record.status).toBe('cancelled');
    expect(record.nodes.slow!.status).toBe('cancelled');
    expect(kit.callsOf('slow')[0]!.signal.aborted).toBe(true);
  });

  it('runs nothing when the signal is already aborted, and still frames the run with events', async () => {
    const kit = createTestKit();
    const { record, events } = await run(busyWorkflow(), kit, { signal: AbortSignal.abort() });
    expect(record.status).toBe('cancelled');
    expect(kit.calls).toEqual([]);
    for (const id of ['slow', 'stuck', 'next'])
      expect(record.nodes[id]).toMatchObject({ status: 'cancelled', attempts: 0 });
    expect(events.map((e) => e.type)).toEqual([
      'runStarted',
      'nodeCancelled',
      'nodeCancelled',
      'nodeCancelled',
      'runFinished',
    ]);
  });

  it('stops listening to the signal once the run is over', async () => {
    const kit = createTestKit();
    const controller = new AbortController();
    const { record, events } = await run(workflow([node('a', 'test.source')]), kit, {
      signal: controller.signal,
    });
    const count = events.length;
    controller.abort();
    expect(record.status).toBe('succeeded');
    expect(events).toHaveLength(count);
  });
});

describe('run: executionTimeoutMs (SPEC §3.6)', () => {
  it('cancels a run that takes longer, promptly', async () => {
    const kit = createTestKit();
    const doc = workflow([node('slow', 'test.delay', { ms: 2000 }), node('stuck', 'test.hang')], [], {
      executionTimeoutMs: 50,
    });
    const t = performance.now();
    const { record } = await run(doc, kit);
    const elapsed = performance.now() - t;
    expect(elapsed).toBeGreaterThanOrEqual(50 - TIMER_SLACK_MS);
    expect(elapsed).toBeLessThan(300);
    expect(record.status).toBe('cancelled');
    expect(record.nodes.slow!.status).toBe('cancelled');
    expect(record.nodes.stuck!.status).toBe('cancelled');
    expect(kit.callsOf('slow')[0]!.signal.aborted).toBe(true);
  });

  it('does not limit a run with executionTimeoutMs 0, nor fire after the run ended', async () => {
    const kit = createTestKit();
    const doc = workflow([node('d', 'test.delay', { ms: 40 })], [], { executionTimeoutMs: 0 });
    expect((await run(doc, kit)).record.status).toBe('succeeded');
    const quick = workflow([node('d', 'test.delay', { ms: 5 })], [], { executionTimeoutMs: 30 });
    const { record, events } = await run(quick, kit);
    await sleep(50);
    expect(record.status).toBe('succeeded');
    expect(events.filter((e) => e.type === 'runFinished')).toHaveLength(1);
  });
});
