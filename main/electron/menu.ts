// The application menu as data: a template built from injected actions, so which item does what (and
// with which shortcut) is tested without Electron. Items that act on the open workflow send a menu
// command to the editor (preload/contract/menu.ts); the rest are main's own: dialogs, the plugins
// folder, quitting. Text editing (cut, copy, paste), zoom and full screen use Electron's roles.
import type { MenuItemConstructorOptions } from 'electron';
import type { SimpleMenuCommand } from '../../preload/contract/menu.js';

/** What the menu's items do. */
export interface MenuActions {
  /** Asks the editor to act on the open workflow. */
  command(command: SimpleMenuCommand): void;
  /** Native open dialog, then hands the chosen `.weft.json` to the editor to import. */
  importFile(): void;
  openPluginsFolder(): void;
  about(): void;
  shortcuts(): void;
  quit(): void;
}

export interface MenuOptions {
  readonly platform: NodeJS.Platform;
  readonly appName: string;
  /** Development builds add reload and the developer tools. */
  readonly dev: boolean;
}

/** The shortcut of each command item, by item id (shown in Help → Keyboard Shortcuts too). */
export function accelerators(platform: NodeJS.Platform): Readonly<Record<string, string>> {
  return {
    newWorkflow: 'CmdOrCtrl+N',
    save: 'CmdOrCtrl+S',
    importFile: 'CmdOrCtrl+O',
    export: 'CmdOrCtrl+Shift+E',
    quit: 'CmdOrCtrl+Q',
    undo: 'CmdOrCtrl+Z',
    // Windows people expect Ctrl+Y; elsewhere it is Shift with the undo key.
    redo: platform === 'win32' ? 'Ctrl+Y' : 'CmdOrCtrl+Shift+Z',
    autoLayout: 'CmdOrCtrl+Shift+L',
    run: 'CmdOrCtrl+Enter',
    stop: 'CmdOrCtrl+Shift+Enter',
    shortcuts: 'CmdOrCtrl+/',
  };
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/**
 * Keys the editor handles itself (renderer/app/shortcuts.ts), which knows whether the focus is in a text
 * field: there Ctrl+Z must undo the typing, not the workflow. The menu shows these shortcuts but does
 * not register them, so the key reaches the page; a click on the item still sends the command.
 */
export const PAGE_HANDLED: ReadonlySet<string> = new Set(['save', 'undo', 'redo', 'run', 'autoLayout']);

export function buildMenuTemplate(actions: MenuActions, options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const keys = accelerators(options.platform);
  const item = (id: string, label: string, click: () => void): MenuItemConstructorOptions => ({
    id,
    label,
    click: () => click(),
    ...(keys[id] === undefined ? {} : { accelerator: keys[id] }),
    ...(PAGE_HANDLED.has(id) ? { registerAccelerator: false } : {}),
  });
  const send = (id: SimpleMenuCommand, label: string) => item(id, label, () => actions.command(id));
  const about = item('about', `About ${options.appName}`, () => actions.about());
  const quit = item('quit', mac ? `Quit ${options.appName}` : 'Quit', () => actions.quit());

  const appMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [
      about,
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      quit,
    ],
  };
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      send('newWorkflow', 'New Workflow'),
      send('save', 'Save'),
      separator,
      item('importFile', 'Import…', () => actions.importFile()),
      send('export', 'Export…'),
      separator,
      item('openPluginsFolder', 'Open Plugins Folder', () => actions.openPluginsFolder()),
      ...(mac ? [] : [separator, quit]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      // The document's history. The page sees a key before the menu, and the accelerator acts only when
      // the page left the key unhandled: what Ctrl+Z means in a text field is the editor's to decide.
      send('undo', 'Undo'),
      send('redo', 'Redo'),
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      send('autoLayout', 'Auto Layout'),
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
      ...(options.dev ? [separator, { role: 'reload' as const }, { role: 'toggleDevTools' as const }] : []),
    ],
  };
  const run: MenuItemConstructorOptions = {
    label: '&Run',
    submenu: [send('run', 'Run Workflow'), send('stop', 'Stop Run')],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [
      item('shortcuts', 'Keyboard Shortcuts', () => actions.shortcuts()),
      ...(mac ? [] : [separator, about]),
    ],
  };
  return [
    ...(mac ? [appMenu] : []),
    file,
    edit,
    view,
    run,
    ...(mac ? [{ role: 'windowMenu' as const }] : []),
    help,
  ];
}

/** Every item with an id, label and shortcut, in menu order, for the Keyboard Shortcuts dialog. */
export function shortcutList(
  template: readonly MenuItemConstructorOptions[],
): Array<{ label: string; accelerator: string }> {
  const list: Array<{ label: string; accelerator: string }> = [];
  const walk = (items: readonly MenuItemConstructorOptions[]) => {
    for (const entry of items) {
      if (entry.accelerator !== undefined && entry.label !== undefined) {
        list.push({ label: entry.label.replace('…', ''), accelerator: entry.accelerator });
      }
      if (Array.isArray(entry.submenu)) walk(entry.submenu);
    }
  };
  walk(template);
  // The same item can sit in two menus (About, Quit on macOS): list it once.
  return list.filter((entry, index) => list.findIndex((other) => other.label === entry.label) === index);
}

/** An accelerator as a person reads it on this platform: `CmdOrCtrl+S` is ⌘S on macOS, Ctrl+S elsewhere. */
export function displayAccelerator(accelerator: string, platform: NodeJS.Platform): string {
  if (platform !== 'darwin') return accelerator.replace('CmdOrCtrl', 'Ctrl');
  return accelerator.replace('CmdOrCtrl+', '⌘').replace('Shift+', '⇧').replace('Enter', '↩');
}
