// Listens for the editor's shortcuts on the window (shortcuts.ts says which keys do what).
import { useEffect } from 'react';
import { useDocumentStore } from '../stores/document.store.js';
import type { Commands } from './commands/index.js';
import { shortcutFor } from './shortcuts.js';

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'file'].includes(target.type);
}

export function useShortcuts(commands: Commands): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const shortcut = shortcutFor(e, isTextField(e.target));
      if (!shortcut) return;
      e.preventDefault();
      // Holding Ctrl+Z undoes step after step; holding Ctrl+S must not save (or run) again and again.
      if (e.repeat && (shortcut.action === 'save' || shortcut.action === 'run')) return;
      switch (shortcut.action) {
        case 'undo':
          useDocumentStore.getState().undo();
          break;
        case 'redo':
          useDocumentStore.getState().redo();
          break;
        case 'save':
          void commands.workflows.save();
          break;
        case 'run':
          void commands.runs.run();
          break;
        case 'delete':
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [commands]);
}
