import { describe, expect, it } from 'vitest';
import { TIMER_SLACK_MS, createTestKit } from '../testing/nodes.js';
import { edge, eventOf, node, run, workflow } from '../testing/workflow.js';

describe('run: timeouts (SPEC §3.3)', () => {
  it('fails an attempt that runs past policy.timeoutMs with TIMEOUT, aborting its signal with that reason', async () => {
    const kit = createTestKit();
    const doc = workflow([node('h', 'test.hang', {}, { timeoutMs: 30 })]);
    const { record } = await run(doc, kit);
    expect(record.status).toBe('failed');
    expect(record.nodes.h).toMatchObject({ status: 'failed', attempts: 1, error: { code: 'TIMEOUT' } });
    expect(record.nodes.h!.durationMs!).toBeGreaterThanOrEqual(30 - TIMER_SLACK_MS);
    const { signal } = kit.callsOf('h')[0]!;
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toMatchObject({ code: 'TIMEOUT' });
  });

  it('goes on unharmed and ends promptly when a timed-out node ignores its signal and never settles', async () => {
    const kit = createTestKit();
    const doc = workflow(
      [
        node('h', 'test.hang', {}, { timeoutMs: 40, onError: 'skip' }),
        node('after', 'test.pass'),
        node('other', 'test.delay', { ms: 80, value: 'fine' }),
        node('last', 'test.pass'),
      ],
      [edge('h', 'after'), edge('other', 'last')],
    );
    const started = performance.now();
    const { record } = await run(doc, kit);
    expect(performance.now() - started).toBeLessThan(500);
    expect(record.status).toBe('succeeded');
    expect(record.nodes.h).toMatchObject({ status: 'skipped', error: { code: 'TIMEOUT' } });
    expect(record.nodes.after!.status).toBe('skipped');
    expect(record.nodes.last).toMatchObject({ status: 'succeeded', outputs: { out: 'fine' } });
  });

  it('uses settings.nodeTimeoutMs when the policy sets no timeout, and the policy over it', async () => {
    const kit = createTestKit();
    const doc = workflow(
      [node('h', 'test.hang'), node('d', 'test.delay', { ms: 60 }, { timeoutMs: 1000 })],
      [],
      { nodeTimeoutMs: 30 },
    );
    const { record, events } = await run(doc, kit);
    expect(record.nodes.h).toMatchObject({ status: 'failed', error: { code: 'TIMEOUT' } });
    expect(eventOf(events, 'h', 'nodeFailed').at - eventOf(events, 'h', 'nodeStarted').at).toBeLessThan(200);
    // The run failed at h's timeout, 30 ms in, while d (allowed 1 s) was still waiting.
    expect(record.nodes.d!.status).toBe('cancelled');
  });
});

