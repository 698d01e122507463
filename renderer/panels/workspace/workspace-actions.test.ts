import { describe, expect, it } from 'vitest';
import type { Workspace } from '../../../preload/contract.js';
import { nextWorkspace } from './workspace-actions.js';

const ws = (id: string, name: string): Workspace => ({
  id,
  name,
  policy: {},
  runRetention: 100,
  createdAt: 0,
  updatedAt: 0,
});

describe('nextWorkspace', () => {
  it('goes to Default when it remains, else to the first other workspace, never to none', () => {
    const all = [ws('a', 'Alpha'), ws('d', 'Default'), ws('b', 'Beta')];
    expect(nextWorkspace(all, 'a')?.id).toBe('d');
    expect(nextWorkspace(all, 'd')?.id).toBe('a');
    expect(nextWorkspace([ws('a', 'Alpha')], 'a')).toBeNull();
  });
});
