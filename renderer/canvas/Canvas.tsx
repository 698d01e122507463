// The canvas: React Flow over the document. Node components are memoized and select their own run
// status; every node's size and handles are known up front, so React Flow renders only the nodes in
// view. Zoomed out on a large graph, one <canvas> (LodLayer) draws it all instead of thousands of node
// views (lod.ts); the view is fitted before a new document's nodes are handed over (use-fit-on-load).
// The overview map in the corner is a canvas drawing as well (OverviewMap).
import { Background, BackgroundVariant, Controls, ReactFlow } from '@xyflow/react';
import { useCallback, useMemo, useRef } from 'react';
import { useDocumentStore } from '../stores/document.store.js';
import { useUiStore } from '../stores/ui.store.js';
import { useClipboardEvents } from './clipboard-events.js';
import { FIT_VIEW } from './fit-view.js';
import { NODE_TYPE, type WeftFlowEdge, type WeftFlowNode } from './flow-mapping.js';
import { setLodHover } from './lod-hover.js';
import { buildLodScene } from './lod-scene.js';
import { LodLayer } from './LodLayer.js';
import type { GeometryOf } from './node-geometry.js';
import { OverviewMap } from './OverviewMap.js';
import { useCanvasHandlers } from './use-canvas-handlers.js';
import { useFitOnLoad } from './use-fit-on-load.js';
import { useFlowElements, useGeometryOf } from './use-flow-elements.js';
import { useLodDrag } from './use-lod-drag.js';
import { useLodMode } from './use-lod-mode.js';
import { POINTING_CLASS, useLodPointer } from './use-lod-pointer.js';
import { WorkflowNodeView } from './WorkflowNodeView.js';

// Outside the component: React Flow warns (and re-mounts nodes) when this object changes.
const nodeTypes = { [NODE_TYPE]: WorkflowNodeView };
const DELETE_KEYS = ['Delete', 'Backspace'];

/** The graph as the overview map and the simplified drawing paint it (again when the document changes). */
function useScene(geometryOf: GeometryOf) {
  const docNodes = useDocumentStore((s) => s.nodes);
  const docEdges = useDocumentStore((s) => s.edges);
  return useMemo(() => buildLodScene(docNodes, docEdges, geometryOf), [docNodes, docEdges, geometryOf]);
}

export function Canvas() {
  const geometryOf = useGeometryOf();
  const nodeCount = useDocumentStore((s) => s.nodes.length);
  const lod = useLodMode(nodeCount);
  const { withheld } = useFitOnLoad(geometryOf);
  const { nodes, edges, setMeasured } = useFlowElements({ geometryOf, lod, withheld });
  const handlers = useCanvasHandlers(setMeasured);
  const scene = useScene(geometryOf);
  const pointer = useLodPointer(lod ? scene : null);
  const theme = useUiStore((s) => s.theme);
  const empty = useDocumentStore((s) => s.nodes.length === 0);
  useClipboardEvents();

  // The simplified drawing's hover (tooltip, pointing hand) belongs to where the pointer was.
  const wrapperRef = useRef<HTMLDivElement>(null);
  useLodDrag(wrapperRef, lod ? scene : null);
  const onMoveStart = useCallback(() => {
    wrapperRef.current?.classList.remove(POINTING_CLASS);
    setLodHover(null);
  }, []);

  return (
    <div
      ref={wrapperRef}
      className={`weft-flow${lod ? ' lod' : ''}`}
      data-testid="canvas"
      data-lod={lod || undefined}
      onDragOver={handlers.onDragOver}
      onDrop={handlers.onDrop}
      onDoubleClick={lod ? pointer.onDoubleClick : undefined}
    >
      <ReactFlow<WeftFlowNode, WeftFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        colorMode={theme}
        onNodesChange={handlers.onNodesChange}
        onEdgesChange={handlers.onEdgesChange}
        onDelete={handlers.onDelete}
        onConnect={handlers.onConnect}
        onConnectEnd={handlers.onConnectEnd}
        isValidConnection={handlers.isValidConnection}
        onNodeDragStart={handlers.onNodeDragStart}
        onNodeDragStop={handlers.onNodeDragStop}
        onSelectionDragStart={handlers.onSelectionDragStart}
        onSelectionDragStop={handlers.onSelectionDragStop}
        onNodeDoubleClick={handlers.onNodeDoubleClick}
        onMoveStart={onMoveStart}
        onPaneClick={lod ? pointer.onPaneClick : undefined}
        onPaneMouseMove={lod ? pointer.onPaneMouseMove : undefined}
        onPaneMouseLeave={lod ? pointer.onPaneMouseLeave : undefined}
        deleteKeyCode={DELETE_KEYS}
        onlyRenderVisibleElements
        minZoom={0.05}
        maxZoom={2}
        fitViewOptions={FIT_VIEW}
        zoomOnDoubleClick={false}
      >
        <Background variant={BackgroundVariant.Dots} gap={18} size={1} />
        {lod && <LodLayer scene={scene} />}
        {!empty && <OverviewMap scene={scene} />}
        <Controls fitViewOptions={FIT_VIEW} />
      </ReactFlow>
      {empty && (
        // A new workflow starts here: say how, where the work will happen (it never blocks the pane).
        <div className="canvas-empty-hint" data-testid="canvas-empty-hint">
          <strong>Drag a node here from the palette</strong>
          <span>or double-click it there · drop a .weft.json file to import · press ? for shortcuts</span>
        </div>
      )}
    </div>
  );
}