describe('run: onError (SPEC §3.5)', () => {
  it('fail: fails the run, cancels running nodes (aborting their signals) and pending ones', async () => {
    const kit = createTestKit();
    const doc = workflow(
      [
        node('slow', 'test.delay', { ms: 1000 }),
        node('stuck', 'test.hang'),
        node('bad', 'test.flaky', { message: 'broken' }),
        node('next', 'test.pass'),
      ],
      [edge('slow', 'next')],
    );
    const started = performance.now();
    const { record } = await run(doc, kit);
    expect(performance.now() - started).toBeLessThan(300);
    expect(record.status).toBe('failed');
    expect(record.nodes.bad).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: { message: 'broken', code: 'NODE_ERROR' },
    });
    for (const id of ['slow', 'stuck']) {
      expect(record.nodes[id]).toMatchObject({
        status: 'cancelled',
        attempts: 1,
        error: { code: 'CANCELLED' },
      });
      const { signal } = kit.callsOf(id)[0]!;
      expect(signal.aborted).toBe(true);
      expect(signal.reason).toMatchObject({ code: 'CANCELLED' });
    }
    expect(record.nodes.next).toMatchObject({ status: 'cancelled', attempts: 0 });
    expect(kit.callsOf('next')).toEqual([]);
  });

  it('fail is the default', async () => {
    const kit = createTestKit();
    const { record } = await run(
      workflow([node('bad', 'test.flaky'), node('after', 'test.pass')], [edge('bad', 'after')]),
      kit,
    );
    expect(record.status).toBe('failed');
    expect(record.nodes.after!.status).toBe('cancelled');
  });

  it('skip: the node is skipped with its error, its dependants skipped, and the run succeeds', async () => {
    const kit = createTestKit();
    const doc = workflow(
      [
        node('bad', 'test.flaky', { message: 'nope', code: 'UPSTREAM_DOWN' }, { onError: 'skip' }),
        node('after', 'test.pass'),
        node('free', 'test.source'),
      ],
      [edge('bad', 'after')],
    );
    const { record, events } = await run(doc, kit);
    expect(record.status).toBe('succeeded');
    expect(record.nodes.bad).toMatchObject({
      status: 'skipped',
      attempts: 1,
      error: { message: 'nope', code: 'UPSTREAM_DOWN' },
    });
    expect(record.nodes.bad!.reason).toBeTruthy();
    expect(eventOf(events, 'bad', 'nodeSkipped').error).toMatchObject({ code: 'UPSTREAM_DOWN' });
    expect(record.nodes.after!.status).toBe('skipped');
    expect(record.nodes.free!.status).toBe('succeeded');
  });

  it('fallback: the node succeeds with the fallback outputs, marked as recovered', async () => {
    const kit = createTestKit();
    const doc = workflow(
      [
        node('bad', 'test.flaky', {}, { onError: 'fallback', fallback: { out: { cached: true } } }),
        node('after', 'test.pass'),
      ],
      [edge('bad', 'after')],
    );
    const { record, events } = await run(doc, kit);
    expect(record.status).toBe('succeeded');
    expect(record.nodes.bad).toMatchObject({
      status: 'succeeded',
      recovered: true,
      outputs: { out: { cached: true } },
    });
    expect(eventOf(events, 'bad', 'nodeSucceeded')).toMatchObject({
      recovered: true,
      outputs: { out: { cached: true } },
    });
    expect(record.nodes.after!.outputs).toEqual({ out: { cached: true } });
  });

  it('route: the node succeeds, emitting {message, code, attempts} on its error port only', async () => {
    const kit = createTestKit();
    const doc = workflow(
      [
        node(
          'bad',
          'test.flaky',
          { code: 'BOOM' },
          { onError: 'route', retry: { maxAttempts: 2, initialDelayMs: 1 } },
        ),
        node('handler', 'test.pass'),
        node('normal', 'test.pass'),
      ],
      [edge('bad', 'handler', 'error'), edge('bad', 'normal', 'out')],
    );
    const { record } = await run(doc, kit);
    expect(record.status).toBe('succeeded');
    const routed = { message: 'attempt 2 failed', code: 'BOOM', attempts: 2 };
    expect(record.nodes.bad).toMatchObject({ status: 'succeeded', attempts: 2, outputs: { error: routed } });
    expect(record.nodes.bad!.outputs).not.toHaveProperty('out');
    expect(record.nodes.handler).toMatchObject({ status: 'succeeded', inputs: { in: routed } });
    expect(record.nodes.normal!.status).toBe('skipped');
  });

  it('the error port of a node that succeeded emits nothing', async () => {
    const kit = createTestKit();
    const doc = workflow(
      [node('ok', 'test.source'), node('handler', 'test.pass')],
      [edge('ok', 'handler', 'error')],
    );
    const { record } = await run(doc, kit);
    expect(record.nodes.handler!.status).toBe('skipped');
  });
});

