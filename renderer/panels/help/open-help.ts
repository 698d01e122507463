// Opening the keyboard-shortcuts help (the `?` key, the header's button, the desktop menu).
import { useUiStore } from '../../stores/ui.store.js';

/** The help's kind in the dialog registry (app/dialogs.ts). */
export const SHORTCUTS_DIALOG = 'shortcuts';

/** Opens the help, or closes it when it is what is open (`?` twice). */
export function toggleShortcutsHelp(): void {
  const ui = useUiStore.getState();
  if (ui.dialog?.kind === SHORTCUTS_DIALOG) ui.closeDialog();
  else if (ui.dialog === null) ui.openDialog({ kind: SHORTCUTS_DIALOG });
}
