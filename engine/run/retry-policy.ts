import type { RetryPolicy } from '../model/document.js';

/** A retry policy with every default of SPEC §3.4 filled in. */
export interface ResolvedRetry {
  readonly maxAttempts: number;
  readonly initialDelayMs: number;
  readonly backoffFactor: number;
  readonly maxDelayMs: number;
  readonly jitter: boolean;
}

export const RETRY_DEFAULTS: ResolvedRetry = {
  maxAttempts: 1,
  initialDelayMs: 1000,
  backoffFactor: 2,
  maxDelayMs: 30_000,
  jitter: true,
};

export function resolveRetry(policy: RetryPolicy | undefined): ResolvedRetry {
  if (!policy) return RETRY_DEFAULTS;
  return {
    maxAttempts: policy.maxAttempts ?? RETRY_DEFAULTS.maxAttempts,
    initialDelayMs: policy.initialDelayMs ?? RETRY_DEFAULTS.initialDelayMs,
    backoffFactor: policy.backoffFactor ?? RETRY_DEFAULTS.backoffFactor,
    maxDelayMs: policy.maxDelayMs ?? RETRY_DEFAULTS.maxDelayMs,
    jitter: policy.jitter ?? RETRY_DEFAULTS.jitter,
  };
}

/**
 * The wait before try `attempt` (2 or more): `min(maxDelayMs, initialDelayMs × backoffFactor^(attempt−2))`,
 * and with jitter a value drawn uniformly in [50 %, 100 %] of it, so that many nodes retrying the same
 * service do not hit it in lockstep. `random` returns a number in [0, 1).
 */
export function retryDelayMs(retry: ResolvedRetry, attempt: number, random: () => number = Math.random): number {
  if (attempt < 2) return 0;
  const base = Math.min(retry.maxDelayMs, retry.initialDelayMs * Math.pow(retry.backoffFactor, attempt - 2));
  return retry.jitter ? base * (0.5 + 0.5 * random()) : base;
}
