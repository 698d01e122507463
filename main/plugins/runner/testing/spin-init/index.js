// A plugin whose init never returns and never yields: only killing its runner stops it.
export default {
  init() {
    for (;;) { /* spin */ }
  },
  nodes: [{ type: 'spin.node', title: 'Spin', category: 'Testing', tags: [], description: '', inputs: [], outputs: [], params: { type: 'object', properties: {} }, async run() { return {}; } }],
};
