// The backend process's entry (bundled to dist/electron/backend.js; started by main as an Electron
// utility process, main/electron/backend-launch.ts). Everything that works on data runs here rather
// than in the window's main process: the store (better-sqlite3), the workspaces' plugins, the API
// dispatch and the engine's scheduler, so a heavy transform or a large run record never blocks the
// window. It imports nothing of Electron (lint refuses it in main/backend/), and the tests run this very
// bundle in plain Node.
import { createRequire } from 'node:module';
import { openBackend } from './backend.js';
import { preferElectronSqlite } from './dev-native.js';
import { parentPortChannel } from './parent-port.js';
import { serveBackend } from './serve.js';

serveBackend({
  port: parentPortChannel(),
  open(config, launcher, log) {
    // A development start: this process has Electron's ABI, the checkout's better-sqlite3 has Node's.
    // Must precede the first database open (the addon is loaded lazily, by `new Database`).
    if (config.sqliteBinary !== undefined) {
      const outcome = preferElectronSqlite(createRequire(import.meta.url), config.sqliteBinary);
      if (outcome.use === 'checkout-build')
        log(`weft: development start without an Electron build of better-sqlite3: ${outcome.reason}`);
    }
    return openBackend({
      userDataDir: config.userDataDir,
      launcher,
      ...(config.bundledPluginsDir === undefined ? {} : { bundledPluginsDir: config.bundledPluginsDir }),
      ...(config.runsTimeoutMs === undefined ? {} : { runsTimeoutMs: config.runsTimeoutMs }),
      log,
    });
  },
  // A short delay lets the last message (`stopped`, `failed`) leave through the port before the exit.
  exit: (code) => void setTimeout(() => process.exit(code), 100),
});
