import { defineNode } from '../sdk/index.js';

export interface ManualParams {
  readonly payload?: unknown;
}

/** Starts a workflow by hand: emits the run's input, or `params.payload` when the run has none. */
export const manualNode = defineNode<ManualParams>({
  type: 'core.manual',
  title: 'Manual trigger',
  category: 'Trigger',
  tags: ['start', 'trigger', 'input'],
  description: "Starts the workflow. Emits the run's input (`--input`), or the payload below when there is none.",
  inputs: [],
  outputs: [{ name: 'out', type: 'any', description: "The run's input or the payload" }],
  params: {
    type: 'object',
    additionalProperties: false,
    properties: {
      payload: {
        title: 'Payload',
        description: 'What to emit when the run is started without an input.',
        default: {},
      },
    },
  },
  run({ params, runInput }) {
    return { out: runInput !== undefined ? runInput : (params.payload ?? {}) };
  },
});
