// The header's "?" button: opens the keyboard shortcuts.
import { toggleShortcutsHelp } from './open-help.js';

export function HelpButton() {
  return (
    <button
      type="button"
      data-testid="shortcuts-help-button"
      title="Keyboard shortcuts (?)"
      aria-label="Keyboard shortcuts"
      onClick={toggleShortcutsHelp}
    >
      ?
    </button>
  );
}
