// The runner child's channel to its host, whichever way it was started (launcher.ts):
// - `child_process.fork` (CLI, browser mode): Node's IPC channel with JSON serialization;
// - Electron's `utilityProcess.fork` (the desktop app): `process.parentPort`, whose messages are
//   structured clones. There every message travels as a JSON string instead, so the same values cross
//   the boundary in both hosts (a Date arrives as a string, a function or BigInt cannot be sent), and
//   a message that cannot be serialised throws here, as Node's JSON IPC does.
// Plain JavaScript like child.mjs (copied beside the bundle by scripts/build.mjs).

/**
 * @returns {{ send(message: unknown): void, connected(): boolean, onMessage(cb: (m: unknown) => void): void, onDisconnect(cb: () => void): void }}
 */
export function hostChannel() {
  const port = process.parentPort;
  if (port !== undefined && port !== null && typeof port.postMessage === 'function') {
    const post = port.postMessage.bind(port);
    return {
      send(message) {
        post(JSON.stringify(message));
      },
      // A utility process has no disconnect event: Electron ends it with its parent.
      connected: () => true,
      onMessage(callback) {
        port.on('message', (event) => {
          const data = event?.data;
          if (typeof data !== 'string') return;
          let message;
          try {
            message = JSON.parse(data);
          } catch {
            return; // not ours: the host only sends JSON text
          }
          callback(message);
        });
        // Messages queue until the port is started.
        port.start?.();
      },
      onDisconnect() {},
    };
  }
  if (typeof process.send !== 'function') {
    throw new Error('the plugin runner must be started by Weft (no IPC channel to its host)');
  }
  const sendRaw = process.send.bind(process);
  return {
    send(message) {
      sendRaw(message);
    },
    connected: () => process.connected,
    onMessage(callback) {
      process.on('message', callback);
    },
    onDisconnect(callback) {
      process.on('disconnect', callback);
    },
  };
}
