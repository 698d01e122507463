import { describe, expect, it } from 'vitest';
import { policySchema } from '../../../engine/model/document.js';
import { policyProblems, RETRY_FIELDS, timeoutField, withPolicy, withRetry } from './policy-model.js';

const timeout = timeoutField(60000);

describe('policy edits', () => {
  it('adds and removes retry settings, dropping what is left empty', () => {
    const one = withRetry(undefined, 'maxAttempts', 3);
    expect(one).toEqual({ retry: { maxAttempts: 3 } });
    const two = withPolicy(one, 'onError', 'skip');
    expect(two).toEqual({ retry: { maxAttempts: 3 }, onError: 'skip' });
    expect(withRetry(two, 'maxAttempts', undefined)).toEqual({ onError: 'skip' });
    expect(withPolicy(withRetry(two, 'maxAttempts', undefined), 'onError', undefined)).toBeUndefined();
  });
});

describe('policyProblems', () => {
  it('says nothing about a valid policy', () => {
    const policy = {
      retry: { maxAttempts: 3, initialDelayMs: 200, jitter: false },
      onError: 'fail' as const,
      timeoutMs: 5000,
    };
    expect(policySchema.safeParse(policy).success).toBe(true);
    expect(policyProblems(policy, ['out'], timeout)).toEqual({});
  });

  it('names each field the engine would refuse', () => {
    const policy = { retry: { maxAttempts: 0, backoffFactor: 0.5 }, timeoutMs: 0 };
    expect(policySchema.safeParse(policy).success).toBe(false);
    expect(policyProblems(policy, ['out'], timeout)).toEqual({
      'retry.maxAttempts': 'must be at least 1',
      'retry.backoffFactor': 'must be at least 1',
      timeoutMs: 'must be more than 0',
    });
  });

  it('asks for fallback outputs that the node has', () => {
    expect(policyProblems({ onError: 'fallback' }, ['out'], timeout)).toEqual({
      fallback: 'required when “On error” is fallback',
    });
    expect(policyProblems({ onError: 'fallback', fallback: { nope: 1 } }, ['out'], timeout).fallback).toMatch(
      /not an output/,
    );
    expect(policyProblems({ onError: 'fallback', fallback: { out: 1 } }, ['out'], timeout)).toEqual({});
  });

  it('matches the engine on defaults', () => {
    expect(RETRY_FIELDS.maxAttempts.defaultValue).toBe(1);
    expect(RETRY_FIELDS.initialDelayMs.defaultValue).toBe(1000);
    expect(RETRY_FIELDS.maxDelayMs.defaultValue).toBe(30000);
  });
});
