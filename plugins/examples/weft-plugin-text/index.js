// An example Weft plugin (see plugins/README.md). Plain JavaScript with no imports: the SDK is only
// types for a JS author, and the host never imports this file itself — a runner process does.

/** A failure no retry can fix: Weft does not retry an error whose `retryable` is false. */
function badInput(message) {
  const error = new Error(message);
  error.retryable = false;
  return error;
}

function textOf(inputs) {
  const value = inputs.in;
  if (typeof value !== 'string') throw badInput(`input "in" must be a string, got ${typeof value}`);
  return value;
}

/** @type {import('../../sdk/index.js').WeftPlugin} */
export default {
  async init({ log }) {
    log.debug('text tools ready');
  },
  nodes: [
    {
      type: 'text.upper',
      title: 'Upper case',
      category: 'Text',
      tags: ['string'],
      description: 'Upper-cases a string.',
      inputs: [{ name: 'in', type: 'string' }],
      outputs: [{ name: 'out', type: 'string' }],
      params: { type: 'object', properties: {}, additionalProperties: false },
      async run({ inputs }) {
        return { out: textOf(inputs).toUpperCase() };
      },
    },
    {
      type: 'text.repeat',
      title: 'Repeat',
      category: 'Text',
      tags: ['string'],
      description: 'Repeats a string params.count times.',
      inputs: [{ name: 'in', type: 'string' }],
      outputs: [{ name: 'out', type: 'string' }],
      params: {
        type: 'object',
        properties: { count: { type: 'integer', minimum: 0, maximum: 10000 } },
        required: ['count'],
        additionalProperties: false,
      },
      async run({ inputs, params, signal, log }) {
        const text = textOf(inputs);
        // Long outputs are built in chunks so that a cancelled run stops promptly.
        let out = '';
        for (let i = 0; i < params.count; i += 1) {
          if (i % 1000 === 0) signal.throwIfAborted();
          out += text;
        }
        log(`repeated ${text.length} characters ${params.count} times`);
        return { out };
      },
    },
  ],
};
