import { describe, expect, it } from 'vitest';
import { reusedLabel, shortRunId } from './node-status.js';

describe('how a reused node reads', () => {
  it('names the run its outputs came from by its short id', () => {
    expect(shortRunId('run_3f9a1c2b')).toBe('3f9a1c');
    expect(reusedLabel('run_3f9a1c2b')).toBe('reused from run 3f9a1c');
  });

  it('says "reused" alone when that run is not known', () => {
    expect(reusedLabel(undefined)).toBe('reused');
  });
});
