import { describe, expect, it } from 'vitest';
import { ApiCallError } from '../../../preload/contract.js';
import { describeFailure, isConflict } from './report-error.js';

describe('describeFailure', () => {
  it('lists a refused document’s problems with their paths', () => {
    const problems = Array.from({ length: 10 }, (_, i) => ({
      path: `nodes[${i}].type`,
      message: 'unknown node type',
      code: 'UNKNOWN_NODE_TYPE',
    }));
    const text = describeFailure(
      'Not saved',
      new ApiCallError({ code: 'INVALID_INPUT', message: 'invalid', details: { problems } }),
    );
    expect(text.split('\n')).toEqual([
      'Not saved: 10 problems',
      ...problems.slice(0, 8).map((p) => `${p.path}: ${p.message}`),
      '…and 2 more',
    ]);
  });

  it('says the message, with the path when there is one', () => {
    expect(
      describeFailure(
        'Not saved',
        new ApiCallError({ code: 'INVALID_INPUT', message: 'required', path: 'document.name' }),
      ),
    ).toBe('Not saved: document.name: required');
    expect(describeFailure('X', new Error('boom'))).toBe('X: boom');
    expect(isConflict(new ApiCallError({ code: 'CONFLICT', message: 'changed' }))).toBe(true);
  });
});
