// Commands the desktop app's menu sends to the editor. Actions that need the editor's state (which
// workflow is open, its undo history, the current workspace) are the renderer's to perform, so the menu
// only says which one was chosen. They travel on the bridge's one event channel (`onEvent`), next to
// the API's run events, so the bridge stays exactly `invoke` + `onEvent`; a listener tells them apart
// with `isMenuEvent`. Browser mode has no menu and never sends them.

/** Menu commands that carry nothing but their name. */
export const MENU_COMMANDS = ['newWorkflow', 'save', 'undo', 'redo', 'export', 'run', 'stop', 'autoLayout'] as const;

/** A menu command without a payload, e.g. `save`. */
export type SimpleMenuCommand = (typeof MENU_COMMANDS)[number];

/**
 * What the menu asks the editor to do. `importFile` carries a `.weft.json` file the user chose in the
 * native open dialog (or dropped on the window): the editor imports `text` into its current workspace.
 */
export type MenuCommand =
  | { readonly command: SimpleMenuCommand }
  | { readonly command: 'importFile'; readonly fileName: string; readonly text: string };

/** The `type` of a menu command event. */
export const MENU_EVENT_TYPE = 'menuCommand';

/** A menu command as it arrives through `onEvent`. */
export type MenuEvent = { readonly type: typeof MENU_EVENT_TYPE } & MenuCommand;

/** Wraps a command for the event channel. */
export function menuEvent(command: MenuCommand): MenuEvent {
  return { type: MENU_EVENT_TYPE, ...command };
}

const SIMPLE = new Set<string>(MENU_COMMANDS);

/** True when an event from `onEvent` is a menu command (and well formed), not an API event. */
export function isMenuEvent(value: unknown): value is MenuEvent {
  if (value === null || typeof value !== 'object') return false;
  const event = value as Record<string, unknown>;
  if (event.type !== MENU_EVENT_TYPE || typeof event.command !== 'string') return false;
  if (event.command === 'importFile') return typeof event.fileName === 'string' && typeof event.text === 'string';
  return SIMPLE.has(event.command);
}
