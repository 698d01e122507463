import { describe, expect, it } from 'vitest';
import type { WorkflowDocument } from '../../../engine/model/document.js';
import type { WorkflowDiff } from '../../../preload/contract.js';
import { buildDiffModel, summaryText, valueLine, valueText, VALUE_TEXT_MAX } from './diff-model.js';

function doc(nodes: WorkflowDocument['nodes'], edges: WorkflowDocument['edges'] = []): WorkflowDocument {
  return { format: 'weft.workflow', formatVersion: 1, name: 'W', nodes, edges } as WorkflowDocument;
}

const from = doc(
  [
    { id: 'start', type: 'core.manual' },
    { id: 'old', type: 'core.delay', label: 'Wait' },
    { id: 'greet', type: 'core.set', label: 'Greet' },
    { id: 'still', type: 'core.set', position: { x: 0, y: 0 } },
  ],
  [
    { id: 'e1', source: 'start', sourcePort: 'out', target: 'old', targetPort: 'in' },
    { id: 'e2', source: 'start', sourcePort: 'out', target: 'greet', targetPort: 'in' },
  ],
);
const to = doc(
  [
    { id: 'start', type: 'core.manual' },
    { id: 'greet', type: 'core.set', label: 'Greet' },
    { id: 'result', type: 'core.output', label: 'Result' },
    { id: 'still', type: 'core.set', position: { x: 120.4, y: 40 } },
  ],
  [
    { id: 'e2', source: 'start', sourcePort: 'out', target: 'result', targetPort: 'in' },
    { id: 'e3', source: 'greet', sourcePort: 'out', target: 'result', targetPort: 'in' },
  ],
);

const diff: WorkflowDiff = {
  workflowId: 'w',
  from: 1,
  to: 2,
  nodes: {
    added: ['result'],
    removed: ['old'],
    changed: [{ id: 'greet', changes: [{ path: 'params.values.text', before: 'Hi', after: 'Hello' }] }],
    moved: [{ id: 'still', before: { x: 0, y: 0 }, after: { x: 120.4, y: 40 } }],
  },
  edges: { added: ['e3'], removed: ['e1'], changed: ['e2'] },
  settings: [{ path: 'settings.maxConcurrency', before: undefined, after: 4 }],
  name: { before: 'Old', after: 'New' },
  other: [{ path: 'tags[0]', before: 'demo', after: undefined }],
};

describe('buildDiffModel', () => {
  it('lists nodes by kind with their labels, types and changed values', () => {
    const model = buildDiffModel(diff, { from, to, canvasNodeIds: new Set(['greet', 'result']) });
    expect(model.nodes.map((n) => [n.id, n.kind, n.title, n.type, n.onCanvas])).toEqual([
      ['result', 'added', 'Result', 'core.output', true],
      ['old', 'removed', 'Wait', 'core.delay', false],
      ['greet', 'changed', 'Greet', 'core.set', true],
    ]);
    expect(model.nodes[2]?.values).toEqual([
      { path: 'params.values.text', kind: 'changed', before: '"Hi"', after: '"Hello"' },
    ]);
    expect(model.hiddenMoves).toBe(1);
  });

  it('names the ends of edges, before and after a change', () => {
    const { edges } = buildDiffModel(diff, { from, to });
    expect(edges).toEqual([
      { id: 'e3', kind: 'added', text: 'greet.out → result.in', before: null },
      { id: 'e1', kind: 'removed', text: 'start.out → old.in', before: null },
      { id: 'e2', kind: 'changed', text: 'start.out → result.in', before: 'start.out → greet.in' },
    ]);
  });

  it('collects name, settings and other document changes, with added and removed values', () => {
    const { document } = buildDiffModel(diff);
    expect(document).toEqual([
      { path: 'name', kind: 'changed', before: '"Old"', after: '"New"' },
      { path: 'settings.maxConcurrency', kind: 'added', before: null, after: '4' },
      { path: 'tags[0]', kind: 'removed', before: '"demo"', after: null },
    ]);
  });

  it('shows moves only when asked, as positions', () => {
    const model = buildDiffModel(diff, { from, to, showMoves: true });
    const moved = model.nodes.find((n) => n.id === 'still');
    expect(moved?.kind).toBe('moved');
    expect(moved?.values).toEqual([{ path: 'position', kind: 'changed', before: '(0, 0)', after: '(120, 40)' }]);
    expect(model.hiddenMoves).toBe(0);
  });

  it('counts by kind and falls back to ids without documents', () => {
    const model = buildDiffModel(diff);
    expect(model.counts).toEqual({ added: 2, removed: 2, changed: 5, moved: 1 });
    expect(model.same).toBe(false);
    expect(model.nodes[0]?.title).toBe('result');
    expect(model.edges[0]?.text).toBe('e3');
    expect(summaryText(model.counts)).toBe('2 added · 2 removed · 5 changed · 1 moved');
  });

  it('says when nothing changed', () => {
    const empty: WorkflowDiff = {
      workflowId: 'w',
      from: 1,
      to: 1,
      nodes: { added: [], removed: [], changed: [], moved: [] },
      edges: { added: [], removed: [], changed: [] },
      settings: [],
      other: [],
    };
    const model = buildDiffModel(empty);
    expect(model.same).toBe(true);
    expect(summaryText(model.counts)).toBe('no changes');
  });
});

describe('valueText', () => {
  it('writes JSON, absent as null, long values cut', () => {
    expect(valueText(undefined)).toBeNull();
    expect(valueText(null)).toBe('null');
    expect(valueText({ a: [1, 'x'] })).toBe('{"a":[1,"x"]}');
    const long = valueText('x'.repeat(500));
    expect(long).toHaveLength(VALUE_TEXT_MAX);
    expect(long?.endsWith('…')).toBe(true);
    expect(valueLine({ path: 'p', before: 1, after: 2 }).kind).toBe('changed');
  });
});
