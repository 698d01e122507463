import { describe, expect, it } from 'vitest';
import { chooseDroppedFile, isFileDrag } from './file-drop.js';

const file = (name: string, size = 100) => ({ name, size });

describe('isFileDrag', () => {
  it('tells files from a palette entry', () => {
    expect(isFileDrag(['Files'])).toBe(true);
    expect(isFileDrag(['application/x-weft-node-type'])).toBe(false);
    expect(isFileDrag([])).toBe(false);
  });
});

describe('chooseDroppedFile', () => {
  it('imports the first workflow file and counts the others', () => {
    const a = file('a.weft.json');
    expect(chooseDroppedFile([file('notes.txt'), a, file('b.weft.json')])).toEqual({ kind: 'import', file: a, ignored: 2 });
    expect(chooseDroppedFile([a])).toEqual({ kind: 'import', file: a, ignored: 0 });
  });

  it('refuses a drop with no workflow file, naming the first file', () => {
    const choice = chooseDroppedFile([file('photo.png')]);
    expect(choice.kind).toBe('refuse');
    expect(choice.kind === 'refuse' && choice.fileName).toBe('photo.png');
    expect(chooseDroppedFile([])).toEqual({ kind: 'none' });
  });
});
