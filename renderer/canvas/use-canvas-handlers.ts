// React Flow's callbacks, turned into store actions: moves (a drag is one undo step), selection,
// deletion (one step for nodes and edges together), connections checked against SPEC §2 with the
// reason shown when refused, and drops from the palette.
import {
  useReactFlow,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  type NodeChange,
  type OnConnectEnd,
} from '@xyflow/react';
import { useCallback, useMemo, type DragEvent } from 'react';
import { useCatalogStore } from '../stores/catalog.store.js';
import { useDocumentStore } from '../stores/document.store.js';
import type { Position } from '../stores/document-model.js';
import { useUiStore } from '../stores/ui.store.js';
import { checkConnection, type ProposedEdge } from './connection-rules.js';
import { edgeFromConnection, type Measured, type WeftFlowEdge, type WeftFlowNode } from './flow-mapping.js';
import { NODE_TYPE_MIME } from './palette-drag.js';

const CONNECT_NOTICE = 'connect';

function check(edge: ProposedEdge) {
  const { nodes, edges } = useDocumentStore.getState();
  return checkConnection(edge, nodes, edges, useCatalogStore.getState().byType);
}

function refuse(reason: string): void {
  useUiStore.getState().notify('problem', `Not connected: ${reason}`, CONNECT_NOTICE);
}

/** The edge a finished connection drag proposed, oriented output → input; null when it was not onto a port. */
function proposedFrom(state: FinalConnectionState): ProposedEdge | null {
  const { fromNode, fromHandle, toNode, toHandle } = state;
  if (!fromNode || !fromHandle?.id || !toNode || !toHandle?.id) return null;
  if (fromHandle.type === toHandle.type) return null;
  return fromHandle.type === 'source'
    ? { source: fromNode.id, sourcePort: fromHandle.id, target: toNode.id, targetPort: toHandle.id }
    : { source: toNode.id, sourcePort: toHandle.id, target: fromNode.id, targetPort: fromHandle.id };
}

export function useCanvasHandlers(setMeasured: (sizes: ReadonlyArray<readonly [string, Measured]>) => void) {
  const flow = useReactFlow<WeftFlowNode, WeftFlowEdge>();

  const onNodesChange = useCallback(
    (changes: NodeChange<WeftFlowNode>[]) => {
      const positions = new Map<string, Position>();
      const sizes: Array<readonly [string, Measured]> = [];
      const ui = useUiStore.getState();
      let selected: Set<string> | null = null;
      for (const c of changes) {
        if (c.type === 'position' && c.position) positions.set(c.id, c.position);
        else if (c.type === 'dimensions' && c.dimensions) sizes.push([c.id, c.dimensions]);
        else if (c.type === 'select') {
          selected ??= new Set(ui.selection.nodeIds);
          if (c.selected) selected.add(c.id);
          else selected.delete(c.id);
        }
        // 'remove' arrives through onDelete, nodes and edges together, as one undo step.
      }
      if (positions.size > 0) useDocumentStore.getState().moveNodes(positions);
      if (sizes.length > 0) setMeasured(sizes);
      if (selected) ui.select({ nodeIds: [...selected], edgeIds: ui.selection.edgeIds });
    },
    [setMeasured],
  );

  const onEdgesChange = useCallback((changes: EdgeChange<WeftFlowEdge>[]) => {
    const ui = useUiStore.getState();
    let selected: Set<string> | null = null;
    for (const c of changes) {
      if (c.type !== 'select') continue;
      selected ??= new Set(ui.selection.edgeIds);
      if (c.selected) selected.add(c.id);
      else selected.delete(c.id);
    }
    if (selected) ui.select({ nodeIds: ui.selection.nodeIds, edgeIds: [...selected] });
  }, []);

  const onDelete = useCallback(({ nodes, edges }: { nodes: WeftFlowNode[]; edges: WeftFlowEdge[] }) => {
    useDocumentStore.getState().removeElements(
      nodes.map((n) => n.id),
      edges.map((e) => e.id),
    );
    useUiStore.getState().clearSelection();
  }, []);

  const isValidConnection = useCallback((c: Connection | WeftFlowEdge) => {
    const edge = edgeFromConnection(c);
    return edge !== null && check(edge).ok;
  }, []);

  const onConnect = useCallback((c: Connection) => {
    const edge = edgeFromConnection(c);
    if (!edge) return;
    const verdict = check(edge);
    if (!verdict.ok) {
      refuse(verdict.reason);
      return;
    }
    useDocumentStore.getState().addEdge(edge);
    useUiStore.getState().dismissSource(CONNECT_NOTICE);
  }, []);

  // A drop on a port that isValidConnection refused never reaches onConnect: say why here.
  const onConnectEnd: OnConnectEnd = useCallback((_event, state) => {
    if (state.isValid !== false) return;
    const edge = proposedFrom(state);
    if (!edge) return;
    const verdict = check(edge);
    if (!verdict.ok) refuse(verdict.reason);
  }, []);

  const gesture = useMemo(
    () => ({
      start: () => useDocumentStore.getState().beginGesture(),
      stop: () => useDocumentStore.getState().endGesture(),
    }),
    [],
  );

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(NODE_TYPE_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const type = e.dataTransfer.getData(NODE_TYPE_MIME);
      if (!type) return;
      e.preventDefault();
      const at = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const id = useDocumentStore.getState().addNode(type, at);
      useUiStore.getState().select({ nodeIds: [id], edgeIds: [] });
    },
    [flow],
  );

  const onNodeDoubleClick = useCallback(() => useUiStore.getState().openPanel('right', 'inspector'), []);

  return {
    onNodesChange,
    onEdgesChange,
    onDelete,
    isValidConnection,
    onConnect,
    onConnectEnd,
    onNodeDragStart: gesture.start,
    onNodeDragStop: gesture.stop,
    onSelectionDragStart: gesture.start,
    onSelectionDragStop: gesture.stop,
    onDragOver,
    onDrop,
    onNodeDoubleClick,
  };
}
