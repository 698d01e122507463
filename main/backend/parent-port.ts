// The backend process's channel to main: Electron's `process.parentPort` in a utility process (or the
// stand-in the tests give a forked Node child, runner/testing/utility-shim.mjs), seen as JSON text both
// ways, as the plugin runners see theirs (runner/child-transport.mjs). Electron is not imported: the
// port is found on `process`, so this runs in plain Node too.
import type { BackendPort } from './serve.js';

/** The part of Electron's ParentPort used here. */
interface ParentPortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data?: unknown }) => void): unknown;
  start?(): void;
}

/** Throws when the process was not started as a utility process (someone ran the bundle by hand). */
export function parentPortChannel(proc: object = process): BackendPort {
  const port = (proc as { parentPort?: ParentPortLike }).parentPort;
  if (port === undefined || port === null || typeof port.postMessage !== 'function') {
    throw new Error(
      'the Weft backend must be started by the desktop app, as a utility process (no process.parentPort)',
    );
  }
  return {
    post(text) {
      port.postMessage(text);
    },
    onMessage(listener) {
      port.on('message', (event) => {
        // Main sends JSON text only; anything else is not ours.
        if (typeof event?.data === 'string') listener(event.data);
      });
      // Messages sent before this point wait in the port until it is started.
      port.start?.();
    },
  };
}
