// The Electron transport: `window.weft`, exposed by the preload script. The link is the window's own
// IPC, so it is always open.
import type { ApiResponse, PreloadBridge } from '../../preload/contract.js';
import { DISCONNECTED, type ConnectionStatus, type Transport } from './transport.js';

const OPEN: ConnectionStatus = { state: 'open', attempt: 0 };

export function createPreloadTransport(bridge: PreloadBridge): Transport {
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
    connection: () => OPEN,
    onConnectionChange: () => () => {},
    close: () => {},
  };
}
