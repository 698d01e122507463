import { describe, expect, it } from 'vitest';
import { manualNode } from './manual.node.js';
import { makeContext, paramsValid } from './testing.js';

describe('core.manual', () => {
  it('emits the payload', async () => {
    expect(await manualNode.run(makeContext({ params: { payload: { name: 'Ada' } } }))).toEqual({ out: { name: 'Ada' } });
  });

  it('emits {} without a payload', async () => {
    expect(await manualNode.run(makeContext({ params: {} }))).toEqual({ out: {} });
  });

  it("lets the run's input replace the payload, even a falsy one", async () => {
    expect(await manualNode.run(makeContext({ params: { payload: 1 }, runInput: { x: 2 } }))).toEqual({ out: { x: 2 } });
    expect(await manualNode.run(makeContext({ params: { payload: 1 }, runInput: 0 }))).toEqual({ out: 0 });
  });

  it('has no inputs and one output', () => {
    expect(manualNode.inputs).toEqual([]);
    expect(manualNode.outputs.map((p) => p.name)).toEqual(['out']);
  });

  it('validates params', () => {
    expect(paramsValid(manualNode, {})).toBe(true);
    expect(paramsValid(manualNode, { payload: [1, 'a'] })).toBe(true);
    expect(paramsValid(manualNode, { other: 1 })).toBe(false);
  });
});
