import { describe, expect, it } from 'vitest';
import { TIMER_SLACK_MS, createTestKit } from '../testing/nodes.js';
import { chain, edge, eventOf, node, run, startOrder, workflow } from '../testing/workflow.js';

describe('run: start order (SPEC §3.1)', () => {
  it('starts independent nodes in the order of `nodes`, not by id', async () => {
    const kit = createTestKit();
    const doc = workflow([node('z', 'test.sync'), node('a', 'test.sync'), node('m', 'test.sync')], [], {
      maxConcurrency: 1,
    });
    const { events } = await run(doc, kit);
    expect(startOrder(events)).toEqual(['z', 'a', 'm']);
  });

  it('starts a chain listed backwards in topological order', async () => {
    const kit = createTestKit();
    const doc = workflow(
      [node('c', 'test.pass'), node('b', 'test.pass'), node('a', 'test.source')],
      chain('a', 'b', 'c'),
      { maxConcurrency: 1 },
    );
    const { record, events } = await run(doc, kit);
    expect(startOrder(events)).toEqual(['a', 'b', 'c']);
    expect(record.nodes.c!.outputs).toEqual({ out: 'a' });
  });

  it('breaks ties between ready nodes by their order in `nodes`', async () => {
    // When a finishes, `late` and b are both ready; late comes first in `nodes`.
    const kit = createTestKit();
    const doc = workflow(
      [node('late', 'test.pass'), node('a', 'test.source'), node('b', 'test.source'), node('c', 'test.pass')],
      [edge('a', 'late'), edge('b', 'c')],
      { maxConcurrency: 1 },
    );
    expect(startOrder((await run(doc, kit)).events)).toEqual(['a', 'late', 'b', 'c']);
  });

  it('runs one node at a time with maxConcurrency 1, each after the previous settled', async () => {
    const kit = createTestKit();
    const doc = workflow(
      [1, 2, 3].map((i) => node(`d${i}`, 'test.delay', { ms: 15 })),
      [],
      { maxConcurrency: 1 },
    );
    await run(doc, kit);
    expect(kit.concurrency.max).toBe(1);
    const [c1, c2, c3] = kit.calls;
    expect(c2!.startedAt).toBeGreaterThanOrEqual(c1!.settledAt!);
    expect(c3!.startedAt).toBeGreaterThanOrEqual(c2!.settledAt!);
  });
});

