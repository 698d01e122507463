import { describe, expect, it } from 'vitest';
import { EXAMPLES } from './examples.js';

describe('the bundled examples', () => {
  it('are the workflows of the examples folder, as text, each named by its document', () => {
    expect(EXAMPLES.map((e) => e.fileName)).toEqual(['hello.weft.json', 'branching.weft.json', 'retry.weft.json']);
    for (const e of EXAMPLES) {
      const doc = JSON.parse(e.text) as { format: string; name: string; nodes: unknown[] };
      expect(doc.format).toBe('weft.workflow');
      expect(e.name).toBe(doc.name);
      expect(doc.nodes.length).toBeGreaterThan(0);
    }
  });
});
