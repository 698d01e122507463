// What the one API client needs from a way to the host. Two implementations exist: the Electron
// preload bridge (preload-transport.ts) and the browser mode's WebSocket (socket-transport.ts).
// Both answer every call with the contract's ApiResponse, so errors keep their code, path and details.
import type { ApiEvent, ApiResponse } from '../../preload/contract.js';

/** Where a transport's link to the host stands; the UI shows anything but `open`. */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface ConnectionStatus {
  readonly state: ConnectionState;
  /** Reconnect attempts since the link was last open (0 while open). */
  readonly attempt: number;
  /** Epoch ms of the next reconnect attempt, while `reconnecting`. */
  readonly retryAt?: number;
}

export interface Transport {
  readonly kind: 'preload' | 'socket';
  /** Sends one call; always resolves (a lost link answers an error response, code DISCONNECTED). */
  request(method: string, input: unknown): Promise<ApiResponse>;
  /** Listens to pushed events; returns the function that stops listening. */
  onEvent(cb: (event: ApiEvent) => void): () => void;
  connection(): ConnectionStatus;
  /** Listens to connection changes; returns the function that stops listening. */
  onConnectionChange(cb: (status: ConnectionStatus) => void): () => void;
  /** Ends the link for good (tests, page unload). */
  close(): void;
}

/** Error code of a call that failed because the link to the host went away. */
export const DISCONNECTED = 'DISCONNECTED';
