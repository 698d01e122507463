// Opening the import result dialog from anywhere (the workflow commands, the canvas drop): only the ui
// store is touched, so the commands need no React. The dialog itself is ImportResultDialog.tsx.
import { useUiStore } from '../../stores/ui.store.js';
import { mapImportError, type ImportRefusal } from './import-errors.js';

export const IMPORT_RESULT_DIALOG = 'import-result';

export interface ImportResultProps {
  readonly refusal: ImportRefusal;
}

/** Shows why `fileName` was not imported: every problem with its path, or the missing plugins. */
export function showImportRefused(fileName: string, err: unknown): void {
  showRefusal(mapImportError(fileName, err));
}

export function showRefusal(refusal: ImportRefusal): void {
  const props: ImportResultProps = { refusal };
  useUiStore.getState().openDialog({ kind: IMPORT_RESULT_DIALOG, props });
}

/** Says that `name` was imported and is open now. */
export function reportImported(name: string): void {
  const ui = useUiStore.getState();
  ui.dismissSource('import');
  ui.notify('info', `Imported “${name}” as a new workflow; it is open now.`, 'import');
}
