// "Arrange": lays the whole document out with dagre as one undo step, then fits the view.
import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { useCatalogStore } from '../stores/catalog.store.js';
import { useDocumentStore } from '../stores/document.store.js';
import { estimateSize, layoutPositions } from './auto-layout.js';
import { FIT_VIEW } from './fit-view.js';

export function useAutoLayout(): () => void {
  const flow = useReactFlow();
  return useCallback(() => {
    const { nodes, edges, moveNodes } = useDocumentStore.getState();
    if (nodes.length === 0) return;
    const { byType } = useCatalogStore.getState();
    const positions = layoutPositions(nodes, edges, (n) => {
      const m = flow.getInternalNode(n.id)?.measured;
      return m?.width && m.height ? m : estimateSize(byType[n.type]);
    });
    moveNodes(positions);
    // After React Flow has the new positions.
    requestAnimationFrame(() => void flow.fitView({ ...FIT_VIEW, duration: 200 }));
  }, [flow]);
}
