import { describe, expect, it } from 'vitest';
import { toRunError } from '../../engine/run/errors.js';
import { NodeRunError } from '../sdk/index.js';
import { DEFAULT_FAIL_MESSAGE, failNode } from './fail.node.js';
import { makeContext, paramsValid } from './testing.js';

describe('core.fail', () => {
  it('throws its message, not retryable', async () => {
    const run = async (): Promise<unknown> => failNode.run(makeContext({ inputs: { in: 1 }, params: { message: 'Bad order 7' } }));
    await expect(run).rejects.toBeInstanceOf(NodeRunError);
    await expect(run).rejects.toMatchObject({ message: 'Bad order 7', code: 'NODE_ERROR', retryable: false });
  });

  it('has a default message', async () => {
    await expect(async () => failNode.run(makeContext({ params: {} }))).rejects.toThrow(DEFAULT_FAIL_MESSAGE);
  });

  it('records as a non-retryable error', async () => {
    const thrown: unknown = await Promise.resolve()
      .then(() => failNode.run(makeContext({ params: { message: 'stop' } })))
      .catch((e: unknown) => e);
    expect(toRunError(thrown)).toEqual({ message: 'stop', code: 'NODE_ERROR', retryable: false });
  });

  it('has an optional input and an out port', () => {
    expect(failNode.inputs).toEqual([expect.objectContaining({ name: 'in', required: false })]);
    expect(failNode.outputs.map((p) => p.name)).toEqual(['out']);
  });

  it('validates params', () => {
    expect(paramsValid(failNode, {})).toBe(true);
    expect(paramsValid(failNode, { message: 'x' })).toBe(true);
    expect(paramsValid(failNode, { message: 1 })).toBe(false);
    expect(paramsValid(failNode, { msg: 'x' })).toBe(false);
  });
});
