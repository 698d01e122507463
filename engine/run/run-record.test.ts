import { describe, expect, it } from 'vitest';
import type { NodeType } from '../model/node-type.js';
import { TIMER_SLACK_MS, createTestKit, sleep } from '../testing/nodes.js';
import { chain, edge, eventOf, node, run, start, workflow } from '../testing/workflow.js';
import { runWorkflow } from './run.js';

describe('run record: timings (SPEC §3.9, §6)', () => {
  it('keeps durationMs = finishedAt − startedAt for the run and each node, nodes inside the run', async () => {
    const kit = createTestKit();
    const doc = workflow(
      [node('a', 'test.delay', { ms: 20 }), node('b', 'test.pass'), node('c', 'test.sync', { value: 1 })],
      [edge('a', 'b')],
    );
    const { record, events } = await run(doc, kit);
    expect(record.durationMs).toBe(record.finishedAt - record.startedAt);
    expect(record.durationMs).toBeGreaterThanOrEqual(20 - TIMER_SLACK_MS);
    for (const [id, n] of Object.entries(record.nodes)) {
      expect(n.durationMs, id).toBe(n.finishedAt! - n.startedAt!);
      expect(n.startedAt!, id).toBeGreaterThanOrEqual(record.startedAt);
      expect(n.finishedAt!, id).toBeLessThanOrEqual(record.finishedAt);
      expect(n.startedAt, id).toBe(eventOf(events, id, 'nodeStarted').at);
      expect(n.finishedAt, id).toBe(eventOf(events, id, 'nodeSucceeded').at);
    }
    expect(record.nodes.a!.durationMs!).toBeGreaterThanOrEqual(20 - TIMER_SLACK_MS);
    expect(record.nodes.b!.startedAt!).toBeGreaterThanOrEqual(record.nodes.a!.finishedAt!);
  });

  it('counts from the first try’s start to the last try’s end, waits between tries included', async () => {
    const kit = createTestKit();
    const doc = workflow([
      node(
        'f',
        'test.flaky',
        { failures: 2 },
        { retry: { maxAttempts: 3, initialDelayMs: 25, backoffFactor: 1, jitter: false } },
      ),
    ]);
    const { record } = await run(doc, kit);
    const f = record.nodes.f!;
    const calls = kit.callsOf('f');
    expect(f.attempts).toBe(3);
    expect(f.durationMs!).toBeGreaterThanOrEqual(50 - TIMER_SLACK_MS);
    expect(f.startedAt!).toBeLessThanOrEqual(calls[0]!.startedAt);
    expect(f.finishedAt!).toBeGreaterThanOrEqual(calls[2]!.settledAt!);
  });

  it('records attempts 0 and no start for nodes that never started', async () => {
    const kit = createTestKit();
    const doc = workflow(
      [
        node('bad', 'test.flaky'),
        node('never', 'test.pass'),
        node('br', 'test.branch', { port: 'yes' }),
        node('skipped', 'test.pass'),
      ],
      [edge('bad', 'never'), edge('br', 'skipped', 'no')],
    );
    const { record } = await run(doc, kit, { signal: undefined });
    for (const id of ['never', 'skipped']) {
      expect(record.nodes[id]!.attempts, id).toBe(0);
      expect(record.nodes[id]!.startedAt, id).toBeUndefined();
    }
  });

  it('survives JSON: the record is plain data', async () => {
    const kit = createTestKit();
    const { record } = await run(
      workflow(
        [node('a', 'test.source', { value: { x: 1 } }), node('o', 'test.output', { name: 'r' })],
        chain('a', 'o'),
      ),
      kit,
    );
    const copy = JSON.parse(JSON.stringify(record)) as typeof record;
    expect(copy).toEqual(record);
    expect(copy.nodes.a!.outputs).toEqual({ out: { x: 1 } });
    expect(structuredClone(record)).toEqual(record);
  });
});

