import { defineNode, NodeRunError } from '../sdk/index.js';

export interface IfParams {
  readonly condition: boolean | string;
}

/** JS truthiness, except that an empty array is false too (as JSONata reads it). */
export function isTruthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return Boolean(value);
}

/** Routes its input to `true` or `false` by a condition. */
export const ifNode = defineNode<IfParams>({
  type: 'core.if',
  title: 'If',
  category: 'Flow',
  tags: ['condition', 'branch', 'switch', 'route'],
  description:
    'Evaluates the condition and emits the input on exactly one of the ports true and false. Empty text, 0, null, false and an empty list count as false.',
  inputs: [{ name: 'in', type: 'any' }],
  outputs: [
    { name: 'true', type: 'any', description: 'The input, when the condition holds' },
    { name: 'false', type: 'any', description: 'The input, when it does not' },
  ],
  params: {
    type: 'object',
    additionalProperties: false,
    required: ['condition'],
    properties: {
      condition: {
        type: ['boolean', 'string'],
        minLength: 1,
        title: 'Condition',
        description: 'A JSONata expression such as input.in.count > 3, a {{ }} template, or true/false.',
        default: true,
      },
    },
  },
  rawParams: ['condition'],
  async run({ inputs, params, evaluate }) {
    const { condition } = params;
    let holds: boolean;
    if (typeof condition === 'boolean') holds = condition;
    else if (typeof condition === 'string') holds = isTruthy(await evaluate(condition));
    else throw new NodeRunError(`params.condition must be a boolean or an expression, got ${typeof condition}`, 'NODE_ERROR', false);
    return holds ? { true: inputs.in } : { false: inputs.in };
  },
});
