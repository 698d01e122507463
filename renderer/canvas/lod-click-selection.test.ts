import { describe, expect, it } from 'vitest';
import { clickSelection } from './use-lod-pointer.js';

describe('clickSelection (a click on a box in the zoomed-out drawing)', () => {
  const before = { nodeIds: ['a', 'b'], edgeIds: ['e1'] };

  it('selects the box alone on a plain click', () => {
    expect(clickSelection(before, 'c', false)).toEqual({ nodeIds: ['c'], edgeIds: [] });
  });

  it('adds the box to the selection held before the click with a modifier, keeping its edges', () => {
    expect(clickSelection(before, 'c', true)).toEqual({ nodeIds: ['a', 'b', 'c'], edgeIds: ['e1'] });
  });

  it('takes an already selected box out again with a modifier', () => {
    expect(clickSelection(before, 'a', true)).toEqual({ nodeIds: ['b'], edgeIds: ['e1'] });
  });
});
