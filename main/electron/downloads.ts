// Export saves through a download: the editor turns the exported document into a blob: URL and
// downloads it (as it does in a browser); here that download gets a native save dialog that offers
// `.weft.json`. A download the editor did not make itself (any URL not of its own origin) is refused.
import type { SaveDialogOptions } from 'electron';
import { join } from 'node:path';
import { isAppUrl } from './app-url.js';

/** The part of Electron's DownloadItem used here. */
export interface DownloadLike {
  getURL(): string;
  getFilename(): string;
  setSaveDialogOptions(options: SaveDialogOptions): void;
}

/** The part of Electron's Session used here. */
export interface DownloadSession {
  on(
    event: 'will-download',
    listener: (event: { preventDefault(): void }, item: DownloadLike) => void,
  ): unknown;
}

/** Whether the editor may save this URL: its own blob: or data: URLs, or one of its files. */
export function downloadAllowed(url: string): boolean {
  if (url.startsWith('data:')) return true;
  if (url.startsWith('blob:')) return isAppUrl(url.slice('blob:'.length));
  return isAppUrl(url);
}

/** The save dialog for an exported workflow named `filename`. */
export function exportSaveOptions(filename: string, documentsDir: string): SaveDialogOptions {
  // The editor names the file; a name that is only dots or has separators falls back to the default.
  const safe = /^[^/\\]+$/.test(filename) && !/^\.+$/.test(filename) ? filename : 'workflow.weft.json';
  return {
    title: 'Export workflow',
    buttonLabel: 'Export',
    defaultPath: join(documentsDir, safe),
    filters: [{ name: 'Weft workflow (*.weft.json)', extensions: ['json'] }],
  };
}

export function guardDownloads(
  session: DownloadSession,
  options: { documentsDir: () => string; log?: (message: string) => void },
): void {
  session.on('will-download', (event, item) => {
    const url = item.getURL();
    if (!downloadAllowed(url)) {
      event.preventDefault();
      options.log?.(`weft: refused a download from ${url}`);
      return;
    }
    item.setSaveDialogOptions(exportSaveOptions(item.getFilename(), options.documentsDir()));
  });
}