describe('run record: data', () => {
  it('records each node’s inputs and outputs', async () => {
    const kit = createTestKit();
    const doc = workflow(
      [node('a', 'test.source', { value: { n: 1 } }), node('b', 'test.pass'), node('c', 'test.collect')],
      [edge('a', 'b'), edge('b', 'c'), edge('a', 'c')],
    );
    const { record } = await run(doc, kit);
    expect(record.nodes.a).toMatchObject({
      status: 'succeeded',
      attempts: 1,
      inputs: {},
      outputs: { out: { n: 1 } },
    });
    expect(record.nodes.b).toMatchObject({ inputs: { in: { n: 1 } }, outputs: { out: { n: 1 } } });
    expect(record.nodes.c).toMatchObject({ inputs: { in: [{ n: 1 }, { n: 1 }] } });
  });

  it("hands the run's input to the trigger, which otherwise emits its payload", async () => {
    const kit = createTestKit();
    const doc = workflow([node('start', 'test.manual', { payload: { name: 'Default' } })]);
    expect((await run(doc, kit, { input: { name: 'Ada' } })).record.nodes.start!.outputs).toEqual({
      out: { name: 'Ada' },
    });
    expect((await run(doc, kit)).record.nodes.start!.outputs).toEqual({ out: { name: 'Default' } });
    expect(kit.calls.map((c) => c.runInput)).toEqual([{ name: 'Ada' }, undefined]);
  });

  it('runs the greeting of SPEC §1 into the run outputs', async () => {
    const kit = createTestKit();
    const doc = workflow(
      [
        node('start', 'test.manual', { payload: { name: 'Ada' } }),
        node('greet', 'test.set', { values: { text: 'Hello, {{ input.in.name }}!' } }),
        node('result', 'test.output', { name: 'greeting' }),
      ],
      chain('start', 'greet', 'result'),
    );
    const { record } = await run(doc, kit);
    expect(record.status).toBe('succeeded');
    expect(record.outputs).toEqual({ greeting: { name: 'Ada', text: 'Hello, Ada!' } });
    expect((await run(doc, kit, { input: { name: 'Bob' } })).record.outputs).toEqual({
      greeting: { name: 'Bob', text: 'Hello, Bob!' },
    });
  });

  it('lets templates read the outputs of any finished node under `nodes`', async () => {
    const kit = createTestKit();
    const doc = workflow(
      [
        node('a', 'test.source', { value: { x: 5 } }),
        node('b', 'test.pass'),
        node('c', 'test.set', {
          values: {
            fromA: '{{ nodes.a.out.x }}',
            fromIn: '{{ input.in.x * 2 }}',
            text: 'a gave {{ nodes.a.out }}',
          },
        }),
        node('d', 'test.eval', { expression: 'nodes.c.out.fromA + nodes.a.out.x' }),
      ],
      [...chain('a', 'b', 'c'), edge('c', 'd')],
    );
    const { record } = await run(doc, kit);
    expect(record.nodes.c!.outputs).toEqual({ out: { x: 5, fromA: 5, fromIn: 10, text: 'a gave {"x":5}' } });
    expect(record.nodes.d!.outputs).toEqual({ out: 10 });
  });

  it('passes raw params to the node unevaluated', async () => {
    const kit = createTestKit();
    const doc = workflow([node('e', 'test.eval', { expression: '{{ 1 + 1 }}' })]);
    const { record } = await run(doc, kit);
    expect(kit.callsOf('e')[0]!.params).toEqual({ expression: '{{ 1 + 1 }}' });
    expect(record.nodes.e!.outputs).toEqual({ out: 2 });
  });

  it('reuses pinned outputs without running the node, and feeds them downstream', async () => {
    const kit = createTestKit();
    const doc = workflow([node('a', 'test.flaky'), node('b', 'test.pass')], [edge('a', 'b')]);
    const { record, events } = await run(doc, kit, { pinnedOutputs: { a: { out: 'recorded' } } });
    expect(record.status).toBe('succeeded');
    expect(kit.callsOf('a')).toEqual([]);
    expect(record.nodes.a).toMatchObject({ status: 'succeeded', pinned: true, outputs: { out: 'recorded' } });
    expect(record.nodes.b).toMatchObject({ status: 'succeeded', outputs: { out: 'recorded' } });
    expect(eventOf(events, 'a', 'nodeSucceeded').outputs).toEqual({ out: 'recorded' });
    // The live path tells a reused node apart from one that ran, without guessing from its duration.
    expect(eventOf(events, 'a', 'nodeSucceeded').pinned).toBe(true);
    expect(eventOf(events, 'b', 'nodeSucceeded').pinned).toBeUndefined();
  });

  it("marks a reused node in the run's snapshot, for a listener that joins late", async () => {
    const kit = createTestKit();
    const doc = workflow([node('a', 'test.flaky'), node('b', 'test.pass')], [edge('a', 'b')]);
    const { handle } = start(doc, kit, { pinnedOutputs: { a: { out: 'recorded' } } });
    await handle.done;
    expect(handle.snapshot().nodes).toEqual({
      a: { status: 'succeeded', attempts: 0, pinned: true },
      b: { status: 'succeeded', attempts: 1 },
    });
  });

  it('gives a handle the outputs of a node once it succeeded', async () => {
    const kit = createTestKit();
    const { handle } = start(
      workflow(
        [node('a', 'test.source', { value: 3 }), node('d', 'test.delay', { ms: 40 })],
        [edge('a', 'd')],
      ),
      kit,
    );
    await sleep(10);
    expect(handle.outputsOf('a')).toEqual({ out: 3 });
    expect(handle.outputsOf('d')).toBeUndefined();
    expect(handle.outputsOf('missing')).toBeUndefined();
    await handle.done;
    expect(handle.outputsOf('d')).toEqual({ out: 3 });
  });
});

