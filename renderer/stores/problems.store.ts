// Live problems of the open document (live-problems.ts), recomputed shortly after the document or the
// catalog changes rather than on every keystroke or drag frame. A large document is checked only once
// the edits pause: the check then takes several milliseconds, and repeated every 150 ms while typing
// or dragging it would cost frames.
import { create } from 'zustand';
import type { Problem } from '../../engine/model/problem.js';
import type { CatalogState } from './catalog.store.js';
import type { DocumentState } from './document.store.js';
import { findLiveProblems, NO_PROBLEMS, type LiveProblems } from './live-problems.js';

export interface ProblemsState extends LiveProblems {
  set(problems: LiveProblems): void;
}

function sameProblems(a: readonly Problem[], b: readonly Problem[]): boolean {
  return a.length === b.length && a.every((p, i) => p.path === b[i]!.path && p.message === b[i]!.message);
}

/**
 * Keeps the previous list object of every node whose problems did not change, so that recomputing
 * (say after a drag) re-renders only the nodes whose problems did.
 */
export function stabilize(prev: LiveProblems, next: LiveProblems): LiveProblems {
  const byNode: Record<string, readonly Problem[]> = {};
  let changed = Object.keys(prev.byNode).length !== Object.keys(next.byNode).length;
  for (const [id, list] of Object.entries(next.byNode)) {
    const old = prev.byNode[id];
    if (old && sameProblems(old, list)) byNode[id] = old;
    else {
      byNode[id] = list;
      changed = true;
    }
  }
  if (!changed && sameProblems(prev.all, next.all)) return prev;
  return {
    all: sameProblems(prev.all, next.all) ? prev.all : next.all,
    byNode: changed ? byNode : prev.byNode,
  };
}

export const useProblemsStore = create<ProblemsState>()((set, get) => ({
  ...NO_PROBLEMS,
  set(problems) {
    const current = get();
    const next = stabilize(current, problems);
    if (next !== current) set({ all: next.all, byNode: next.byNode });
  },
}));

const NONE: readonly Problem[] = [];
export const selectNodeProblems = (nodeId: string) => (s: LiveProblems) => s.byNode[nodeId] ?? NONE;

interface Subscribable<S> {
  getState(): S;
  subscribe(listener: (state: S, prev: S) => void): () => void;
}

/** From this many nodes on, the check waits for a pause in the edits (`LARGE_DOCUMENT_DELAY_MS`). */
export const LARGE_DOCUMENT_NODES = 500;
export const LARGE_DOCUMENT_DELAY_MS = 400;

/** Keeps the problems store current; answers the function that stops. */
export function trackLiveProblems(
  documents: Subscribable<DocumentState>,
  catalog: Subscribable<CatalogState>,
  delayMs = 150,
  largeDelayMs = LARGE_DOCUMENT_DELAY_MS,
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const recompute = () => {
    timer = null;
    const doc = documents.getState();
    const types = catalog.getState();
    // Before the catalog arrived every type would read as unknown.
    if (!types.loaded) return;
    useProblemsStore.getState().set(findLiveProblems(doc.nodes, doc.edges, types.byType));
  };
  const schedule = () => {
    if (documents.getState().nodes.length >= LARGE_DOCUMENT_NODES) {
      // Debounced: every change starts the wait again.
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(recompute, largeDelayMs);
    } else if (timer === null) {
      timer = setTimeout(recompute, delayMs);
    }
  };
  const stopDoc = documents.subscribe((s, prev) => {
    if (s.nodes !== prev.nodes || s.edges !== prev.edges) schedule();
  });
  const stopCatalog = catalog.subscribe(schedule);
  schedule();
  return () => {
    stopDoc();
    stopCatalog();
    if (timer !== null) clearTimeout(timer);
  };
}
