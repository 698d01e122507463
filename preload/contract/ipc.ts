// The Electron IPC channel names, shared by the preload script (preload/index.ts) and the main process
// (main/electron/ipc.ts). Kept apart from transport.ts so the sandboxed preload bundle pulls in two
// strings and nothing else.

/** Renderer → main: `ipcRenderer.invoke(IPC_INVOKE, method, input)` resolves with an ApiResponse. */
export const IPC_INVOKE = 'weft:invoke';

/** Main → renderer: pushed events (the API's run events, and menu commands; see menu.ts). */
export const IPC_EVENT = 'weft:event';