describe('run record: logs', () => {
  const lines = [
    ['log', 'plain'],
    ['debug', 'details'],
    ['warn', 'careful'],
    ['error', 'bad'],
  ];

  it('turns node logs into nodeLog events and the node’s logs, in order and with levels', async () => {
    const kit = createTestKit();
    const { record, events } = await run(workflow([node('l', 'test.log', { lines })]), kit);
    const expected = [
      { level: 'info', message: 'plain' },
      { level: 'debug', message: 'details' },
      { level: 'warn', message: 'careful' },
      { level: 'error', message: 'bad' },
    ];
    expect(
      events
        .filter((e) => e.type === 'nodeLog')
        .map((e) => e.type === 'nodeLog' && { level: e.level, message: e.message, nodeId: e.nodeId }),
    ).toEqual(expected.map((x) => ({ ...x, nodeId: 'l' })));
    expect(record.nodes.l!.logs!.map(({ level, message }) => ({ level, message }))).toEqual(expected);
    for (const line of record.nodes.l!.logs!)
      expect(line.at).toBeGreaterThanOrEqual(record.nodes.l!.startedAt!);
  });

  it('keeps logs in the record when nobody listens', async () => {
    const kit = createTestKit();
    const record = await runWorkflow(workflow([node('l', 'test.log', { lines })]), kit.registry);
    expect(record.status).toBe('succeeded');
    expect(record.nodes.l!.logs).toHaveLength(4);
  });

  /** A node that ignores its signal and keeps logging and recording 40 ms later. */
  const lingering: NodeType = {
    type: 'test.lingering',
    title: 'lingering',
    inputs: [],
    outputs: [{ name: 'out', type: 'any' }],
    run({ log, setRunOutput }) {
      log('early');
      setTimeout(() => {
        log('late');
        setRunOutput('late', true);
      }, 40);
      return new Promise(() => {});
    },
  };

  it('emits no event after runFinished, even when an abandoned node keeps logging', async () => {
    const kit = createTestKit([lingering]);
    const { events } = await run(workflow([node('x', 'test.lingering', {}, { timeoutMs: 10 })]), kit);
    const count = events.length;
    await sleep(70);
    expect(events.slice(count)).toEqual([]);
    expect(events.at(-1)!.type).toBe('runFinished');
  });

  it('leaves the record as it was when the run ended, whatever an abandoned node does later', async () => {
    const kit = createTestKit([lingering]);
    const { record } = await run(workflow([node('x', 'test.lingering', {}, { timeoutMs: 10 })]), kit);
    await sleep(70);
    expect(record.nodes.x!.logs!.map((l) => l.message)).toEqual(['early']);
    expect(record.outputs).toEqual({});
  });
});
