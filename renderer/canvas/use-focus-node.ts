// "Show me this node": selects it, opens the inspector and centres the canvas on it, for lists that
// name nodes (problems, run output). Usable anywhere under the shell's flow provider.
import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { useCatalogStore } from '../stores/catalog.store.js';
import { useDocumentStore } from '../stores/document.store.js';
import { useUiStore } from '../stores/ui.store.js';
import { estimateSize } from './auto-layout.js';

/** Zoomed out further than this, a node is too small to read: focusing zooms in to it. */
const READABLE_ZOOM = 0.8;

export function useFocusNode(): (nodeId: string) => void {
  const flow = useReactFlow();
  return useCallback(
    (nodeId: string) => {
      const node = useDocumentStore.getState().nodes.find((n) => n.id === nodeId);
      if (!node) return;
      const ui = useUiStore.getState();
      ui.select({ nodeIds: [nodeId], edgeIds: [] });
      if (ui.panels.right !== 'inspector') ui.openPanel('right', 'inspector');
      // Nodes outside the view are not rendered (so not measured): estimate their size then.
      const measured = flow.getInternalNode(nodeId)?.measured;
      const size =
        measured?.width && measured.height
          ? { width: measured.width, height: measured.height }
          : estimateSize(useCatalogStore.getState().byType[node.type]);
      const p = node.position ?? { x: 0, y: 0 };
      void flow.setCenter(p.x + size.width / 2, p.y + size.height / 2, {
        zoom: Math.max(flow.getZoom(), READABLE_ZOOM),
        duration: 250,
      });
    },
    [flow],
  );
}
