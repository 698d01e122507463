import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi, type Mock } from 'vitest';
import { MENU_COMMANDS } from '../../preload/contract/menu.js';
import {
  accelerators,
  buildMenuTemplate,
  displayAccelerator,
  shortcutList,
  type MenuActions,
} from './menu.js';

type MockedActions = { [K in keyof MenuActions]: Mock<MenuActions[K]> };

function actions(): MockedActions {
  return {
    command: vi.fn<MenuActions['command']>(),
    importFile: vi.fn<() => void>(),
    openPluginsFolder: vi.fn<() => void>(),
    about: vi.fn<() => void>(),
    shortcuts: vi.fn<() => void>(),
    quit: vi.fn<() => void>(),
  };
}

/** Every item of the template, submenus flattened. */
function items(template: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((entry) => [entry, ...(Array.isArray(entry.submenu) ? items(entry.submenu) : [])]);
}

function byId(template: readonly MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  const found = items(template).find((entry) => entry.id === id);
  if (found === undefined) throw new Error(`no menu item ${id}`);
  return found;
}

function click(entry: MenuItemConstructorOptions): void {
  (entry.click as () => void)();
}

const linux = { platform: 'linux' as const, appName: 'Weft', dev: false };

describe('the application menu', () => {
  it('has File, Edit, View, Run and Help, in that order', () => {
    expect(buildMenuTemplate(actions(), linux).map((menu) => menu.label)).toEqual([
      '&File',
      '&Edit',
      '&View',
      '&Run',
      '&Help',
    ]);
  });

  it.each([...MENU_COMMANDS])('sends the %s command to the editor', (command) => {
    const act = actions();
    const template = buildMenuTemplate(act, linux);
    click(byId(template, command));
    expect(act.command).toHaveBeenCalledExactlyOnceWith(command);
  });

  it.each([
    ['importFile', 'importFile'],
    ['openPluginsFolder', 'openPluginsFolder'],
    ['about', 'about'],
    ['shortcuts', 'shortcuts'],
    ['quit', 'quit'],
  ] as const)('wires %s to its action', (id, action) => {
    const act = actions();
    click(byId(buildMenuTemplate(act, linux), id));
    expect(act[action]).toHaveBeenCalledOnce();
    for (const other of Object.keys(act) as Array<keyof MenuActions>) {
      if (other !== action) expect(act[other], other).not.toHaveBeenCalled();
    }
  });

  it('gives every item a click, a role, a submenu or a separator', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      for (const entry of items(buildMenuTemplate(actions(), { platform, appName: 'Weft', dev: true }))) {
        const kinds = [
          entry.click,
          entry.role,
          entry.submenu,
          entry.type === 'separator' ? true : undefined,
        ].filter((k) => k !== undefined);
        expect(kinds.length, `${platform} ${entry.label ?? entry.role ?? entry.type}`).toBeGreaterThan(0);
      }
    }
  });

  it('has shortcuts for new, save, import, undo, redo and run', () => {
    const template = buildMenuTemplate(actions(), linux);
    expect(byId(template, 'newWorkflow').accelerator).toBe('CmdOrCtrl+N');
    expect(byId(template, 'save').accelerator).toBe('CmdOrCtrl+S');
    expect(byId(template, 'importFile').accelerator).toBe('CmdOrCtrl+O');
    expect(byId(template, 'undo').accelerator).toBe('CmdOrCtrl+Z');
    expect(byId(template, 'redo').accelerator).toBe('CmdOrCtrl+Shift+Z');
    expect(byId(template, 'run').accelerator).toBe('CmdOrCtrl+Enter');
    expect(accelerators('win32').redo).toBe('Ctrl+Y');
  });

  it('leaves the keys the editor handles (text fields included) to the page, and registers the rest', () => {
    const template = buildMenuTemplate(actions(), linux);
    for (const id of ['save', 'undo', 'redo', 'run', 'autoLayout']) {
      expect(byId(template, id).registerAccelerator, id).toBe(false);
      expect(byId(template, id).accelerator, id).toBeDefined();
    }
    for (const id of ['newWorkflow', 'importFile', 'export', 'stop', 'quit', 'shortcuts']) {
      expect(byId(template, id).registerAccelerator, id).toBeUndefined();
    }
  });

  it('uses no shortcut twice', () => {
    const keys = Object.values(accelerators('linux'));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps cut, copy and paste native, so text fields work as everywhere', () => {
    const roles = items(buildMenuTemplate(actions(), linux)).map((entry) => entry.role);
    expect(roles).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll']));
  });

  it('adds reload and the developer tools in development only', () => {
    const roles = (dev: boolean) =>
      items(buildMenuTemplate(actions(), { ...linux, dev })).map((entry) => entry.role);
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
  });

  it('follows macOS conventions there: an app menu with About and Quit, and a Window menu', () => {
    const act = actions();
    const template = buildMenuTemplate(act, { platform: 'darwin', appName: 'Weft', dev: false });
    expect(template[0]?.label).toBe('Weft');
    const appMenu = template[0]?.submenu as MenuItemConstructorOptions[];
    expect(appMenu.map((entry) => entry.id).filter(Boolean)).toEqual(['about', 'quit']);
    expect(template.some((menu) => menu.role === 'windowMenu')).toBe(true);
    const file = template.find((menu) => menu.label === '&File')?.submenu as MenuItemConstructorOptions[];
    expect(file.some((entry) => entry.id === 'quit')).toBe(false);
    click(appMenu.find((entry) => entry.id === 'quit') as MenuItemConstructorOptions);
    expect(act.quit).toHaveBeenCalledOnce();
  });
});

describe('shortcutList', () => {
  it('lists each shortcut once, in menu order', () => {
    const list = shortcutList(buildMenuTemplate(actions(), linux));
    expect(list[0]).toEqual({ label: 'New Workflow', accelerator: 'CmdOrCtrl+N' });
    expect(list.map((entry) => entry.label)).toContain('Run Workflow');
    expect(new Set(list.map((entry) => entry.label)).size).toBe(list.length);
  });

  it('shows accelerators the way each platform writes them', () => {
    expect(displayAccelerator('CmdOrCtrl+Shift+E', 'linux')).toBe('Ctrl+Shift+E');
    expect(displayAccelerator('CmdOrCtrl+Shift+E', 'darwin')).toBe('⌘⇧E');
    expect(displayAccelerator('CmdOrCtrl+Enter', 'darwin')).toBe('⌘↩');
  });
});
