import { describe, expect, it } from 'vitest';
import type { WorkflowDocument } from '../../engine/index.js';
import { diffDocuments } from './workflow-diff.js';

function base(): WorkflowDocument {
  return {
    format: 'weft.workflow',
    formatVersion: 1,
    name: 'Greeting',
    settings: { maxConcurrency: 8 },
    nodes: [
      { id: 'start', type: 'core.manual', position: { x: 0, y: 0 } },
      {
        id: 'greet',
        type: 'core.set',
        label: 'Greet',
        position: { x: 240, y: 0 },
        params: { values: { text: 'Hello', n: [1, 2] } },
      },
      { id: 'result', type: 'core.output', params: { name: 'greeting' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourcePort: 'out', target: 'greet', targetPort: 'in' },
      { id: 'e2', source: 'greet', sourcePort: 'out', target: 'result', targetPort: 'in' },
    ],
  };
}

describe('diffDocuments', () => {
  it('finds nothing between a document and itself, whatever the node order', () => {
    const b = base();
    b.nodes.reverse();
    const d = diffDocuments(base(), b);
    expect(d.same).toBe(true);
    expect(d.nodes).toEqual({ added: [], removed: [], changed: [], moved: [] });
  });

  it('lists added, removed and changed nodes and edges by id, params by path, moves apart', () => {
    const a = base();
    const b = base();
    b.name = 'Hello';
    b.settings = { maxConcurrency: 2 };
    const greet = b.nodes[1]!;
    greet.params = { values: { text: 'Hi', n: [1, 3, 4] } };
    greet.label = 'Say hi';
    greet.policy = { onError: 'skip' };
    b.nodes[0]!.position = { x: 10, y: 0 };
    b.nodes.splice(2, 1, { id: 'out2', type: 'core.output', params: { name: 'g' } });
    b.edges[0] = { ...b.edges[0]!, targetPort: 'other' };
    b.edges[1] = { id: 'e3', source: 'greet', sourcePort: 'out', target: 'out2', targetPort: 'in' };

    const d = diffDocuments(a, b);
    expect(d.nodes.added).toEqual(['out2']);
    expect(d.nodes.removed).toEqual(['result']);
    expect(d.nodes.changed).toEqual([
      {
        id: 'greet',
        changes: [
          { path: 'label', before: 'Greet', after: 'Say hi' },
          { path: 'params.values.n[1]', before: 2, after: 3 },
          { path: 'params.values.n[2]', before: undefined, after: 4 },
          { path: 'params.values.text', before: 'Hello', after: 'Hi' },
          { path: 'policy', before: undefined, after: { onError: 'skip' } },
        ],
      },
    ]);
    expect(d.nodes.moved).toEqual([{ id: 'start', before: { x: 0, y: 0 }, after: { x: 10, y: 0 } }]);
    expect(d.edges).toEqual({ added: ['e3'], removed: ['e2'], changed: ['e1'] });
    expect(d.settings).toEqual([{ path: 'settings.maxConcurrency', before: 8, after: 2 }]);
    expect(d.name).toEqual({ before: 'Greeting', after: 'Hello' });
    expect(d.same).toBe(false);
  });

  it('treats an absent params as {} and a type change as one change', () => {
    const a = base();
    const b = base();
    b.nodes[0]!.params = {};
    b.nodes[2]!.type = 'core.set';
    const d = diffDocuments(a, b);
    expect(d.nodes.changed).toEqual([
      { id: 'result', changes: [{ path: 'type', before: 'core.output', after: 'core.set' }] },
    ]);
    expect(d.name).toBeUndefined();
  });
});
