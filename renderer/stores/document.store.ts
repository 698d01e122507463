// The workflow document being edited: the only undoable store. zundo records the document part
// (`partialize`) on every change; a drag is one step (tracking paused from its start, the state before
// it pushed at its end); typing into one field is one step (a burst of edits with the same key within
// COALESCE_MS is squashed); loading a workflow is no step at all (history cleared).
import { temporal, type TemporalState } from 'zundo';
import { create, type StoreApi } from 'zustand';
import type { NodePolicy, WorkflowEdge, WorkflowNode } from '../../engine/model/document.js';
import {
  emptySnapshot,
  freeEdgeId,
  freeNodeId,
  mapNodes,
  moveNodes,
  removeElements,
  withParam,
  type DocumentMeta,
  type DocumentSnapshot,
  type Position,
} from './document-model.js';

/** Edits with the same key closer together than this are one undo step. */
export const COALESCE_MS = 1000;
/** Undo steps kept. */
export const HISTORY_LIMIT = 200;

export type NodePatch = Partial<Pick<WorkflowNode, 'label' | 'params' | 'policy' | 'type'>>;

export interface DocumentActions {
  /** Replaces the document (open, new, reload): not an undo step; history is cleared. */
  load(snapshot: DocumentSnapshot): void;
  /** `snapshot` (default: the current document) is what the host now has; edits made since stay dirty. */
  markSaved(snapshot?: DocumentSnapshot): void;
  rename(name: string): void;
  setMeta(patch: Partial<DocumentMeta>, coalesceKey?: string): void;
  /** Adds a node of `type` at `position`; answers its new id. */
  addNode(type: string, position: Position, params?: Record<string, unknown>): string;
  updateNode(id: string, patch: NodePatch, coalesceKey?: string): void;
  /** Sets one param (`undefined` removes it); typing into one field is one undo step. */
  setParam(id: string, name: string, value: unknown): void;
  /** Sets or removes a node's policy; edits with the same `coalesceKey` (typing) are one undo step. */
  setPolicy(id: string, policy: NodePolicy | undefined, coalesceKey?: string): void;
  /** Moves nodes; during a gesture the moves are one step, recorded at `endGesture`. */
  moveNodes(positions: ReadonlyMap<string, Position>): void;
  removeElements(nodeIds: Iterable<string>, edgeIds: Iterable<string>): void;
  /** Adds nodes and edges whose ids are free (a paste) as one undo step. */
  addElements(nodes: readonly WorkflowNode[], edges: readonly WorkflowEdge[]): void;
  /** Adds an edge (the caller checked it); answers its id, or null for an exact duplicate. */
  addEdge(edge: Omit<WorkflowEdge, 'id'>): string | null;
  /** Starts a gesture (a drag): changes until `endGesture` are one undo step. */
  beginGesture(): void;
  endGesture(): void;
  undo(): void;
  redo(): void;
}

export interface DocumentState extends DocumentSnapshot, DocumentActions {
  /** The document as last loaded or saved; `selectIsDirty` compares against it. Not undoable. */
  readonly saved: DocumentSnapshot;
  /** The document before the gesture under way, or null. */
  readonly gestureBefore: DocumentSnapshot | null;
  /** Counts loads, so views can react to "another document" (fit the view) rather than to edits. */
  readonly loadId: number;
  /** Key and time of the last coalescable edit. */
  readonly lastEdit: { readonly key: string; readonly at: number } | null;
}

export function snapshotOf(s: DocumentSnapshot): DocumentSnapshot {
  return { meta: s.meta, nodes: s.nodes, edges: s.edges };
}

function sameSnapshot(a: DocumentSnapshot, b: DocumentSnapshot): boolean {
  return a.meta === b.meta && a.nodes === b.nodes && a.edges === b.edges;
}

/** True when the document differs from what was last loaded or saved. */
export const selectIsDirty = (s: DocumentState): boolean => !sameSnapshot(s, s.saved);

