import { describe, expect, it } from 'vitest';
import { SHORTCUTS } from '../../app/shortcuts.js';
import { groupShortcuts, keyCombos } from './shortcut-keys.js';

describe('keyCombos', () => {
  it('spells Mod as Ctrl, or with the Mac symbols', () => {
    expect(keyCombos('Mod+Shift+Z / Mod+Y', false)).toEqual([
      ['Ctrl', 'Shift', 'Z'],
      ['Ctrl', 'Y'],
    ]);
    expect(keyCombos('Mod+Enter', true)).toEqual([['⌘', '↩']]);
    expect(keyCombos('?', false)).toEqual([['?']]);
  });
});

describe('groupShortcuts', () => {
  it('lists every shortcut once, in groups', () => {
    const groups = groupShortcuts(SHORTCUTS);
    const listed = groups.flatMap((g) => g.shortcuts.map((s) => s.action));
    expect([...listed].sort()).toEqual(SHORTCUTS.map((s) => s.action).sort());
    expect(groups[0]!.title).toBe('Workflow');
  });
});
