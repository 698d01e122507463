import { describe, expect, it } from 'vitest';
import { fieldIdOf } from './field-ids.js';

describe('fieldIdOf', () => {
  it('leads from a problem path to its input', () => {
    expect(fieldIdOf('params.url')).toBe('param-field-url');
    expect(fieldIdOf('params.headers.Accept')).toBe('param-field-headers');
    expect(fieldIdOf('params["my key"]')).toBe('param-field-my key');
    expect(fieldIdOf('policy.retry.maxAttempts')).toBe('policy-field-maxAttempts');
    expect(fieldIdOf('policy.fallback.out')).toBe('policy-field-fallback');
    expect(fieldIdOf('type')).toBeNull();
  });
});
