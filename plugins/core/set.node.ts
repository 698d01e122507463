import { defineNode, NodeRunError } from '../sdk/index.js';

export interface SetParams {
  readonly values?: Record<string, unknown>;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Sets fields: the input object merged with `params.values`, or the values alone for a non-object input. */
export const setNode = defineNode<SetParams>({
  type: 'core.set',
  title: 'Set fields',
  category: 'Data',
  tags: ['set', 'assign', 'merge', 'fields', 'transform'],
  description:
    'Emits the input object with the given fields set (templates allowed). When the input is not an object, emits the fields alone.',
  inputs: [{ name: 'in', type: 'any' }],
  outputs: [{ name: 'out', type: 'any' }],
  params: {
    type: 'object',
    additionalProperties: false,
    properties: {
      values: {
        type: 'object',
        title: 'Values',
        description: 'Fields to set; values may use {{ }} templates.',
        default: {},
      },
    },
  },
  run({ inputs, params }) {
    const values = params.values ?? {};
    if (!isPlainObject(values)) {
      throw new NodeRunError(`params.values must be an object, got ${typeof values}`, 'NODE_ERROR', false);
    }
    // Copied so that a downstream node can never change the params of this one.
    const copy = structuredClone(values);
    const input = inputs.in;
    return { out: isPlainObject(input) ? { ...input, ...copy } : copy };
  },
});
