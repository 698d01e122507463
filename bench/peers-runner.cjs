'use strict';
// Weft as a peer of ../shared/bench-peers: `WEFT_RUNNER="node $PWD/bench/peers-runner.cjs" run-all.sh`.
// The harness times and checks; this only converts and runs, through the bundled engine (npm run build).
const path = require('node:path');
const { runPeer, referenceOps } = require(path.join(process.env.PEERS_DIR || path.join(__dirname, '..', '..', 'shared', 'bench-peers'), 'harness.js'));

(async () => {
  const { createAdapter } = await import(path.join(__dirname, '..', 'dist', 'bench', 'peers-engine.js'));
  const adapter = createAdapter(referenceOps);
  const { version } = require('../package.json');
  runPeer({ peer: 'weft', version: `weft ${version}`, prepare: adapter.prepare, run: adapter.run });
})();
