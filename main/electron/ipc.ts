// The API over Electron IPC: one `handle` channel for every call, one event channel per window. Each
// call is checked for its sender first (sender.ts) — a refused sender gets FORBIDDEN and its input is
// never read. Each window has its own API connection (its own run subscriptions), opened by its first
// call and closed when its page goes away (reload, crash, close), so a reloaded page starts clean.
// Whatever happens, a call resolves with an ApiResponse; an exception's details go to the log only.
import type { ApiEvent, ApiResponse } from '../../preload/contract.js';
import type { BackendStatusEvent } from '../../preload/contract/backend-status.js';
import { IPC_EVENT, IPC_INVOKE } from '../../preload/contract/ipc.js';
import type { MenuEvent } from '../../preload/contract/menu.js';
import type { ApiConnection } from '../rpc/api.js';
import { INTERNAL_MESSAGE } from '../rpc/dispatch.js';
import { isTrustedSender, type SenderContents, type SenderEvent, type TrustedContents } from './sender.js';

/** The part of Electron's WebContents the IPC layer uses. */
export interface IpcContents extends SenderContents {
  send(channel: string, ...args: unknown[]): void;
  once(event: 'destroyed', listener: () => void): unknown;
  on(event: 'did-navigate', listener: () => void): unknown;
  on(event: 'render-process-gone', listener: () => void): unknown;
}

/** The part of Electron's IpcMainInvokeEvent the IPC layer uses. */
export interface IpcInvokeEvent extends SenderEvent {
  readonly sender: IpcContents;
}

/** The part of Electron's ipcMain the IPC layer uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** What a refused sender gets: no detail, nothing of its input echoed. */
export const FORBIDDEN_RESPONSE: ApiResponse = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'this frame may not call Weft' },
};

/** What a call that threw gets (dispatch never throws; this is the last line of defence). */
export const INTERNAL_RESPONSE: ApiResponse = {
  ok: false,
  error: { code: 'INTERNAL', message: INTERNAL_MESSAGE },
};

export interface ApiIpcOptions {
  readonly ipcMain: IpcMainLike;
  readonly trusted: TrustedContents;
  /** Opens a window's API connection (backend-client.ts's openConnection), whose events go to `send`. */
  readonly openConnection: (send: (event: ApiEvent | BackendStatusEvent) => void) => ApiConnection;
  readonly log?: (message: string) => void;
}

export interface ApiIpc {
  /** The handler itself: what `ipcMain.handle` was given (the tests call it directly). */
  readonly handler: (event: IpcInvokeEvent, ...args: unknown[]) => Promise<ApiResponse>;
  /** Removes the handler and closes every window's connection. */
  close(): void;
}

/** Sends an event (an API event, news of the backend, a menu command) to a window's page, if it is still there. */
export function pushEvent(
  contents: Pick<IpcContents, 'isDestroyed' | 'send'>,
  event: ApiEvent | BackendStatusEvent | MenuEvent,
): void {
  if (contents.isDestroyed()) return;
  contents.send(IPC_EVENT, event);
}

export function registerApiIpc(options: ApiIpcOptions): ApiIpc {
  const log = options.log ?? ((message: string) => console.error(message));
  const connections = new Map<number, ApiConnection>();
  const watched = new Set<number>();

  function drop(id: number): void {
    const connection = connections.get(id);
    if (connection === undefined) return;
    connections.delete(id);
    connection.close();
  }

  function connectionFor(contents: IpcContents): ApiConnection {
    const open = connections.get(contents.id);
    if (open !== undefined) return open;
    const connection = options.openConnection((event) => {
      try {
        pushEvent(contents, event);
      } catch (error) {
        log(
          `weft: an event could not be sent to the window: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    });
    connections.set(contents.id, connection);
    if (!watched.has(contents.id)) {
      // Once per window: the page it belongs to is gone, so are its subscriptions.
      watched.add(contents.id);
      const id = contents.id;
      contents.on('did-navigate', () => drop(id));
      contents.on('render-process-gone', () => drop(id));
      contents.once('destroyed', () => {
        drop(id);
        watched.delete(id);
      });
    }
    return connection;
  }

  async function handler(event: IpcInvokeEvent, ...args: unknown[]): Promise<ApiResponse> {
    if (!isTrustedSender(event, options.trusted)) {
      let from = 'a frame that is gone';
      try {
        from = event.senderFrame?.url ?? from;
      } catch {
        // a destroyed frame: keep the default
      }
      log(`weft: refused an API call from ${from}`);
      return FORBIDDEN_RESPONSE;
    }
    const [method, input] = args;
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: 'the method must be a name' } };
    }
    try {
      return await connectionFor(event.sender).call(method, input);
    } catch (error) {
      log(
        `weft: ${method} threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      return INTERNAL_RESPONSE;
    }
  }

  options.ipcMain.handle(IPC_INVOKE, handler);
  return {
    handler,
    close() {
      options.ipcMain.removeHandler(IPC_INVOKE);
      for (const id of [...connections.keys()]) drop(id);
    },
  };
}
