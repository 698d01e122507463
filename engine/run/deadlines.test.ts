import { afterEach, describe, expect, it } from 'vitest';
import { TIMER_SLACK_MS, sleep } from '../testing/nodes.js';
import { DeadlineQueue } from './deadlines.js';

const now = (): number => performance.now();

describe('DeadlineQueue', () => {
  let queue: DeadlineQueue | undefined;
  afterEach(() => queue?.close());

  /** A queue over attempts in `active` ("node:token" keys) that records expiries with their time. */
  function setup() {
    const active = new Set<string>();
    const expired: Array<{ key: string; at: number }> = [];
    const q = new DeadlineQueue(
      now,
      (node, token) => active.has(`${node}:${token}`),
      (node, token) => {
        active.delete(`${node}:${token}`);
        expired.push({ key: `${node}:${token}`, at: now() });
      },
    );
    queue = q;
    const add = (node: number, token: number, timeoutMs: number, startedAt = now()) => {
      active.add(`${node}:${token}`);
      q.add(node, token, timeoutMs, startedAt);
    };
    return { q, active, expired, add };
  }

  it('expires attempts in deadline order across two different timeouts', async () => {
    const { expired, add } = setup();
    const t0 = now();
    add(1, 1, 90, t0);
    add(2, 2, 30, t0);
    add(3, 3, 60, t0 + 10);
    add(4, 4, 30, t0 + 20);
    await sleep(150);
    expect(expired.map((e) => e.key)).toEqual(['2:2', '4:4', '3:3', '1:1']);
    const due: Record<string, number> = { '2:2': 30, '4:4': 50, '3:3': 70, '1:1': 90 };
    for (const e of expired) expect(e.at - t0).toBeGreaterThanOrEqual(due[e.key]! - TIMER_SLACK_MS);
  });

  it('never expires an attempt that finished before its deadline', async () => {
    const { active, expired, add, q } = setup();
    add(1, 1, 30);
    add(2, 2, 30);
    add(3, 3, 60);
    active.delete('1:1');
    q.clear(1);
    active.delete('3:3');
    await sleep(100);
    expect(expired.map((e) => e.key)).toEqual(['2:2']);
  });

  it('does not expire a retry of the same node under its old token', async () => {
    const { active, expired, add } = setup();
    const t0 = now();
    add(1, 1, 40, t0);
    active.delete('1:1');
    add(1, 2, 40, t0 + 30);
    await sleep(55);
    expect(expired).toEqual([]);
    await sleep(40);
    expect(expired.map((e) => e.key)).toEqual(['1:2']);
  });

  it('expires an attempt already past its deadline at once', async () => {
    const { expired, add } = setup();
    add(1, 1, 10, now() - 50);
    await sleep(5);
    expect(expired.map((e) => e.key)).toEqual(['1:1']);
  });

  it('stops for good on close(): nothing expires afterwards, even when added later', async () => {
    const { expired, add, q } = setup();
    add(1, 1, 20);
    q.close();
    add(2, 2, 10);
    await sleep(60);
    expect(expired).toEqual([]);
  });

  it('lets onExpired close the queue without expiring the rest', async () => {
    const closed: number[] = [];
    const q = new DeadlineQueue(
      now,
      () => true,
      (node) => {
        closed.push(node);
        q.close();
      },
    );
    queue = q;
    const t0 = now();
    q.add(1, 1, 20, t0);
    q.add(2, 2, 20, t0);
    await sleep(60);
    expect(closed).toEqual([1]);
  });
});
