// The editor's keyboard shortcuts, as data: the key handler matches them, and a help view can list them.
// Delete/Backspace (remove the selection) belong to the canvas and are listed for the help view only.

export type ShortcutAction = 'undo' | 'redo' | 'save' | 'run' | 'delete';

export interface Shortcut {
  readonly action: ShortcutAction;
  /** As shown to people; "Mod" is Ctrl (⌘ on macOS). */
  readonly keys: string;
  readonly description: string;
  /** Also fires while typing in a field (else the field keeps its own meaning of the key). */
  readonly inFields: boolean;
  readonly matches: (e: KeyLike) => boolean;
}

export interface KeyLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

const mod = (e: KeyLike) => (e.ctrlKey || e.metaKey) && !e.altKey;
const key = (e: KeyLike, k: string) => e.key.toLowerCase() === k;

export const SHORTCUTS: readonly Shortcut[] = [
  {
    action: 'undo',
    keys: 'Mod+Z',
    description: 'Undo',
    inFields: false,
    matches: (e) => mod(e) && !e.shiftKey && key(e, 'z'),
  },
  {
    action: 'redo',
    keys: 'Mod+Shift+Z / Mod+Y',
    description: 'Redo',
    inFields: false,
    matches: (e) => mod(e) && ((e.shiftKey && key(e, 'z')) || (!e.shiftKey && key(e, 'y'))),
  },
  {
    action: 'save',
    keys: 'Mod+S',
    description: 'Save',
    inFields: true,
    matches: (e) => mod(e) && !e.shiftKey && key(e, 's'),
  },
  {
    action: 'run',
    keys: 'Mod+Enter',
    description: 'Run',
    inFields: true,
    matches: (e) => mod(e) && e.key === 'Enter',
  },
  {
    action: 'delete',
    keys: 'Delete / Backspace',
    description: 'Delete the selection',
    inFields: false,
    matches: () => false,
  },
];

/** The shortcut `e` triggers, given whether focus is in a text field. */
export function shortcutFor(e: KeyLike, inField: boolean): Shortcut | undefined {
  return SHORTCUTS.find((s) => (s.inFields || !inField) && s.matches(e));
}
