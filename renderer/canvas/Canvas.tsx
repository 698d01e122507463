// The canvas: React Flow over the document. Node components are memoized and select their own run
// status; only visible elements are rendered, so 2,000 nodes stay responsive.
import { Background, BackgroundVariant, Controls, MiniMap, ReactFlow, useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { useDocumentStore } from '../stores/document.store.js';
import { useUiStore } from '../stores/ui.store.js';
import { NODE_TYPE, type WeftFlowEdge, type WeftFlowNode } from './flow-mapping.js';
import { useClipboardEvents } from './clipboard-events.js';
import { useCanvasHandlers } from './use-canvas-handlers.js';
import { useFlowElements } from './use-flow-elements.js';
import { WorkflowNodeView } from './WorkflowNodeView.js';

// Outside the component: React Flow warns (and re-mounts nodes) when this object changes.
const nodeTypes = { [NODE_TYPE]: WorkflowNodeView };
const DELETE_KEYS = ['Delete', 'Backspace'];
const FIT_VIEW = { padding: 0.15, maxZoom: 1.2 };

function useFitOnLoad(): void {
  const flow = useReactFlow();
  const loadId = useDocumentStore((s) => s.loadId);
  useEffect(() => {
    // React Flow queues a fit until the nodes are measured; with no nodes it would wait for the first
    // one the user adds and jump to it, so an empty document is not fitted.
    if (useDocumentStore.getState().nodes.length > 0) void flow.fitView(FIT_VIEW);
  }, [flow, loadId]);
}

export function Canvas() {
  const { nodes, edges, setMeasured } = useFlowElements();
  const handlers = useCanvasHandlers(setMeasured);
  const theme = useUiStore((s) => s.theme);
  useFitOnLoad();
  useClipboardEvents();

  return (
    <div className="weft-flow" data-testid="canvas" onDragOver={handlers.onDragOver} onDrop={handlers.onDrop}>
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
        deleteKeyCode={DELETE_KEYS}
        onlyRenderVisibleElements
        minZoom={0.05}
        maxZoom={2}
        fitViewOptions={FIT_VIEW}
        zoomOnDoubleClick={false}
      >
        <Background variant={BackgroundVariant.Dots} gap={18} size={1} />
        <MiniMap pannable zoomable ariaLabel="Overview" />
        <Controls />
      </ReactFlow>
    </div>
  );
}
