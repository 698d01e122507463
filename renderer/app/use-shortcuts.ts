// Listens for the editor's shortcuts on the window (shortcuts.ts says which keys do what).
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect } from 'react';
import { duplicateSelection } from '../canvas/clipboard-actions.js';
import { viewRectOf } from '../canvas/clipboard-events.js';
import { useAutoLayout } from '../canvas/use-auto-layout.js';
import { toggleShortcutsHelp } from '../panels/help/open-help.js';
import { useDocumentStore } from '../stores/document.store.js';
import { useUiStore } from '../stores/ui.store.js';
import type { Commands } from './commands/index.js';
import { runEditorAction } from './editor-actions.js';
import { shortcutFor, type ShortcutAction } from './shortcuts.js';
import { isTextField } from './text-field.js';

const CANVAS_ACTIONS: ReadonlySet<ShortcutAction> = new Set<ShortcutAction>([
  'selectAll',
  'duplicate',
  'autoLayout',
  'fitView',
]);

function selectAll(): void {
  const { nodes, edges } = useDocumentStore.getState();
  useUiStore.getState().select({ nodeIds: nodes.map((n) => n.id), edgeIds: edges.map((e) => e.id) });
}

export function useShortcuts(commands: Commands): void {
  // The editor sits inside the flow provider, so the canvas's view is at hand here.
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  const autoLayout = useAutoLayout();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const shortcut = shortcutFor(e, isTextField(e.target));
      if (!shortcut) return;
      // A dialog in front: the canvas behind it is not the one being addressed.
      if (CANVAS_ACTIONS.has(shortcut.action) && useUiStore.getState().dialog !== null) return;
      e.preventDefault();
      // Holding Ctrl+Z undoes step after step; holding Ctrl+S must not save (or run) again and again.
      if (e.repeat && (shortcut.action === 'save' || shortcut.action === 'run')) return;
      switch (shortcut.action) {
        case 'undo':
        case 'redo':
        case 'save':
        case 'run':
          runEditorAction(shortcut.action, commands);
          break;
        case 'selectAll':
          selectAll();
          break;
        case 'duplicate':
          duplicateSelection(viewRectOf(flowStore.getState()));
          break;
        case 'autoLayout':
          autoLayout();
          break;
        case 'fitView':
          void flow.fitView({ padding: 0.15, maxZoom: 1.2, duration: 200, includeHiddenNodes: true });
          break;
        case 'help':
          toggleShortcutsHelp();
          break;
        case 'delete':
        case 'copy':
        case 'cut':
        case 'paste':
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [commands, flow, flowStore, autoLayout]);
}
