import { describe, expect, it } from 'vitest';
import type { ApiEvent, ApiResponse, PreloadBridge } from '../../preload/contract.js';
import type { ConnectionStatus } from './transport.js';
import { createPreloadTransport } from './preload-transport.js';

function fakeBridge() {
  const listeners = new Set<(event: ApiEvent) => void>();
  const bridge: PreloadBridge = {
    invoke: (): Promise<ApiResponse> => Promise.resolve({ ok: true, result: null } as ApiResponse),
    onEvent(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
  };
  const emit = (event: unknown) => listeners.forEach((l) => l(event as ApiEvent));
  return { bridge, emit, listeners };
}

describe('the preload transport', () => {
  it('follows the backend process: crashed → reconnecting, restarted → open, unavailable → closed', () => {
    const { bridge, emit } = fakeBridge();
    const transport = createPreloadTransport(bridge);
    const seen: ConnectionStatus[] = [];
    transport.onConnectionChange((s) => seen.push(s));
    expect(transport.connection().state).toBe('open');
    emit({ type: 'backendStatus', status: 'crashed', message: 'the backend ended' });
    expect(transport.connection()).toEqual({ state: 'reconnecting', attempt: 1 });
    emit({ type: 'backendStatus', status: 'restarted', message: 'back' });
    expect(transport.connection().state).toBe('open');
    emit({ type: 'backendStatus', status: 'unavailable', message: 'gave up' });
    expect(seen.map((s) => s.state)).toEqual(['reconnecting', 'open', 'closed']);
  });

  it('ignores other events and malformed statuses, and stops listening when closed', () => {
    const { bridge, emit, listeners } = fakeBridge();
    const transport = createPreloadTransport(bridge);
    emit({ type: 'runEvent', runId: 'r', seq: 1, event: {} });
    emit({ type: 'backendStatus', status: 'exploded', message: 'x' });
    expect(transport.connection().state).toBe('open');
    transport.close();
    expect(listeners.size).toBe(0);
  });

  it('answers DISCONNECTED when IPC itself fails', async () => {
    const { bridge } = fakeBridge();
    const transport = createPreloadTransport({ ...bridge, invoke: () => Promise.reject(new Error('window closing')) });
    await expect(transport.request('workspaces.list', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'DISCONNECTED', message: expect.stringContaining('window closing') },
    });
  });
});
