import { defineNode } from '../sdk/index.js';

export interface ExpressionParams {
  readonly expression: string;
}

/** Emits the value of a JSONata expression over `{ input, nodes }`. */
export const expressionNode = defineNode<ExpressionParams>({
  type: 'core.expression',
  title: 'Expression',
  category: 'Data',
  tags: ['jsonata', 'transform', 'compute', 'map'],
  description:
    'Evaluates a JSONata expression against { input, nodes } and emits its value; for example input.in.items[price > 10].',
  inputs: [{ name: 'in', type: 'any', required: false }],
  outputs: [{ name: 'out', type: 'any' }],
  params: {
    type: 'object',
    additionalProperties: false,
    required: ['expression'],
    properties: {
      expression: {
        type: 'string',
        minLength: 1,
        title: 'Expression',
        description: 'A JSONata expression, e.g. input.in.price * 2. Text with {{ }} is read as a template.',
        default: 'input.in',
      },
    },
  },
  rawParams: ['expression'],
  async run({ params, evaluate }) {
    const value = await evaluate(params.expression);
    // JSONata answers "no match" with undefined; emit null so the value survives JSON records.
    return { out: value === undefined ? null : value };
  },
});
