// Stand-ins for the Electron objects the desktop modules are handed (web contents, frames, windows,
// ipcMain), with just enough behaviour for the tests: events are Node EventEmitter events, and what
// was sent or loaded is recorded.
import { EventEmitter } from 'node:events';
import type { SenderFrame } from '../sender.js';

let nextId = 1;

export interface FakeFrameOptions {
  url?: string;
  parent?: unknown;
  processId?: number;
  routingId?: number;
  destroyed?: boolean;
}

export function fakeFrame(options: FakeFrameOptions = {}): SenderFrame & { destroyed: boolean } {
  return {
    url: options.url ?? 'weft://app/index.html',
    parent: options.parent ?? null,
    processId: options.processId ?? 7,
    routingId: options.routingId ?? 1,
    destroyed: options.destroyed ?? false,
    isDestroyed() {
      return this.destroyed;
    },
  };
}

/** A web contents: events, `send` recorded, a main frame, a window-open handler, loads recorded. */
export class FakeContents extends EventEmitter {
  readonly id = nextId++;
  destroyed = false;
  mainFrame: SenderFrame = fakeFrame();
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  readonly loaded: string[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;

  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return Promise.resolve();
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

/** A navigation event as Electron passes it to will-navigate and friends. */
export function navigationEvent(
  url: string,
  isMainFrame = true,
): { url: string; isMainFrame: boolean; defaultPrevented: boolean; preventDefault(): void } {
  return {
    url,
    isMainFrame,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

/** ipcMain with its handlers kept by channel. */
export class FakeIpcMain {
  readonly handlers = new Map<string, (event: never, ...args: unknown[]) => unknown>();
  handle(channel: string, listener: (event: never, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
}
