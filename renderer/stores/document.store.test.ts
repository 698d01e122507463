import { afterEach, describe, expect, it, vi } from 'vitest';
import { fromDocument, toDocument } from './document-model.js';
import { COALESCE_MS, createDocumentStore, selectIsDirty } from './document.store.js';

let clock = 0;
const store = () => createDocumentStore(() => clock);
const history = (s: ReturnType<typeof store>) => s.temporal.getState();

afterEach(() => {
  clock = 0;
});

const doc = {
  format: 'weft.workflow' as const,
  formatVersion: 1 as const,
  name: 'Greeting',
  tags: ['demo'],
  nodes: [
    { id: 'start', type: 'core.manual', position: { x: 0, y: 0 }, params: {} },
    { id: 'greet', type: 'core.set', position: { x: 240, y: 0 }, params: {} },
  ],
  edges: [{ id: 'e1', source: 'start', sourcePort: 'out', target: 'greet', targetPort: 'in' }],
};

describe('document store', () => {
  it('loads a document without an undo step and round-trips it', () => {
    const s = store();
    s.getState().addNode('core.set', { x: 0, y: 0 });
    s.getState().load(fromDocument(doc));
    expect(history(s).pastStates).toEqual([]);
    expect(toDocument(s.getState())).toEqual(doc);
    expect(selectIsDirty(s.getState())).toBe(false);
  });

  it('records one step per edit and undoes back to clean', () => {
    const s = store();
    s.getState().load(fromDocument(doc));
    const id = s.getState().addNode('core.set', { x: 10, y: 20 });
    expect(id).toBe('set_1');
    expect(selectIsDirty(s.getState())).toBe(true);
    s.getState().removeElements(['start'], []);
    expect(s.getState().edges).toEqual([]);
    expect(history(s).pastStates).toHaveLength(2);
    s.getState().undo();
    s.getState().undo();
    expect(toDocument(s.getState())).toEqual(doc);
    expect(selectIsDirty(s.getState())).toBe(false);
    s.getState().redo();
    expect(s.getState().nodes.map((n) => n.id)).toEqual(['start', 'greet', 'set_1']);
  });

  it('squashes a drag into one step, recorded at its end', () => {
    const s = store();
    s.getState().load(fromDocument(doc));
    s.getState().beginGesture();
    for (let x = 1; x <= 30; x++) s.getState().moveNodes(new Map([['start', { x, y: x }]]));
    expect(history(s).pastStates).toHaveLength(0);
    s.getState().endGesture();
    expect(history(s).pastStates).toHaveLength(1);
    expect(s.getState().nodes[0]!.position).toEqual({ x: 30, y: 30 });
    s.getState().undo();
    expect(s.getState().nodes[0]!.position).toEqual({ x: 0, y: 0 });
    s.getState().redo();
    expect(s.getState().nodes[0]!.position).toEqual({ x: 30, y: 30 });
  });

  it('records nothing for a click that did not move anything, and clears redo after a drag', () => {
    const s = store();
    s.getState().load(fromDocument(doc));
    s.getState().rename('A');
    s.getState().undo();
    expect(history(s).futureStates).toHaveLength(1);
    s.getState().beginGesture();
    s.getState().endGesture();
    expect(history(s).pastStates).toHaveLength(0);
    expect(history(s).futureStates).toHaveLength(1);
    s.getState().beginGesture();
    s.getState().moveNodes(new Map([['greet', { x: 1, y: 1 }]]));
    s.getState().endGesture();
    expect(history(s).futureStates).toHaveLength(0);
  });

  it('makes typing into one field one step, and a pause or another field a new one', () => {
    const s = store();
    s.getState().load(fromDocument(doc));
    for (const name of ['H', 'He', 'Hel', 'Hello']) {
      clock += 100;
      s.getState().rename(name);
    }
    expect(history(s).pastStates).toHaveLength(1);
    clock += COALESCE_MS + 1;
    s.getState().rename('Hello!');
    expect(history(s).pastStates).toHaveLength(2);
    s.getState().setParam('greet', 'values', { a: 1 });
    s.getState().setParam('greet', 'values', { a: 2 });
    expect(history(s).pastStates).toHaveLength(3);
    s.getState().undo();
    expect(s.getState().nodes[1]!.params).toEqual({});
    s.getState().undo();
    s.getState().undo();
    expect(s.getState().meta.name).toBe('Greeting');
  });

  it('refuses an exact duplicate edge and names new edges freely', () => {
    const s = store();
    s.getState().load(fromDocument(doc));
    expect(
      s.getState().addEdge({ source: 'start', sourcePort: 'out', target: 'greet', targetPort: 'in' }),
    ).toBeNull();
    s.getState().addNode('core.output', { x: 0, y: 0 });
    expect(
      s.getState().addEdge({ source: 'greet', sourcePort: 'out', target: 'output_1', targetPort: 'in' }),
    ).toBe('e2');
  });

  it('markSaved makes the current document the clean one', () => {
    const s = store();
    s.getState().rename('X');
    expect(selectIsDirty(s.getState())).toBe(true);
    s.getState().markSaved();
    expect(selectIsDirty(s.getState())).toBe(false);
    expect(history(s).pastStates).toHaveLength(1);
  });

  it('uses the real clock by default', () => {
    vi.useFakeTimers();
    try {
      const s = createDocumentStore();
      s.getState().rename('a');
      s.getState().rename('ab');
      expect(history(s).pastStates).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('a fresh document store', () => {
  it('is clean', () => {
    expect(selectIsDirty(createDocumentStore().getState())).toBe(false);
  });
});
