// Keeps the ui store's dirty flag equal to "the document differs from what was loaded or saved".
// Undoing back to the saved document makes it clean again, because undo restores the very arrays.
import { selectIsDirty, type DocumentState } from './document.store.js';
import type { UiActions } from './ui.store.js';

interface Subscribable<S> {
  getState(): S;
  subscribe(listener: (state: S) => void): () => void;
}

export function syncDirtyFlag(
  documents: Subscribable<DocumentState>,
  ui: { getState(): Pick<UiActions, 'setDirty'> },
): () => void {
  const update = (s: DocumentState) => ui.getState().setDirty(selectIsDirty(s));
  update(documents.getState());
  return documents.subscribe(update);
}
