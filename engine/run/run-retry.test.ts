import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../events.js';
import { TIMER_SLACK_MS, createTestKit } from '../testing/nodes.js';
import { edge, eventsOf, node, run, workflow } from '../testing/workflow.js';

type Retrying = Extract<RunEvent, { type: 'nodeRetrying' }>;

function retries(events: readonly RunEvent[], nodeId: string): Retrying[] {
  return eventsOf(events, nodeId).filter((e): e is Retrying => e.type === 'nodeRetrying');
}

describe('run: retries (SPEC §3.4)', () => {
  it('retries until a try succeeds, with exact backoff delays when jitter is off', async () => {
    const kit = createTestKit();
    const doc = workflow([
      node(
        'f',
        'test.flaky',
        { failures: 2 },
        { retry: { maxAttempts: 4, initialDelayMs: 20, backoffFactor: 2, jitter: false } },
      ),
    ]);
    const { record, events } = await run(doc, kit);
    expect(record.status).toBe('succeeded');
    expect(record.nodes.f).toMatchObject({ status: 'succeeded', attempts: 3, outputs: { out: 3 } });
    expect(retries(events, 'f').map((e) => [e.attempt, e.delayMs])).toEqual([
      [1, 20],
      [2, 40],
    ]);
    const calls = kit.callsOf('f');
    expect(calls.map((c) => c.attempt)).toEqual([1, 2, 3]);
    expect(calls[1]!.startedAt - calls[0]!.settledAt!).toBeGreaterThanOrEqual(20 - TIMER_SLACK_MS);
    expect(calls[2]!.startedAt - calls[1]!.settledAt!).toBeGreaterThanOrEqual(40 - TIMER_SLACK_MS);
  });

  it('fails after maxAttempts tries, keeping the last error', async () => {
    const kit = createTestKit();
    const doc = workflow([
      node('f', 'test.flaky', {}, { retry: { maxAttempts: 3, initialDelayMs: 1, jitter: false } }),
    ]);
    const { record } = await run(doc, kit);
    expect(record.status).toBe('failed');
    expect(record.nodes.f).toMatchObject({
      status: 'failed',
      attempts: 3,
      error: { message: 'attempt 3 failed', code: 'NODE_ERROR' },
    });
    expect(kit.callsOf('f')).toHaveLength(3);
  });

  it('tries once by default', async () => {
    const kit = createTestKit();
    const { record, events } = await run(workflow([node('f', 'test.flaky', { failures: 1 })]), kit);
    expect(record.nodes.f).toMatchObject({ status: 'failed', attempts: 1 });
    expect(retries(events, 'f')).toEqual([]);
  });

  it.each([
    ['0 gives half the delay', 0, 20],
    ['0.999 gives (almost) all of it', 0.999, 39.98],
  ])('draws jitter from the injected random source: %s', async (_, r, expected) => {
    const kit = createTestKit();
    const doc = workflow([
      node('f', 'test.flaky', { failures: 1 }, { retry: { maxAttempts: 2, initialDelayMs: 40 } }),
    ]);
    const { events } = await run(doc, kit, { random: () => r });
    const [retry] = retries(events, 'f');
    expect(retry!.delayMs).toBeCloseTo(expected, 6);
    const [first, second] = kit.callsOf('f');
    expect(second!.startedAt - first!.settledAt!).toBeGreaterThanOrEqual(expected - TIMER_SLACK_MS);
  });

  it('caps each delay at maxDelayMs', async () => {
    const kit = createTestKit();
    const policy = {
      retry: { maxAttempts: 4, initialDelayMs: 10, backoffFactor: 10, maxDelayMs: 30, jitter: false },
    };
    const { events } = await run(workflow([node('f', 'test.flaky', {}, policy)]), kit);
    expect(retries(events, 'f').map((e) => e.delayMs)).toEqual([10, 30, 30]);
  });

  it('stops at once on an error marked retryable: false', async () => {
    const kit = createTestKit();
    const doc = workflow([
      node('f', 'test.flaky', { retryable: false }, { retry: { maxAttempts: 5, initialDelayMs: 1 } }),
    ]);
    const { record, events } = await run(doc, kit);
    expect(record.nodes.f).toMatchObject({ status: 'failed', attempts: 1, error: { retryable: false } });
    expect(kit.callsOf('f')).toHaveLength(1);
    expect(retries(events, 'f')).toEqual([]);
  });

  it("keeps a plugin's own error code, and retries it", async () => {
    const kit = createTestKit();
    const doc = workflow([
      node('f', 'test.flaky', { code: 'RATE_LIMITED' }, { retry: { maxAttempts: 2, initialDelayMs: 1 } }),
    ]);
    const { record, events } = await run(doc, kit);
    expect(record.nodes.f!.error!.code).toBe('RATE_LIMITED');
    expect(retries(events, 'f')[0]!.error).toMatchObject({
      code: 'RATE_LIMITED',
      message: 'attempt 1 failed',
    });
  });

  it('retries a node that throws synchronously', async () => {
    const kit = createTestKit();
    const doc = workflow([
      node('f', 'test.flaky', { failures: 1, sync: true }, { retry: { maxAttempts: 2, initialDelayMs: 1 } }),
    ]);
    const { record } = await run(doc, kit);
    expect(record.nodes.f).toMatchObject({ status: 'succeeded', attempts: 2, outputs: { out: 2 } });
  });

  it('retries a try that timed out, each try with its own deadline', async () => {
    const kit = createTestKit();
    const doc = workflow([
      node(
        'h',
        'test.hang',
        {},
        { timeoutMs: 25, retry: { maxAttempts: 2, initialDelayMs: 5, jitter: false } },
      ),
    ]);
    const { record, events } = await run(doc, kit);
    expect(record.nodes.h).toMatchObject({ status: 'failed', attempts: 2, error: { code: 'TIMEOUT' } });
    expect(retries(events, 'h')[0]!.error.code).toBe('TIMEOUT');
    const [first, second] = kit.callsOf('h');
    expect(first!.signal.aborted).toBe(true);
    expect(second!.signal.aborted).toBe(true);
    expect(first!.signal).not.toBe(second!.signal);
    expect(record.nodes.h!.durationMs!).toBeGreaterThanOrEqual(25 + 5 + 25 - 2 * TIMER_SLACK_MS);
  });

  it('does not retry an expression error, nor run the node', async () => {
    const kit = createTestKit();
    const doc = workflow([
      node(
        'x',
        'test.sync',
        { value: '{{ $number("abc") }}' },
        { retry: { maxAttempts: 3, initialDelayMs: 1 } },
      ),
    ]);
    const { record, events } = await run(doc, kit);
    expect(record.status).toBe('failed');
    expect(record.nodes.x).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: { code: 'EXPRESSION_ERROR' },
    });
    expect(record.nodes.x!.error!.message).toContain('$number(');
    expect(kit.callsOf('x')).toEqual([]);
    expect(retries(events, 'x')).toEqual([]);
  });

  it('fails with EXPRESSION_ERROR when an evaluated template breaks the params schema', async () => {
    const kit = createTestKit();
    const doc = workflow(
      [node('s', 'test.source', { value: 'soon' }), node('d', 'test.delay', { ms: '{{ input.in }}' })],
      [edge('s', 'd')],
    );
    const { record } = await run(doc, kit);
    expect(record.nodes.d).toMatchObject({ status: 'failed', error: { code: 'EXPRESSION_ERROR' } });
    expect(record.nodes.d!.error!.message).toContain('params.ms');
    expect(kit.callsOf('d')).toEqual([]);
  });

  it('does not retry INVALID_INPUT', async () => {
    const kit = createTestKit();
    const doc = workflow(
      [
        node('s', 'test.source', { value: 'text' }),
        node('n', 'test.numIn', {}, { retry: { maxAttempts: 3, initialDelayMs: 1 } }),
      ],
      [edge('s', 'n')],
    );
    const { record, events } = await run(doc, kit);
    expect(record.nodes.n).toMatchObject({ status: 'failed', attempts: 1, error: { code: 'INVALID_INPUT' } });
    expect(retries(events, 'n')).toEqual([]);
  });
});
