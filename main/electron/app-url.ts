// Where the editor lives inside the desktop app: a custom, privileged scheme rather than file://, so the
// page has a real origin of its own (file:// pages share one origin with every local file), and every
// check below — the sender of an IPC call, a navigation, a download — compares against it.

/** The scheme the editor is served over (registered in protocol.ts). */
export const APP_SCHEME = 'weft';

/** The one host of that scheme; any other host is refused. */
export const APP_HOST = 'app';

/** The editor's origin as Chromium reports it for a standard scheme. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The page the window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True when `url` is a page or file of the editor: our scheme and host exactly, with no user, password
 * or port (which could make `weft://app@elsewhere/` read as ours). WHATWG URL parsing gives custom
 * schemes the origin "null", so the parts are compared, not `origin`.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === ''
  );
}
