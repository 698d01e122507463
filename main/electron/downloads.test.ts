import { describe, expect, it } from 'vitest';
import {
  downloadAllowed,
  exportSaveOptions,
  guardDownloads,
  type DownloadLike,
  type DownloadSession,
} from './downloads.js';

function fakeDownload(url: string, filename: string) {
  const item: DownloadLike & { options?: unknown } = {
    getURL: () => url,
    getFilename: () => filename,
    setSaveDialogOptions(options) {
      item.options = options;
    },
  };
  return item;
}

describe('downloads', () => {
  it('lets the editor save its own blob: and data: URLs only', () => {
    expect(downloadAllowed('blob:weft://app/1d2c')).toBe(true);
    expect(downloadAllowed('data:application/json,{}')).toBe(true);
    expect(downloadAllowed('https://example.com/evil.exe')).toBe(false);
    expect(downloadAllowed('blob:https://example.com/1d2c')).toBe(false);
    expect(downloadAllowed('file:///etc/passwd')).toBe(false);
  });

  it('offers a native save dialog for .weft.json in the documents folder', () => {
    const options = exportSaveOptions('Greeting.weft.json', '/home/ada/Documents');
    expect(options.defaultPath).toBe('/home/ada/Documents/Greeting.weft.json');
    expect(options.filters?.[0]?.extensions).toEqual(['json']);
    expect(exportSaveOptions('../../x', '/d').defaultPath).toBe('/d/workflow.weft.json');
    expect(exportSaveOptions('..', '/d').defaultPath).toBe('/d/workflow.weft.json');
  });

  it('cancels foreign downloads and asks where to save the editor’s', () => {
    let listener: Parameters<DownloadSession['on']>[1] | undefined;
    guardDownloads({ on: (_name, l) => void (listener = l) }, { documentsDir: () => '/docs' });
    let prevented = false;
    const foreign = fakeDownload('https://example.com/x', 'x');
    listener?.({ preventDefault: () => void (prevented = true) }, foreign);
    expect(prevented).toBe(true);
    expect(foreign.options).toBeUndefined();

    prevented = false;
    const ours = fakeDownload('blob:weft://app/9', 'Flow.weft.json');
    listener?.({ preventDefault: () => void (prevented = true) }, ours);
    expect(prevented).toBe(false);
    expect(ours.options).toMatchObject({ defaultPath: '/docs/Flow.weft.json' });
  });
});
