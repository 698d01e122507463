// Where a window's page may go: nowhere but the editor itself. Navigations and redirects to any other
// URL are cancelled, window.open and target=_blank links are denied, and <webview> is never attached.
// A `.weft.json` file dropped on the window arrives as a navigation to its file:// URL: that one is
// cancelled too, and handed to `onFileDropped` to be imported.
import { fileURLToPath } from 'node:url';
import { isAppUrl } from './app-url.js';

/** An Electron navigation event (will-navigate, will-redirect, will-frame-navigate) as read here. */
export interface NavigationEvent {
  readonly url: string;
  /** Set by will-frame-navigate, which fires for the main frame too (will-navigate handles that one). */
  readonly isMainFrame?: boolean;
  preventDefault(): void;
}

/** The part of Electron's WebContents the guards attach to. */
export interface GuardedContents {
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { readonly url: string }) => { action: 'deny' }): void;
}

/** Whether a page of ours may navigate to `url`: only within the editor's own origin. */
export function navigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/** The answer to every window.open: no new windows, ever (one window per app start). */
export function denyWindowOpen(): { action: 'deny' } {
  return { action: 'deny' };
}

/** The path of a dropped workflow file (a file:// URL ending in .weft.json), else undefined. */
export function droppedWorkflowPath(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'file:' || parsed.search !== '' || parsed.hash !== '') return undefined;
  if (!parsed.pathname.toLowerCase().endsWith('.weft.json')) return undefined;
  try {
    return fileURLToPath(parsed);
  } catch {
    return undefined; // a file URL naming a remote host, or not a path on this platform
  }
}

export interface NavigationGuardOptions {
  /** Hears a dropped `.weft.json` file (its path); without it, drops are only cancelled. */
  readonly onFileDropped?: (path: string) => void;
  /** Hears each refused navigation (default: nothing). */
  readonly onRefused?: (what: string, url: string) => void;
}

/** Attaches every guard to a web contents. */
export function guardNavigation(contents: GuardedContents, options: NavigationGuardOptions = {}): void {
  const refuse = (what: string) => (event: NavigationEvent) => {
    if (navigationAllowed(event.url)) return;
    event.preventDefault();
    const dropped = what === 'navigation' ? droppedWorkflowPath(event.url) : undefined;
    if (dropped !== undefined && options.onFileDropped !== undefined) options.onFileDropped(dropped);
    else options.onRefused?.(what, event.url);
  };
  contents.on('will-navigate', refuse('navigation'));
  const refuseInFrame = refuse('frame navigation');
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame !== true) refuseInFrame(event);
  });
  contents.on('will-redirect', refuse('redirect'));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler((details) => {
    options.onRefused?.('window.open', details.url);
    return denyWindowOpen();
  });
}