describe('run: error codes (SPEC §3.7)', () => {
  it('fails with INVALID_INPUT, without running the node, when a value does not fit a typed input', async () => {
    const kit = createTestKit();
    const doc = workflow(
      [node('s', 'test.source', { value: 'seven' }), node('n', 'test.numIn')],
      [edge('s', 'n')],
    );
    const { record } = await run(doc, kit);
    expect(record.nodes.n).toMatchObject({ status: 'failed', error: { code: 'INVALID_INPUT' } });
    expect(record.nodes.n!.error!.message).toMatch(/number/);
    expect(kit.callsOf('n')).toEqual([]);
  });

  it('checks every value of a typed multiple port', async () => {
    const kit = createTestKit();
    const ok = workflow(
      [
        node('a', 'test.source', { value: 1 }),
        node('b', 'test.source', { value: 2 }),
        node('n', 'test.numsIn'),
      ],
      [edge('a', 'n'), edge('b', 'n')],
    );
    expect((await run(ok, kit)).record.nodes.n).toMatchObject({
      status: 'succeeded',
      outputs: { out: [1, 2] },
    });
    const bad = workflow(
      [
        node('a', 'test.source', { value: 1 }),
        node('b', 'test.source', { value: '2' }),
        node('n', 'test.numsIn'),
      ],
      [edge('a', 'n'), edge('b', 'n')],
    );
    expect((await run(bad, kit)).record.nodes.n).toMatchObject({
      status: 'failed',
      error: { code: 'INVALID_INPUT' },
    });
  });

  it.each<[string, unknown]>([
    ['a number', 5],
    ['a string', 'out'],
    ['an array', [{ out: 1 }]],
    ['a boolean', true],
    ['an undeclared port', { out: 1, extra: 2 }],
  ])('fails with NODE_ERROR when run resolves with %s', async (_, result) => {
    const kit = createTestKit();
    const { record } = await run(workflow([node('b', 'test.bad', { result })]), kit);
    expect(record.status).toBe('failed');
    expect(record.nodes.b).toMatchObject({ status: 'failed', error: { code: 'NODE_ERROR' } });
  });

  it('names the undeclared port it was handed', async () => {
    const kit = createTestKit();
    const { record } = await run(workflow([node('b', 'test.bad', { result: { nope: 1 } })]), kit);
    expect(record.nodes.b!.error!.message).toContain('nope');
  });

  it('takes a resolved undefined or {} as "no port emitted"', async () => {
    const kit = createTestKit();
    const doc = workflow([node('b', 'test.bad', {}), node('after', 'test.pass')], [edge('b', 'after')]);
    const { record } = await run(doc, kit);
    expect(record.nodes.b).toMatchObject({ status: 'succeeded', outputs: {} });
    expect(record.nodes.after!.status).toBe('skipped');
  });

  it('runs synchronous node types, and records what they throw as NODE_ERROR', async () => {
    const kit = createTestKit();
    const doc = workflow(
      [
        node('a', 'test.sync', { value: 1 }),
        node('b', 'test.sync'),
        node('c', 'test.flaky', { sync: true, message: 'sync boom' }),
      ],
      [edge('a', 'b'), edge('b', 'c')],
    );
    const { record } = await run(doc, kit);
    expect(record.nodes.b).toMatchObject({ status: 'succeeded', outputs: { out: 1 } });
    expect(record.nodes.c).toMatchObject({
      status: 'failed',
      error: { message: 'sync boom', code: 'NODE_ERROR' },
    });
  });

  it('records a thrown non-Error as NODE_ERROR with its text', async () => {
    const kit = createTestKit([
      {
        type: 'test.throwString',
        title: 't',
        inputs: [],
        outputs: [],
        run: () => Promise.reject('plain text'),
      },
    ]);
    const { record } = await run(workflow([node('t', 'test.throwString')]), kit);
    expect(record.nodes.t!.error).toMatchObject({ code: 'NODE_ERROR', message: 'plain text' });
  });
});
