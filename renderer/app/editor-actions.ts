// What the toolbar, the keyboard shortcuts and the desktop menu share: one place that says what
// "save", "run", "undo"… do, so the three ways in cannot drift apart.
import { useDocumentStore } from '../stores/document.store.js';
import type { Commands } from './commands/index.js';

export type EditorAction = 'newWorkflow' | 'save' | 'undo' | 'redo' | 'export' | 'run' | 'stop';

const ACTIONS: ReadonlySet<string> = new Set<EditorAction>(['newWorkflow', 'save', 'undo', 'redo', 'export', 'run', 'stop']);

export function isEditorAction(name: string): name is EditorAction {
  return ACTIONS.has(name);
}

export function runEditorAction(action: EditorAction, commands: Commands): void {
  switch (action) {
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
  }
}
