// Which IPC senders may call Weft: only the main frame of a window made by our window factory, showing
// a page of our own origin. A frame of another origin (a page the window was somehow navigated to), a
// subframe, a frame that is gone (null: it navigated away or was destroyed while the call was in
// flight) or a web contents we did not make is refused before its call is even read.
import { isAppUrl } from './app-url.js';

/** The part of Electron's WebFrameMain the check reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
  readonly processId: number;
  readonly routingId: number;
  isDestroyed(): boolean;
}

/** The part of Electron's WebContents the check reads. */
export interface SenderContents {
  readonly id: number;
  readonly mainFrame: SenderFrame;
  isDestroyed(): boolean;
}

/** The part of Electron's IpcMainInvokeEvent (and IpcMainEvent) the check reads. */
export interface SenderEvent {
  readonly sender: SenderContents;
  readonly senderFrame: SenderFrame | null;
}

/** The web contents of the windows our factory made; each leaves the set when it is destroyed. */
export interface TrustedContents {
  add(contents: { readonly id: number; once(event: 'destroyed', listener: () => void): unknown }): void;
  has(id: number): boolean;
}

export function createTrustedContents(): TrustedContents {
  const ids = new Set<number>();
  return {
    add(contents) {
      ids.add(contents.id);
      contents.once('destroyed', () => ids.delete(contents.id));
    },
    has: (id) => ids.has(id),
  };
}

/** True when the event comes from the main frame of one of our windows, on our origin. */
export function isTrustedSender(event: SenderEvent, trusted: TrustedContents): boolean {
  try {
    const frame = event.senderFrame;
    const contents = event.sender;
    if (frame === null || frame === undefined || frame.isDestroyed()) return false;
    if (contents.isDestroyed() || !trusted.has(contents.id)) return false;
    if (frame.parent !== null || !isAppUrl(frame.url)) return false;
    // The very frame that is the window's main frame, not a look-alike in another process.
    const main = contents.mainFrame;
    return main.processId === frame.processId && main.routingId === frame.routingId;
  } catch {
    // Electron throws when a property of a destroyed object is read: a sender that is gone is refused.
    return false;
  }
}
