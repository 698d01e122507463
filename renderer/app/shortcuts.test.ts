import { describe, expect, it } from 'vitest';
import { shortcutFor, type KeyLike } from './shortcuts.js';

const k = (key: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('shortcuts', () => {
  it('maps the editor keys', () => {
    expect(shortcutFor(k('z', { ctrlKey: true }), false)?.action).toBe('undo');
    expect(shortcutFor(k('Z', { ctrlKey: true, shiftKey: true }), false)?.action).toBe('redo');
    expect(shortcutFor(k('y', { metaKey: true }), false)?.action).toBe('redo');
    expect(shortcutFor(k('s', { ctrlKey: true }), false)?.action).toBe('save');
    expect(shortcutFor(k('Enter', { ctrlKey: true }), false)?.action).toBe('run');
    expect(shortcutFor(k('z'), false)).toBeUndefined();
  });

  it('leaves undo to a text field but saves from one', () => {
    expect(shortcutFor(k('z', { ctrlKey: true }), true)).toBeUndefined();
    expect(shortcutFor(k('s', { ctrlKey: true }), true)?.action).toBe('save');
  });
});
