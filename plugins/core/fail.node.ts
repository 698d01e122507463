import { defineNode, NodeRunError } from '../sdk/index.js';

export interface FailParams {
  readonly message?: string;
}

export const DEFAULT_FAIL_MESSAGE = 'Stopped by a fail node';

/** Stops the branch with an error; never retried, since the stop is deliberate. */
export const failNode = defineNode<FailParams>({
  type: 'core.fail',
  title: 'Stop and error',
  category: 'Flow',
  tags: ['fail', 'error', 'stop', 'throw', 'abort'],
  description: 'Fails with the given message. Combine with an If node to stop a workflow on bad data.',
  inputs: [{ name: 'in', type: 'any', required: false }],
  outputs: [{ name: 'out', type: 'any', description: 'Never emits' }],
  params: {
    type: 'object',
    additionalProperties: false,
    properties: {
      message: {
        type: 'string',
        title: 'Message',
        description: 'The error message; may use {{ }} templates.',
        default: DEFAULT_FAIL_MESSAGE,
      },
    },
  },
  run({ params }) {
    const { message } = params;
    const text = message === undefined || message === '' ? DEFAULT_FAIL_MESSAGE : String(message);
    throw new NodeRunError(text, 'NODE_ERROR', false);
  },
});
