// The renderer's one client of the host (preload/contract.ts's ApiClient), over whichever transport
// pick-transport.ts chose. Nothing else in the renderer talks to the host.
import { ApiCallError, type ApiClient, type ApiMethod, type ApiResult } from '../../preload/contract.js';
import type { Transport } from './transport.js';

/** An ApiClient that also exposes its transport, for the connection indicator. */
export interface WeftClient extends ApiClient {
  readonly transport: Transport;
}

export function createApiClient(transport: Transport): WeftClient {
  return {
    transport,
    async invoke<M extends ApiMethod>(method: M, input: unknown): Promise<ApiResult<M>> {
      const response = await transport.request(method, input);
      if (!response.ok) throw new ApiCallError(response.error);
      return response.result as ApiResult<M>;
    },
    onEvent: (cb) => transport.onEvent(cb),
  };
}

/** A message for a person from whatever a call rejected with. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiCallError) return err.error.path ? `${err.error.path}: ${err.message}` : err.message;
  return err instanceof Error ? err.message : String(err);
}
