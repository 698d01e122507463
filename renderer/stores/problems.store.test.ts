import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkflowNode } from '../../engine/model/document.js';
import { testTypes } from '../canvas/test-catalog.js';
import type { CatalogState } from './catalog.store.js';
import type { DocumentState } from './document.store.js';
import {
  LARGE_DOCUMENT_DELAY_MS,
  LARGE_DOCUMENT_NODES,
  trackLiveProblems,
  useProblemsStore,
} from './problems.store.js';

/** A store stand-in: only what trackLiveProblems reads (nodes, edges; loaded, byType). */
function fakeStore<S>(initial: S) {
  let state = initial;
  const listeners = new Set<(s: S, prev: S) => void>();
  return {
    getState: () => state,
    setState(patch: Partial<S>) {
      const prev = state;
      state = { ...state, ...patch };
      for (const l of listeners) l(state, prev);
    },
    subscribe(l: (s: S, prev: S) => void) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

const outputs = (n: number): WorkflowNode[] =>
  Array.from({ length: n }, (_, i) => ({ id: `o${i}`, type: 'core.output', params: { name: 'x' } }));

describe('live problems tracking', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('checks a small document at most every 150 ms while it keeps changing', () => {
    const docs = fakeStore({ nodes: outputs(3), edges: [] } as unknown as DocumentState);
    const catalog = fakeStore({ loaded: true, byType: testTypes } as unknown as CatalogState);
    const stop = trackLiveProblems(docs, catalog);
    vi.advanceTimersByTime(150);
    docs.setState({ nodes: [...outputs(2), { id: 'bad', type: 'core.output', params: {} }] });
    vi.advanceTimersByTime(100);
    docs.setState({ nodes: [...docs.getState().nodes] });
    vi.advanceTimersByTime(50);
    expect(useProblemsStore.getState().byNode['bad']).toHaveLength(1);
    stop();
  });

  it('checks a large document once the edits pause', () => {
    const many = outputs(LARGE_DOCUMENT_NODES);
    const docs = fakeStore({ nodes: many, edges: [] } as unknown as DocumentState);
    const catalog = fakeStore({ loaded: true, byType: testTypes } as unknown as CatalogState);
    const stop = trackLiveProblems(docs, catalog);
    vi.advanceTimersByTime(LARGE_DOCUMENT_DELAY_MS);
    const broken = [...many.slice(1), { id: 'bad2', type: 'core.output', params: {} }];
    // Typing: a change every 100 ms keeps postponing the check.
    for (let i = 0; i < 10; i += 1) {
      docs.setState({ nodes: [...broken] });
      vi.advanceTimersByTime(100);
    }
    expect(useProblemsStore.getState().byNode['bad2']).toBeUndefined();
    vi.advanceTimersByTime(LARGE_DOCUMENT_DELAY_MS);
    expect(useProblemsStore.getState().byNode['bad2']).toHaveLength(1);
    stop();
  });
});
