// Permission requests from pages: refused, with one narrow exception. The editor needs no camera,
// microphone, location, notifications, USB, HID, serial, MIDI, clipboard read or screen capture; a
// request for one means something is wrong, so it is refused (and logged once per permission).
// Electron's own default is to grant most of them. The exception: the editor's own page may write
// plain text to the clipboard ("copy this output"), which Chromium guards with the
// `clipboard-sanitized-write` permission; writing (not reading) what the user asked to copy exposes
// nothing.
import { isAppUrl } from './app-url.js';

/** The part of Electron's Session the permission handlers are set on. */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler:
      | ((
          contents: unknown,
          permission: string,
          callback: (granted: boolean) => void,
          details: { readonly requestingUrl?: string },
        ) => void)
      | null,
  ): void;
  setPermissionCheckHandler(
    handler: ((contents: unknown, permission: string, requestingOrigin: string) => boolean) | null,
  ): void;
  setDevicePermissionHandler(handler: ((details: unknown) => boolean) | null): void;
}

/** Permissions the editor's own page is granted; every other page, and every other permission, gets none. */
export const GRANTED_TO_THE_EDITOR: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** Whether a permission is granted to a page at `url` (a URL or an origin). The policy's one place. */
export function permissionGranted(permission: string, url: string): boolean {
  return GRANTED_TO_THE_EDITOR.has(permission) && isAppUrl(url.endsWith('/') ? url : `${url}/`);
}

/** Installs the handlers on a session; `log` hears the first refused request for each permission. */
export function denyAllPermissions(
  session: PermissionSession,
  log: (message: string) => void = () => {},
): void {
  const reported = new Set<string>();
  const note = (permission: string) => {
    if (reported.has(permission)) return;
    reported.add(permission);
    log(`weft: refused the page's request for the "${permission}" permission`);
  };
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = permissionGranted(permission, details?.requestingUrl ?? '');
    if (!granted) note(permission);
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    permissionGranted(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
}
