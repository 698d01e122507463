// The native dialogs: choosing a workflow file to import (read here, handed to the editor as text),
// About, Keyboard Shortcuts and errors. Electron's `dialog` is passed in; what the dialogs say is built
// by plain functions that the tests read.
import type { MessageBoxOptions, OpenDialogOptions } from 'electron';
import { readFile as fsReadFile, stat as fsStat } from 'node:fs/promises';
import { basename } from 'node:path';
import { MAX_IMPORT_CHARS } from '../../preload/contract.js';
import type { MenuCommand } from '../../preload/contract/menu.js';
import { displayAccelerator } from './menu.js';

/** The part of Electron's `dialog` used here, for windows of type W. */
export interface DialogApi<W> {
  showOpenDialog(window: W, options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  showMessageBox(window: W, options: MessageBoxOptions): Promise<unknown>;
  showErrorBox(title: string, content: string): void;
}

/**
 * Files the open and save dialogs offer. Dialog filters take single extensions without dots, so
 * `.weft.json` files are offered as JSON.
 */
export const WORKFLOW_FILE_FILTERS = [
  { name: 'Weft workflow (*.weft.json)', extensions: ['json'] },
  { name: 'All files', extensions: ['*'] },
];

/** The open dialog's options for File → Import. */
export const IMPORT_DIALOG_OPTIONS: OpenDialogOptions = {
  title: 'Import a workflow',
  buttonLabel: 'Import',
  properties: ['openFile'],
  filters: WORKFLOW_FILE_FILTERS,
};

/** Asks for a workflow file; undefined when the user cancels. */
export async function chooseWorkflowFile<W>(dialog: DialogApi<W>, window: W): Promise<string | undefined> {
  const chosen = await dialog.showOpenDialog(window, IMPORT_DIALOG_OPTIONS);
  return chosen.canceled ? undefined : chosen.filePaths[0];
}

export type ReadWorkflowResult = { ok: true; command: MenuCommand } | { ok: false; message: string };

export interface FileAccess {
  stat(file: string): Promise<{ size: number; isFile(): boolean }>;
  readFile(file: string, encoding: 'utf8'): Promise<string>;
}

const nodeFiles: FileAccess = { stat: fsStat, readFile: fsReadFile };

/**
 * Reads a chosen or dropped file into the editor's import command. The size is checked before reading
 * (the API refuses more than 10 MiB anyway; this keeps a huge file out of memory); whether the text is
 * a valid workflow is the import's to say, with its paths.
 */
export async function readWorkflowFile(
  file: string,
  files: FileAccess = nodeFiles,
): Promise<ReadWorkflowResult> {
  const name = basename(file);
  try {
    const info = await files.stat(file);
    if (!info.isFile()) return { ok: false, message: `${name} is not a file` };
    if (info.size > MAX_IMPORT_CHARS) return { ok: false, message: `${name} is too large: at most 10 MiB` };
    const text = await files.readFile(file, 'utf8');
    return { ok: true, command: { command: 'importFile', fileName: name, text } };
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    return { ok: false, message: `${name} could not be read (${reason})` };
  }
}

/** What About says. */
export interface AboutInfo {
  readonly appName: string;
  readonly version: string;
  readonly versions: { readonly electron?: string; readonly chrome?: string; readonly node?: string };
  readonly dataDir: string;
}

export function aboutMessage(info: AboutInfo): MessageBoxOptions {
  const { versions } = info;
  return {
    type: 'info',
    title: `About ${info.appName}`,
    message: `${info.appName} ${info.version}`,
    detail: [
      'A local visual workflow editor.',
      '',
      `Electron ${versions.electron ?? '?'} · Chromium ${versions.chrome ?? '?'} · Node ${versions.node ?? '?'}`,
      `Data folder: ${info.dataDir}`,
    ].join('\n'),
    buttons: ['OK'],
  };
}

/** The Keyboard Shortcuts dialog, from the menu's own shortcut list (menu.ts's shortcutList). */
export function shortcutsMessage(
  list: ReadonlyArray<{ label: string; accelerator: string }>,
  platform: NodeJS.Platform,
): MessageBoxOptions {
  return {
    type: 'info',
    title: 'Keyboard Shortcuts',
    message: 'Keyboard shortcuts',
    detail: list
      .map((entry) => `${displayAccelerator(entry.accelerator, platform)}\t${entry.label}`)
      .join('\n'),
    buttons: ['OK'],
  };
}
