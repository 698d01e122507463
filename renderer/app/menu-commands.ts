// The desktop menu's commands (preload/contract/menu.ts): they arrive on the bridge's event channel
// beside the run events, and do what the toolbar buttons do. Browser mode never sends them.
import { isMenuEvent, type MenuCommand } from '../../preload/contract/menu.js';
import type { WeftClient } from '../api/client.js';
import { useDocumentStore } from '../stores/document.store.js';
import type { Commands } from './commands/index.js';

/** Runs one menu command; `autoLayout` needs the canvas, so the caller hands it in. */
export function runMenuCommand(command: MenuCommand, commands: Commands, autoLayout: () => void): void {
  switch (command.command) {
    case 'newWorkflow':
      commands.workflows.guardUnsaved(() => commands.workflows.newWorkflow());
      break;
    case 'save':
      void commands.workflows.save();
      break;
    case 'undo':
      useDocumentStore.getState().undo();
      break;
    case 'redo':
      useDocumentStore.getState().redo();
      break;
    case 'export':
      void commands.workflows.exportWorkflow();
      break;
    case 'run':
      void commands.runs.run();
      break;
    case 'stop':
      void commands.runs.stop();
      break;
    case 'autoLayout':
      autoLayout();
      break;
    case 'importFile':
      void commands.workflows.importText(command.fileName, command.text);
      break;
  }
}

/** Listens for menu commands; answers the function that stops. */
export function listenToMenu(client: WeftClient, commands: Commands, autoLayout: () => void): () => void {
  return client.onEvent((event: unknown) => {
    if (isMenuEvent(event)) runMenuCommand(event, commands, autoLayout);
  });
}
