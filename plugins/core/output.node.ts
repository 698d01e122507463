import { defineNode, NodeRunError } from '../sdk/index.js';

export interface OutputParams {
  readonly name: string;
}

/** Records its input as one of the run's named outputs. */
export const outputNode = defineNode<OutputParams>({
  type: 'core.output',
  title: 'Output',
  category: 'Output',
  tags: ['result', 'return', 'output'],
  description: "Records the input as the run's output under the given name (shown by weft run --json).",
  inputs: [{ name: 'in', type: 'any' }],
  outputs: [],
  params: {
    type: 'object',
    additionalProperties: false,
    required: ['name'],
    properties: {
      name: {
        type: 'string',
        minLength: 1,
        maxLength: 200,
        title: 'Name',
        description: "The key of this value in the run's outputs.",
        default: 'result',
      },
    },
  },
  run({ inputs, params, setRunOutput }) {
    const { name } = params;
    if (typeof name !== 'string' || name === '') {
      throw new NodeRunError('params.name must be a non-empty string', 'NODE_ERROR', false);
    }
    setRunOutput(name, inputs.in);
    return {};
  },
});
