import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  aboutMessage,
  chooseWorkflowFile,
  IMPORT_DIALOG_OPTIONS,
  readWorkflowFile,
  shortcutsMessage,
  type DialogApi,
} from './dialogs.js';

const dir = mkdtempSync(join(tmpdir(), 'weft-dialogs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fakeDialog(filePaths: string[], canceled = false) {
  const shown: unknown[] = [];
  const dialog: DialogApi<string> = {
    showOpenDialog: async (window, options) => {
      shown.push({ window, options });
      return { canceled, filePaths };
    },
    showMessageBox: async () => ({}),
    showErrorBox: () => {},
  };
  return { dialog, shown };
}

describe('chooseWorkflowFile', () => {
  it('asks for one workflow file for the window and answers its path', async () => {
    const { dialog, shown } = fakeDialog(['/home/ada/a.weft.json']);
    expect(await chooseWorkflowFile(dialog, 'the window')).toBe('/home/ada/a.weft.json');
    expect(shown).toEqual([{ window: 'the window', options: IMPORT_DIALOG_OPTIONS }]);
    expect(IMPORT_DIALOG_OPTIONS.properties).toEqual(['openFile']);
  });

  it('answers undefined when the user cancels', async () => {
    expect(await chooseWorkflowFile(fakeDialog([], true).dialog, 'w')).toBeUndefined();
  });
});

describe('readWorkflowFile', () => {
  it('turns the file into the editor’s import command', async () => {
    const file = join(dir, 'Greeting.weft.json');
    writeFileSync(file, '{"format":"weft.workflow"}');
    expect(await readWorkflowFile(file)).toEqual({
      ok: true,
      command: { command: 'importFile', fileName: 'Greeting.weft.json', text: '{"format":"weft.workflow"}' },
    });
  });

  it('refuses a file over 10 MiB without reading it', async () => {
    let read = false;
    const result = await readWorkflowFile('/x/huge.weft.json', {
      stat: async () => ({ size: 10 * 1024 * 1024 + 1, isFile: () => true }),
      readFile: async () => {
        read = true;
        return '';
      },
    });
    expect(result).toEqual({ ok: false, message: 'huge.weft.json is too large: at most 10 MiB' });
    expect(read).toBe(false);
  });

  it('says why a file could not be read', async () => {
    expect(await readWorkflowFile(join(dir, 'missing.weft.json'))).toEqual({
      ok: false,
      message: 'missing.weft.json could not be read (ENOENT)',
    });
    expect(await readWorkflowFile(dir)).toMatchObject({
      ok: false,
      message: expect.stringContaining('is not a file'),
    });
  });
});

describe('the message boxes', () => {
  it('About names the versions and the data folder', () => {
    const box = aboutMessage({
      appName: 'Weft',
      version: '0.1.0',
      versions: { electron: '45.5.0', chrome: '140', node: '22' },
      dataDir: '/d',
    });
    expect(box.message).toBe('Weft 0.1.0');
    expect(box.detail).toContain('Electron 45.5.0');
    expect(box.detail).toContain('Data folder: /d');
  });

  it('Keyboard Shortcuts lists the menu’s shortcuts for the platform', () => {
    const box = shortcutsMessage([{ label: 'Save', accelerator: 'CmdOrCtrl+S' }], 'win32');
    expect(box.detail).toBe('Ctrl+S\tSave');
  });
});
