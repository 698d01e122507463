// The editor's keyboard shortcuts, as data: the key handler matches them, and a help view can list them.
// Delete/Backspace (remove the selection) belong to the canvas and are listed for the help view only,
// as are copy, cut and paste (canvas/clipboard-events.ts answers the browser's clipboard events).

export type ShortcutAction =
  | 'undo'
  | 'redo'
  | 'save'
  | 'run'
  | 'delete'
  | 'copy'
  | 'cut'
  | 'paste'
  | 'duplicate'
  | 'selectAll'
  | 'autoLayout'
  | 'fitView'
  | 'help';

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
  {
    action: 'copy',
    keys: 'Mod+C',
    description: 'Copy the selected nodes',
    inFields: false,
    matches: () => false,
  },
  {
    action: 'cut',
    keys: 'Mod+X',
    description: 'Cut the selected nodes',
    inFields: false,
    matches: () => false,
  },
  { action: 'paste', keys: 'Mod+V', description: 'Paste nodes', inFields: false, matches: () => false },
  {
    action: 'duplicate',
    keys: 'Mod+D',
    description: 'Duplicate the selected nodes',
    inFields: false,
    matches: (e) => mod(e) && !e.shiftKey && key(e, 'd'),
  },
  {
    action: 'selectAll',
    keys: 'Mod+A',
    description: 'Select all nodes and connections',
    inFields: false,
    matches: (e) => mod(e) && !e.shiftKey && key(e, 'a'),
  },
  {
    action: 'autoLayout',
    keys: 'Mod+Shift+L',
    description: 'Arrange the nodes (auto-layout)',
    inFields: false,
    matches: (e) => mod(e) && e.shiftKey && key(e, 'l'),
  },
  {
    action: 'fitView',
    keys: 'F',
    description: 'Fit the whole workflow in view',
    inFields: false,
    matches: (e) => !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey && key(e, 'f'),
  },
  {
    action: 'help',
    keys: '?',
    description: 'Show the keyboard shortcuts',
    inFields: false,
    matches: (e) => !e.ctrlKey && !e.metaKey && !e.altKey && e.key === '?',
  },
];

/** The shortcut `e` triggers, given whether focus is in a text field. */
export function shortcutFor(e: KeyLike, inField: boolean): Shortcut | undefined {
  return SHORTCUTS.find((s) => (s.inFields || !inField) && s.matches(e));
}
