// The desktop menu's commands (preload/contract/menu.ts): they arrive on the bridge's event channel
// beside the run events, and do what the toolbar buttons do. Browser mode never sends them.
import { isMenuEvent, type MenuCommand } from '../../preload/contract/menu.js';
import type { WeftClient } from '../api/client.js';
import type { Commands } from './commands/index.js';
import { isEditorAction, runEditorAction } from './editor-actions.js';

/** Runs one menu command; `autoLayout` needs the canvas, so the caller hands it in. */
export function runMenuCommand(command: MenuCommand, commands: Commands, autoLayout: () => void): void {
  if (command.command === 'importFile') void commands.workflows.importText(command.fileName, command.text);
  else if (command.command === 'autoLayout') autoLayout();
  else if (isEditorAction(command.command)) runEditorAction(command.command, commands);
}

/** Listens for menu commands; answers the function that stops. */
export function listenToMenu(client: WeftClient, commands: Commands, autoLayout: () => void): () => void {
  return client.onEvent((event: unknown) => {
    if (isMenuEvent(event)) runMenuCommand(event, commands, autoLayout);
  });
}
