import { defineNode, NodeRunError } from '../sdk/index.js';

export interface DelayParams {
  readonly ms: number;
}

/** The longest wait a timer can hold (2^31 − 1 ms, about 24.8 days). */
export const MAX_DELAY_MS = 2 ** 31 - 1;

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Waits, then passes its input on. */
export const delayNode = defineNode<DelayParams>({
  type: 'core.delay',
  title: 'Delay',
  category: 'Flow',
  tags: ['wait', 'sleep', 'pause', 'timer'],
  description: 'Waits the given number of milliseconds, then passes the input on. Stops at once when the run is cancelled.',
  inputs: [{ name: 'in', type: 'any' }],
  outputs: [{ name: 'out', type: 'any' }],
  params: {
    type: 'object',
    additionalProperties: false,
    required: ['ms'],
    properties: {
      ms: {
        type: 'number',
        minimum: 0,
        maximum: MAX_DELAY_MS,
        title: 'Milliseconds',
        description: 'How long to wait, in milliseconds.',
        default: 1000,
      },
    },
  },
  async run({ inputs, params, signal }) {
    const { ms } = params;
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || ms > MAX_DELAY_MS) {
      throw new NodeRunError(`params.ms must be a number from 0 to ${MAX_DELAY_MS}, got ${JSON.stringify(ms)}`, 'NODE_ERROR', false);
    }
    await sleep(ms, signal);
    return { out: inputs.in };
  },
});
