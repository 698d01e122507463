// How the shortcut table (app/shortcuts.ts) reads in the help view: "Mod" as Ctrl or ⌘, alternatives
// apart, and the shortcuts grouped by what they act on.
import type { Shortcut, ShortcutAction } from '../../app/shortcuts.js';

/** One way to press a shortcut, key by key: `['Ctrl', 'Shift', 'Z']`. */
export type KeyCombo = readonly string[];

const MAC_NAMES: Readonly<Record<string, string>> = { Mod: '⌘', Shift: '⇧', Alt: '⌥', Enter: '↩' };

export function keyCombos(keys: string, mac: boolean): KeyCombo[] {
  return keys.split(' / ').map((combo) =>
    combo
      .split('+')
      .filter((k) => k !== '')
      .map((k) => (mac ? (MAC_NAMES[k] ?? k) : k === 'Mod' ? 'Ctrl' : k)),
  );
}

export interface ShortcutGroup {
  readonly title: string;
  readonly shortcuts: readonly Shortcut[];
}

const GROUPS: ReadonlyArray<{ title: string; actions: readonly ShortcutAction[] }> = [
  { title: 'Workflow', actions: ['save', 'run', 'undo', 'redo'] },
  { title: 'Selection', actions: ['selectAll', 'copy', 'cut', 'paste', 'duplicate', 'delete'] },
  { title: 'View', actions: ['autoLayout', 'fitView', 'help'] },
];

/** The shortcuts by group, in the table's order within each; any not placed land in "Other". */
export function groupShortcuts(shortcuts: readonly Shortcut[]): ShortcutGroup[] {
  const placed = new Set<ShortcutAction>(GROUPS.flatMap((g) => g.actions));
  const groups = GROUPS.map((g) => ({
    title: g.title,
    shortcuts: g.actions.flatMap((a) => shortcuts.filter((s) => s.action === a)),
  }));
  const other = shortcuts.filter((s) => !placed.has(s.action));
  if (other.length > 0) groups.push({ title: 'Other', shortcuts: other });
  return groups.filter((g) => g.shortcuts.length > 0);
}

export function isMacPlatform(): boolean {
  const nav = globalThis.navigator as (Navigator & { userAgentData?: { platform?: string } }) | undefined;
  const platform = nav?.userAgentData?.platform ?? nav?.platform ?? '';
  return /mac|iphone|ipad/i.test(platform);
}
