// How the API's calls and events travel, for the two transports the renderer's one client knows:
// the Electron preload bridge and the browser mode's WebSocket. Both carry the contract's calls
// unchanged; only the framing differs.
import type { ApiResponse } from '../contract.js';
import type { ApiEvent } from './types.js';

/**
 * What the preload script exposes as `window.weft` (Electron): the contract's one `invoke` and one
 * `onEvent`, nothing else. `invoke` resolves with the response, never rejects for an API error, so
 * the error's code, path and details survive the IPC boundary intact.
 */
export interface PreloadBridge {
  invoke(method: string, input: unknown): Promise<ApiResponse>;
  /** Returns the function that stops listening. */
  onEvent(callback: (event: ApiEvent) => void): () => void;
}

/** The global name the preload bridge is exposed under. */
export const BRIDGE_GLOBAL = 'weft';

/** The browser mode's WebSocket path (on the same origin as the page). */
export const SOCKET_PATH = '/ws';

/** Query parameter (page URL, socket URL, REST URL) that carries the access token. */
export const TOKEN_PARAM = 'token';

/** A call from the renderer over the socket; `id` is the client's own counter. */
export interface SocketRequest {
  id: number;
  method: string;
  input: unknown;
}

/** What the server sends over the socket: a call's response (same `id`), or a pushed event. */
export type SocketMessage = { id: number; response: ApiResponse } | { event: ApiEvent };
