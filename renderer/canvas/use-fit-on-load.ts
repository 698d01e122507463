// Fits a newly loaded document into view before React Flow sees its nodes. Until the fit is applied the
// canvas withholds the nodes (`withheld`): handed over at the previous document's zoom, React Flow
// would render the ones in view there, and the level of detail would be decided at the wrong zoom,
// only to be thrown away a frame later. The fit is computed from the nodes' known sizes, so nothing
// has to be rendered and measured first; it runs in a layout effect, before the browser paints.
import { getViewportForBounds, useReactFlow, useStoreApi } from '@xyflow/react';
import { useLayoutEffect, useState } from 'react';
import { useDocumentStore } from '../stores/document.store.js';
import { FIT_VIEW } from './fit-view.js';
import { documentBounds, type GeometryOf } from './node-geometry.js';

export function useFitOnLoad(geometryOf: GeometryOf): { readonly withheld: boolean } {
  const flow = useReactFlow();
  const store = useStoreApi();
  const loadId = useDocumentStore((s) => s.loadId);
  const [fittedLoadId, setFittedLoadId] = useState<number | null>(null);
  const withheld = fittedLoadId !== loadId;

  useLayoutEffect(() => {
    if (!withheld) return;
    const bounds = documentBounds(useDocumentStore.getState().nodes, geometryOf);
    // An empty document is not fitted: React Flow would wait for the first node added and jump to it.
    if (bounds) {
      const { width, height, minZoom } = store.getState();
      if (width > 0 && height > 0) {
        void flow.setViewport(
          getViewportForBounds(bounds, width, height, minZoom, FIT_VIEW.maxZoom, FIT_VIEW.padding),
        );
      } else {
        // The pane has not been measured yet (a document present at start): React Flow fits once it is.
        void flow.fitView(FIT_VIEW);
      }
    }
    setFittedLoadId(loadId);
  }, [withheld, loadId, flow, store, geometryOf]);

  return { withheld };
}
