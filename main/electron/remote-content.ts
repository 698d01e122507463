// No remote content: the editor's session may load its own files (weft://app/), the blob: and data:
// URLs it makes, and the developer tools' own pages; every request anywhere else (http, https, ws,
// file, ...) is cancelled before it leaves. Workflow nodes that call the network (core.http) run in
// main and the plugin runners, not in this session, so they are not affected.
import { isAppUrl } from './app-url.js';

/** The part of Electron's Session the filter is set on. */
export interface RequestSession {
  readonly webRequest: {
    onBeforeRequest(
      listener: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void,
    ): void;
  };
}

/** Whether the page's session may make this request. */
export function requestAllowed(url: string): boolean {
  if (isAppUrl(url)) return true;
  if (url.startsWith('blob:')) return isAppUrl(url.slice('blob:'.length));
  if (url.startsWith('data:')) return true;
  // Developer tools (development builds only: packaged windows cannot open them).
  return url.startsWith('devtools://');
}

export function blockRemoteContent(session: RequestSession, log: (message: string) => void = () => {}): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = requestAllowed(details.url);
    if (!allowed) log(`weft: blocked a request to ${details.url}`);
    callback({ cancel: !allowed });
  });
}
