// The preload script against a mocked electron: what it exposes, under which name, and that the page
// never gets ipcRenderer or an IPC event object. (This layer may not import Node built-ins, so the
// mocked ipcRenderer keeps its own listeners.)
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_EVENT, IPC_INVOKE } from './contract/ipc.js';
import { BRIDGE_GLOBAL, type PreloadBridge } from './contract/transport.js';

type Listener = (...args: unknown[]) => void;

const mocks = vi.hoisted(() => {
  const listeners = new Map<string, Listener[]>();
  const renderer = {
    invoke: vi.fn(async (_channel: string, method: string, _input: unknown) => ({
      ok: true,
      result: { echoed: method },
    })),
    on(channel: string, listener: Listener) {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      return renderer;
    },
    removeListener(channel: string, listener: Listener) {
      listeners.set(
        channel,
        (listeners.get(channel) ?? []).filter((l) => l !== listener),
      );
      return renderer;
    },
    emit(channel: string, ...args: unknown[]) {
      for (const listener of listeners.get(channel) ?? []) listener(...args);
    },
    listenerCount: (channel: string) => (listeners.get(channel) ?? []).length,
  };
  return { exposed: new Map<string, unknown>(), renderer };
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, api: unknown) => mocks.exposed.set(name, api) },
  ipcRenderer: mocks.renderer,
}));

let bridge: PreloadBridge;
beforeAll(async () => {
  await import('./index.js');
  bridge = mocks.exposed.get(BRIDGE_GLOBAL) as PreloadBridge;
});

describe('the preload bridge', () => {
  it('exposes exactly invoke and onEvent, under window.weft, and nothing else', () => {
    expect([...mocks.exposed.keys()]).toEqual([BRIDGE_GLOBAL]);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onEvent']);
    expect(typeof bridge.invoke).toBe('function');
    expect(typeof bridge.onEvent).toBe('function');
    expect(Object.values(bridge)).not.toContain(mocks.renderer);
  });

  it('invokes the one API channel with the method and input, and resolves with the response', async () => {
    const input = { workspaceId: 'ws_1' };
    await expect(bridge.invoke('workflows.list', input)).resolves.toEqual({
      ok: true,
      result: { echoed: 'workflows.list' },
    });
    expect(mocks.renderer.invoke).toHaveBeenLastCalledWith(IPC_INVOKE, 'workflows.list', input);
  });

  it('hands pushed events to the callback as plain data, without the IPC event', () => {
    const seen: unknown[][] = [];
    const stop = bridge.onEvent((...args: unknown[]) => seen.push(args));
    const payload = { type: 'runEvent', runId: 'r', seq: 1, event: {} };
    mocks.renderer.emit(IPC_EVENT, { sender: mocks.renderer }, payload);
    expect(seen).toEqual([[payload]]);
    stop();
  });

  it('returns an unsubscribe that stops the events and can be called twice', () => {
    const seen: unknown[] = [];
    const before = mocks.renderer.listenerCount(IPC_EVENT);
    const stop = bridge.onEvent((event) => seen.push(event));
    expect(mocks.renderer.listenerCount(IPC_EVENT)).toBe(before + 1);
    stop();
    stop();
    expect(mocks.renderer.listenerCount(IPC_EVENT)).toBe(before);
    mocks.renderer.emit(IPC_EVENT, {}, { type: 'runEvent' });
    expect(seen).toEqual([]);
  });

  it('refuses a callback that is not a function', () => {
    expect(() => bridge.onEvent('nope' as never)).toThrow(TypeError);
  });
});