export function createDocumentStore(now: () => number = () => Date.now()) {
  return create<DocumentState>()(
    temporal(
      (set, get, store) => {
        // zundo types the creator's `temporal` as unknown; it is the history store of the document part.
        const api = store as unknown as { temporal: StoreApi<TemporalState<DocumentSnapshot>> };
        const history = () => api.temporal.getState();

        /** Applies a document change as one step, or squashed into the previous one when `key` repeats. */
        function change(patch: Partial<DocumentSnapshot>, key?: string): void {
          const before = history().pastStates.length;
          const last = get().lastEdit;
          const at = now();
          set({ ...patch, lastEdit: key ? { key, at } : null });
          const recorded = history().pastStates.length > before;
          if (key && recorded && last?.key === key && at - last.at < COALESCE_MS) {
            api.temporal.setState({ pastStates: history().pastStates.slice(0, -1) });
          }
        }

        const initial = emptySnapshot();
        return {
          ...initial,
          // The very same snapshot: a fresh document is not dirty.
          saved: initial,
          gestureBefore: null,
          lastEdit: null,
          loadId: 0,

          load(snapshot) {
            history().pause();
            set({
              ...snapshotOf(snapshot),
              saved: snapshotOf(snapshot),
              gestureBefore: null,
              lastEdit: null,
              loadId: get().loadId + 1,
            });
            history().resume();
            history().clear();
          },
          markSaved: (snapshot) => set({ saved: snapshotOf(snapshot ?? get()) }),
          rename: (name) => change({ meta: { ...get().meta, name } }, 'meta.name'),
          setMeta: (patch, key) => change({ meta: { ...get().meta, ...patch } }, key),
          addNode(type, position, params) {
            const id = freeNodeId(type, get().nodes);
            const node: WorkflowNode = {
              id,
              type,
              position: { x: position.x, y: position.y },
              params: params ?? {},
            };
            change({ nodes: [...get().nodes, node] });
            return id;
          },
          updateNode: (id, patch, key) =>
            change({ nodes: mapNodes(get().nodes, new Set([id]), (n) => ({ ...n, ...patch })) }, key),
          setParam: (id, name, value) =>
            change(
              { nodes: mapNodes(get().nodes, new Set([id]), (n) => withParam(n, name, value)) },
              `param:${id}:${name}`,
            ),
          setPolicy: (id, policy, key) =>
            change(
              {
                nodes: mapNodes(get().nodes, new Set([id]), (n) => {
                  const { policy: _old, ...rest } = n;
                  return policy === undefined ? rest : { ...rest, policy };
                }),
              },
              key,
            ),
          moveNodes(positions) {
            const nodes = moveNodes(get().nodes, positions);
            if (nodes !== get().nodes) change({ nodes });
          },
          removeElements(nodeIds, edgeIds) {
            const next = removeElements(get(), new Set(nodeIds), new Set(edgeIds));
            if (next.nodes !== get().nodes || next.edges !== get().edges) change(next);
          },
          addElements(nodes, edges) {
            if (nodes.length === 0 && edges.length === 0) return;
            change({ nodes: [...get().nodes, ...nodes], edges: [...get().edges, ...edges] });
          },
          addEdge(edge) {
            const { edges } = get();
            const duplicate = edges.some(
              (e) =>
                e.source === edge.source &&
                e.sourcePort === edge.sourcePort &&
                e.target === edge.target &&
                e.targetPort === edge.targetPort,
            );
            if (duplicate) return null;
            const id = freeEdgeId(edges);
            change({ edges: [...edges, { id, ...edge }] });
            return id;
          },
          beginGesture() {
            if (get().gestureBefore) return;
            set({ gestureBefore: snapshotOf(get()), lastEdit: null });
            history().pause();
          },
          endGesture() {
            const before = get().gestureBefore;
            if (!before) return;
            set({ gestureBefore: null });
            history().resume();
            if (sameSnapshot(before, get())) return;
            api.temporal.setState({
              pastStates: [...history().pastStates, before].slice(-HISTORY_LIMIT),
              futureStates: [],
            });
          },
          undo() {
            get().endGesture();
            history().undo();
            set({ lastEdit: null });
          },
          redo() {
            get().endGesture();
            history().redo();
            set({ lastEdit: null });
          },
        };
      },
      {
        partialize: (s): DocumentSnapshot => snapshotOf(s),
        equality: sameSnapshot,
        limit: HISTORY_LIMIT,
      },
    ),
  );
}

export type DocumentStore = ReturnType<typeof createDocumentStore>;

/** The editor's document. */
export const useDocumentStore = createDocumentStore();

/** Whether the open document has unsaved changes, for code outside React (commands, actions). */
export const isDocumentDirty = (): boolean => selectIsDirty(useDocumentStore.getState());
