// Save with a note kept beside the new version ("fixed the retry"), shown in the version list.
import { useState } from 'react';
import { useCommands } from '../../app/app-context.js';
import { useUiStore } from '../../stores/ui.store.js';

/** The contract's limit for a version note. */
const NOTE_MAX = 500;

export function SaveWithNote() {
  const { workflows } = useCommands();
  const saving = useUiStore((s) => s.busy['save'] === true);
  const hasWorkspace = useUiStore((s) => s.workspaceId !== null);
  const [note, setNote] = useState('');

  const submit = async (e: { preventDefault(): void }) => {
    e.preventDefault();
    if (await workflows.save(note.trim() || undefined)) setNote('');
  };

  return (
    <form className="save-with-note" onSubmit={(e) => void submit(e)}>
      <input
        type="text"
        aria-label="Note for the saved version"
        placeholder="What changed? (optional note)"
        data-testid="save-note"
        value={note}
        maxLength={NOTE_MAX}
        onChange={(e) => setNote(e.target.value)}
        onKeyDown={(e) => {
          // Ctrl+S in the note saves with the note, not the plain save the shortcut would do.
          if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
            e.preventDefault();
            void submit(e);
          }
        }}
      />
      <button
        type="submit"
        data-testid="save-with-note"
        disabled={saving || !hasWorkspace}
        title="Save a new version with this note"
      >
        Save
      </button>
    </form>
  );
}
