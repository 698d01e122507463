// Chooses how the renderer reaches the host: the preload bridge inside Electron (`window.weft`),
// otherwise the WebSocket of `weft serve` on the page's own origin.
import { BRIDGE_GLOBAL, SOCKET_PATH, TOKEN_PARAM, type PreloadBridge } from '../../preload/contract.js';
import { createPreloadTransport } from './preload-transport.js';
import { createSocketTransport } from './socket-transport.js';
import type { Transport } from './transport.js';

/** The socket URL for a page URL: same host, ws(s), SOCKET_PATH, and the page's token when it has one. */
export function socketUrl(page: { protocol: string; host: string; search: string }): string {
  const scheme = page.protocol === 'https:' ? 'wss:' : 'ws:';
  // After the first page load a cookie carries the token; the query is for pages opened with it.
  const token = new URLSearchParams(page.search).get(TOKEN_PARAM);
  const query = token ? `?${TOKEN_PARAM}=${encodeURIComponent(token)}` : '';
  return `${scheme}//${page.host}${SOCKET_PATH}${query}`;
}

function bridgeOf(win: Window): PreloadBridge | undefined {
  const candidate = (win as unknown as Record<string, unknown>)[BRIDGE_GLOBAL] as
    Partial<PreloadBridge> | undefined;
  return candidate && typeof candidate.invoke === 'function' && typeof candidate.onEvent === 'function'
    ? (candidate as PreloadBridge)
    : undefined;
}

export function pickTransport(win: Window = window): Transport {
  const bridge = bridgeOf(win);
  return bridge ? createPreloadTransport(bridge) : createSocketTransport({ url: socketUrl(win.location) });
}
