import { describe, expect, it } from 'vitest';
import { delayNode, MAX_DELAY_MS } from './delay.node.js';
import { makeContext, paramsValid } from './testing.js';

describe('core.delay', () => {
  it('waits roughly ms, then passes the input on', async () => {
    const started = performance.now();
    expect(await delayNode.run(makeContext({ inputs: { in: { a: 1 } }, params: { ms: 60 } }))).toEqual({ out: { a: 1 } });
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(55);
    expect(waited).toBeLessThan(1000);
  });

  it('passes on at once for 0 ms', async () => {
    expect(await delayNode.run(makeContext({ inputs: { in: 'x' }, params: { ms: 0 } }))).toEqual({ out: 'x' });
  });

  it("rejects promptly with the signal's reason when aborted", async () => {
    const ctx = makeContext({ inputs: { in: 1 }, params: { ms: 60_000 } });
    const reason = new Error('cancelled');
    const started = performance.now();
    setTimeout(() => ctx.controller.abort(reason), 20);
    await expect(delayNode.run(ctx)).rejects.toBe(reason);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('rejects at once when already aborted', async () => {
    const ctx = makeContext({ params: { ms: 60_000 } });
    ctx.controller.abort(new Error('gone'));
    await expect(delayNode.run(ctx)).rejects.toThrow('gone');
  });

  it('fails without retry on a bad ms from a template', async () => {
    const ctx = makeContext({ params: { ms: 'soon' as unknown as number } });
    await expect(delayNode.run(ctx)).rejects.toMatchObject({ retryable: false });
  });

  it('validates params', () => {
    expect(paramsValid(delayNode, { ms: 0 })).toBe(true);
    expect(paramsValid(delayNode, { ms: 1500 })).toBe(true);
    expect(paramsValid(delayNode, {})).toBe(false);
    expect(paramsValid(delayNode, { ms: -1 })).toBe(false);
    expect(paramsValid(delayNode, { ms: MAX_DELAY_MS + 1 })).toBe(false);
    expect(paramsValid(delayNode, { ms: '10' })).toBe(false);
  });
});
