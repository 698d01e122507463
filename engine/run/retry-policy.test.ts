import { describe, expect, it } from 'vitest';
import { resolveRetry, retryDelayMs, RETRY_DEFAULTS, type ResolvedRetry } from './retry-policy.js';

const policy = (over: Partial<ResolvedRetry> = {}): ResolvedRetry => ({
  ...RETRY_DEFAULTS,
  jitter: false,
  ...over,
});

describe('resolveRetry', () => {
  it('fills in the defaults of SPEC §3.4', () => {
    expect(resolveRetry(undefined)).toEqual({
      maxAttempts: 1,
      initialDelayMs: 1000,
      backoffFactor: 2,
      maxDelayMs: 30_000,
      jitter: true,
    });
    expect(resolveRetry({})).toEqual(resolveRetry(undefined));
  });

  it('keeps what the policy sets, zeros included', () => {
    expect(
      resolveRetry({ maxAttempts: 4, initialDelayMs: 0, backoffFactor: 3, maxDelayMs: 0, jitter: false }),
    ).toEqual({
      maxAttempts: 4,
      initialDelayMs: 0,
      backoffFactor: 3,
      maxDelayMs: 0,
      jitter: false,
    });
    expect(resolveRetry({ maxAttempts: 5 })).toEqual({ ...RETRY_DEFAULTS, maxAttempts: 5 });
  });
});

describe('retryDelayMs', () => {
  it.each<[string, Partial<ResolvedRetry>, number, number]>([
    ['try 2 waits initialDelayMs', {}, 2, 1000],
    ['try 3 waits initial × factor', {}, 3, 2000],
    ['try 4 waits initial × factor²', {}, 4, 4000],
    ['factor 3', { initialDelayMs: 100, backoffFactor: 3 }, 4, 900],
    ['factor 1 keeps the delay constant', { initialDelayMs: 50, backoffFactor: 1 }, 6, 50],
    ['maxDelayMs caps it', { initialDelayMs: 1000, maxDelayMs: 2500 }, 4, 2500],
    ['maxDelayMs caps even the first wait', { initialDelayMs: 1000, maxDelayMs: 300 }, 2, 300],
    ['the default cap is 30 s', {}, 20, 30_000],
    ['zero initial delay', { initialDelayMs: 0 }, 5, 0],
  ])('%s (jitter off)', (_, over, attempt, expected) => {
    expect(retryDelayMs(policy(over), attempt)).toBe(expected);
  });

  it('waits nothing before the first try', () => {
    expect(retryDelayMs(policy(), 1)).toBe(0);
  });

  it('draws jitter in [50 %, 100 %] of the delay from the given random source', () => {
    const p = policy({ jitter: true, initialDelayMs: 200 });
    expect(retryDelayMs(p, 2, () => 0)).toBe(100);
    expect(retryDelayMs(p, 2, () => 0.5)).toBe(150);
    const top = retryDelayMs(p, 2, () => 0.999);
    expect(top).toBeGreaterThan(199);
    expect(top).toBeLessThanOrEqual(200);
    expect(retryDelayMs(p, 3, () => 0)).toBe(200);
  });

  it('applies jitter after the cap', () => {
    expect(retryDelayMs(policy({ jitter: true, initialDelayMs: 1000, maxDelayMs: 400 }), 5, () => 0)).toBe(
      200,
    );
  });

  it('stays in range for many draws of Math.random', () => {
    const p = policy({ jitter: true, initialDelayMs: 80 });
    for (let i = 0; i < 1000; i++) {
      const d = retryDelayMs(p, 3);
      expect(d).toBeGreaterThanOrEqual(80);
      expect(d).toBeLessThanOrEqual(160);
    }
  });
});
