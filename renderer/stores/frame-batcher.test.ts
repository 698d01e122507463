import { describe, expect, it } from 'vitest';
import type { ApiClient, ApiEvent } from '../../preload/contract.js';
import { createFrameBatcher, type FrameScheduler } from './frame-batcher.js';
import { feedRunEvents } from './run-feed.js';
import { createRunStore } from './run.store.js';

function fakeFrames() {
  let pending: Array<() => void> = [];
  const schedule: FrameScheduler = (fn) => {
    pending.push(fn);
    return () => {
      pending = pending.filter((f) => f !== fn);
    };
  };
  const frame = () => {
    const due = pending;
    pending = [];
    for (const fn of due) fn();
  };
  return { schedule, frame, scheduled: () => pending.length };
}

describe('frame batcher', () => {
  it('hands over everything pushed within a frame in one batch', () => {
    const frames = fakeFrames();
    const batches: number[][] = [];
    const b = createFrameBatcher<number>((items) => batches.push(items), frames.schedule);
    for (let i = 0; i < 1000; i++) b.push(i);
    expect(frames.scheduled()).toBe(1);
    expect(batches).toEqual([]);
    frames.frame();
    b.push(1000);
    frames.frame();
    expect(batches.map((x) => x.length)).toEqual([1000, 1]);
    frames.frame();
    expect(batches).toHaveLength(2);
  });

  it('flushes on demand and drops on dispose', () => {
    const frames = fakeFrames();
    const batches: number[][] = [];
    const b = createFrameBatcher<number>((items) => batches.push(items), frames.schedule);
    b.push(1);
    b.flush();
    expect(batches).toEqual([[1]]);
    expect(frames.scheduled()).toBe(0);
    b.push(2);
    b.dispose();
    frames.frame();
    expect(batches).toEqual([[1]]);
  });
});

describe('run feed', () => {
  it('updates the run store at most once per frame', () => {
    const frames = fakeFrames();
    const store = createRunStore();
    let listener: ((e: ApiEvent) => void) | undefined;
    const client: Pick<ApiClient, 'onEvent'> = {
      onEvent(cb) {
        listener = cb;
        return () => (listener = undefined);
      },
    };
    store.getState().started('r1', 'w');
    let updates = 0;
    store.subscribe(() => updates++);
    const stop = feedRunEvents(client, store, frames.schedule);
    for (let i = 1; i <= 500; i++) {
      listener!({
        type: 'runEvent',
        runId: 'r1',
        seq: i,
        event: { type: 'nodeStarted', runId: 'r1', nodeId: `n${i}`, at: i, attempt: 1 },
      });
    }
    expect(updates).toBe(0);
    frames.frame();
    expect(updates).toBe(1);
    expect(Object.keys(store.getState().nodes)).toHaveLength(500);
    stop();
    expect(listener).toBeUndefined();
  });
});
