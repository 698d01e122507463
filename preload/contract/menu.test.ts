import { describe, expect, it } from 'vitest';
import { isMenuEvent, MENU_COMMANDS, menuEvent } from './menu.js';

describe('menu events', () => {
  it('wraps every command so that isMenuEvent knows it', () => {
    for (const command of MENU_COMMANDS) expect(isMenuEvent(menuEvent({ command })), command).toBe(true);
    expect(isMenuEvent(menuEvent({ command: 'importFile', fileName: 'a.weft.json', text: '{}' }))).toBe(true);
  });

  it.each([
    null,
    'save',
    { type: 'runEvent', runId: 'r', seq: 1, event: {} },
    { type: 'runSnapshot', runId: 'r', seq: 0, snapshot: {} },
    { type: 'menuCommand' },
    { type: 'menuCommand', command: 'format-disk' },
    { type: 'menuCommand', command: 'importFile', fileName: 'a.weft.json' },
    { type: 'menuCommand', command: 'importFile', fileName: 1, text: '{}' },
  ])('tells %j apart from a menu command', (value) => expect(isMenuEvent(value)).toBe(false));
});
