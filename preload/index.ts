// The preload script of the desktop window: exposes `window.weft` with exactly the contract's two
// functions (PreloadBridge) and nothing else. It runs sandboxed and context-isolated, so it is bundled
// to one CommonJS file (scripts/build-electron.mjs) whose only import is electron. Neither ipcRenderer
// nor an IPC event object ever reaches the page: the page gets plain functions and plain data.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT, IPC_INVOKE } from './contract/ipc.js';
import { BRIDGE_GLOBAL, type PreloadBridge } from './contract/transport.js';

const bridge: PreloadBridge = {
  invoke(method, input) {
    return ipcRenderer.invoke(IPC_INVOKE, method, input);
  },
  onEvent(callback) {
    if (typeof callback !== 'function') throw new TypeError('onEvent needs a function');
    // The page's callback sees the event's data only, never the IpcRendererEvent (it holds `sender`).
    const listener = (_event: IpcRendererEvent, data: unknown) =>
      callback(data as Parameters<typeof callback>[0]);
    ipcRenderer.on(IPC_EVENT, listener);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      ipcRenderer.removeListener(IPC_EVENT, listener);
    };
  },
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
