// The Electron transport: `window.weft`, exposed by the preload script. The window's IPC itself is
// always open, but the backend behind it (the store, plugins and runs, in a utility process) can die and
// be restarted by main: its `backendStatus` events are this link's state, so the editor reacts to them
// as to a dropped socket (indicator shown, run subscriptions renewed and lists refreshed once open).
import type { ApiResponse, PreloadBridge } from '../../preload/contract.js';
import { isBackendStatusEvent, type BackendStatus } from '../../preload/contract/backend-status.js';
import { DISCONNECTED, type ConnectionState, type ConnectionStatus, type Transport } from './transport.js';

const STATE_OF: Readonly<Record<BackendStatus, ConnectionState>> = {
  crashed: 'reconnecting',
  restarted: 'open',
  unavailable: 'closed',
};

export function createPreloadTransport(bridge: PreloadBridge): Transport {
  let status: ConnectionStatus = { state: 'open', attempt: 0 };
  const listeners = new Set<(status: ConnectionStatus) => void>();
  const stopStatus = bridge.onEvent((event: unknown) => {
    if (!isBackendStatusEvent(event)) return;
    const state = STATE_OF[event.status];
    status = { state, attempt: state === 'reconnecting' ? status.attempt + 1 : 0 };
    for (const listener of [...listeners]) listener(status);
  });
  return {
    kind: 'preload',
    async request(method, input): Promise<ApiResponse> {
      try {
        return await bridge.invoke(method, input);
      } catch (err) {
        // The bridge resolves API errors; a rejection means IPC itself failed (window closing, bad input
        // that cannot be cloned).
        const message = err instanceof Error ? err.message : String(err);
        return {
          ok: false,
          error: { code: DISCONNECTED, message: `the call ${method} did not reach Weft: ${message}` },
        };
      }
    },
    onEvent: (cb) => bridge.onEvent(cb),
    connection: () => status,
    onConnectionChange(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    close() {
      stopStatus();
      listeners.clear();
    },
  };
}