describe('run: readiness and inputs (SPEC §3.1–3.2)', () => {
  it('starts a node only when every node upstream has settled', async () => {
    const kit = createTestKit();
    const doc = workflow(
      [
        node('slow', 'test.delay', { ms: 60, value: 's' }),
        node('fast', 'test.delay', { ms: 5, value: 'f' }),
        node('join', 'test.optional'),
      ],
      [edge('slow', 'join', 'out', 'in'), edge('fast', 'join', 'out', 'req')],
    );
    const { record, events } = await run(doc, kit);
    const joinStart = eventOf(events, 'join', 'nodeStarted').at;
    expect(joinStart).toBeGreaterThanOrEqual(eventOf(events, 'slow', 'nodeSucceeded').at);
    expect(joinStart).toBeGreaterThanOrEqual(eventOf(events, 'fast', 'nodeSucceeded').at);
    expect(record.nodes.join!.inputs).toEqual({ in: 's', req: 'f' });
  });

  it('skips a node whose required connected input received nothing, and what depends only on it', async () => {
    const kit = createTestKit();
    const doc = workflow(
      [
        node('src', 'test.source', { value: 'v' }),
        node('br', 'test.branch', { port: 'yes' }),
        node('onYes', 'test.pass'),
        node('onNo', 'test.pass'),
        node('afterNo', 'test.pass'),
        node('afterAfter', 'test.pass'),
        node('opt', 'test.optional'),
        node('merge', 'test.collect'),
      ],
      [
        edge('src', 'br'),
        edge('br', 'onYes', 'yes'),
        edge('br', 'onNo', 'no'),
        edge('onNo', 'afterNo'),
        edge('afterNo', 'afterAfter'),
        edge('onNo', 'opt', 'out', 'in'),
        edge('onYes', 'opt', 'out', 'req'),
        edge('br', 'merge', 'no'),
        edge('br', 'merge', 'yes'),
      ],
    );
    const { record } = await run(doc, kit);
    expect(record.status).toBe('succeeded');
    const status = Object.fromEntries(Object.entries(record.nodes).map(([id, n]) => [id, n.status]));
    expect(status).toEqual({
      src: 'succeeded',
      br: 'succeeded',
      onYes: 'succeeded',
      onNo: 'skipped',
      afterNo: 'skipped',
      afterAfter: 'skipped',
      opt: 'succeeded',
      merge: 'succeeded',
    });
    expect(record.nodes.onNo!.reason).toMatch(/input "in" received nothing/);
    expect(record.nodes.onNo!.attempts).toBe(0);
    expect(kit.callsOf('onNo')).toEqual([]);
    // An optional input that received nothing is simply absent; a multiple port is satisfied by one value.
    expect(kit.callsOf('opt')[0]!.inputs).toEqual({ req: 'v' });
    expect(record.nodes.merge!.outputs).toEqual({ out: ['v'] });
  });

  it('runs a node whose required input has no edge, with that input undefined', async () => {
    const kit = createTestKit();
    const { record } = await run(workflow([node('lonely', 'test.pass')]), kit);
    expect(record.nodes.lonely!.status).toBe('succeeded');
    expect(kit.callsOf('lonely')).toHaveLength(1);
    expect('in' in kit.callsOf('lonely')[0]!.inputs).toBe(false);
  });

  it('hands a multiple port its values in edge order, not completion order', async () => {
    const kit = createTestKit();
    const doc = workflow(
      [
        node('fast', 'test.delay', { ms: 5, value: 'fast' }),
        node('mid', 'test.delay', { ms: 30, value: 'mid' }),
        node('slow', 'test.delay', { ms: 60, value: 'slow' }),
        node('m', 'test.collect'),
      ],
      [edge('slow', 'm'), edge('fast', 'm'), edge('mid', 'm')],
    );
    const { record } = await run(doc, kit);
    expect(record.nodes.m!.inputs).toEqual({ in: ['slow', 'fast', 'mid'] });
    expect(record.nodes.m!.outputs).toEqual({ out: ['slow', 'fast', 'mid'] });
  });

  it('leaves values that never arrived out of a multiple port', async () => {
    const kit = createTestKit();
    const doc = workflow(
      [
        node('a', 'test.source', { value: 1 }),
        node('br', 'test.branch', { port: 'no' }),
        node('c', 'test.source', { value: 3 }),
        node('m', 'test.collect'),
      ],
      [edge('a', 'm'), edge('br', 'm', 'yes'), edge('c', 'm')],
    );
    expect((await run(doc, kit)).record.nodes.m!.outputs).toEqual({ out: [1, 3] });
  });
});

describe('run: concurrency (SPEC §3.1)', () => {
  it.each([
    [2, 6],
    [3, 4],
  ])('runs at most maxConcurrency %i of %i ready nodes at once, and uses all of it', async (max, count) => {
    const kit = createTestKit();
    const doc = workflow(
      Array.from({ length: count }, (_, i) => node(`n${i}`, 'test.delay', { ms: 20 })),
      [],
      { maxConcurrency: max },
    );
    const { record } = await run(doc, kit);
    expect(record.status).toBe('succeeded');
    expect(kit.concurrency.max).toBe(max);
  });

  it('defaults maxConcurrency to 8', async () => {
    const kit = createTestKit();
    const doc = workflow(Array.from({ length: 12 }, (_, i) => node(`n${i}`, 'test.delay', { ms: 20 })));
    await run(doc, kit);
    expect(kit.concurrency.max).toBe(8);
  });

  it('overlaps independent slow nodes', async () => {
    const kit = createTestKit();
    const doc = workflow([1, 2, 3, 4].map((i) => node(`d${i}`, 'test.delay', { ms: 100 })));
    const { record } = await run(doc, kit);
    expect(kit.concurrency.max).toBe(4);
    expect(record.durationMs).toBeGreaterThanOrEqual(100 - TIMER_SLACK_MS);
    expect(record.durationMs).toBeLessThan(200);
  });
});

describe('run: size', () => {
  it('runs a 10,000-node chain without overflowing the stack, in chain order', async () => {
    const kit = createTestKit();
    const count = 10_000;
    const ids = Array.from({ length: count }, (_, i) => `n${i}`);
    // Listed backwards, so that document order and topological order disagree everywhere.
    const nodes = ids.map((id, i) => node(id, i === 0 ? 'test.source' : 'test.sync')).reverse();
    const doc = workflow(nodes, chain(...ids), { maxConcurrency: 4 });
    const { record, events } = await run(doc, kit);
    expect(record.status).toBe('succeeded');
    expect(startOrder(events)).toEqual(ids);
    expect(record.nodes[`n${count - 1}`]!.outputs).toEqual({ out: 'n0' });
  });
});
