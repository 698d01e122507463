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

  it('maps the canvas and help keys, and leaves them to text fields', () => {
    expect(shortcutFor(k('a', { ctrlKey: true }), false)?.action).toBe('selectAll');
    expect(shortcutFor(k('d', { metaKey: true }), false)?.action).toBe('duplicate');
    expect(shortcutFor(k('L', { ctrlKey: true, shiftKey: true }), false)?.action).toBe('autoLayout');
    expect(shortcutFor(k('f'), false)?.action).toBe('fitView');
    expect(shortcutFor(k('?', { shiftKey: true }), false)?.action).toBe('help');
    expect(shortcutFor(k('?', { shiftKey: true }), true)).toBeUndefined();
    expect(shortcutFor(k('a', { ctrlKey: true }), true)).toBeUndefined();
    // Copy, cut and paste arrive as clipboard events, never through this table.
    expect(shortcutFor(k('c', { ctrlKey: true }), false)).toBeUndefined();
  });

  it('leaves undo to a text field but saves from one', () => {
    expect(shortcutFor(k('z', { ctrlKey: true }), true)).toBeUndefined();
    expect(shortcutFor(k('s', { ctrlKey: true }), true)?.action).toBe('save');
  });
});
