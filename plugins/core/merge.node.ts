import { defineNode } from '../sdk/index.js';

/** Gathers the values of every edge into `in` and emits them as one array, in edge order. */
export const mergeNode = defineNode<Record<string, never>>({
  type: 'core.merge',
  title: 'Merge',
  category: 'Flow',
  tags: ['join', 'combine', 'gather', 'array'],
  description: 'Waits for the branches connected to its input and emits the values that arrived, as a list in edge order.',
  inputs: [{ name: 'in', type: 'any', multiple: true, description: 'Connect any number of edges' }],
  outputs: [{ name: 'out', type: 'array' }],
  params: { type: 'object', additionalProperties: false, properties: {} },
  run({ inputs }) {
    const arrived = inputs.in;
    return { out: Array.isArray(arrived) ? [...(arrived as unknown[])] : arrived === undefined ? [] : [arrived] };
  },
});
