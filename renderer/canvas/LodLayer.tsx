// The simplified drawing (lod.ts): the whole graph on one <canvas> the size of the pane, under React
// Flow's pane (which still takes the pointer: panning, zooming and the handlers of use-lod-pointer.ts).
// Repainted at most once per animation frame when something it shows changed (use-paint-loop.ts).
// (Copying a cached bitmap of the whole drawing while panning was tried: no measurable gain, since a
// frame's cost is mostly compositing the pane, not drawing 2,000 boxes.)
// It carries `data-drawn`, the number of nodes drawn in view, for the UI benchmark.
import { useStoreApi } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useCatalogStore } from '../stores/catalog.store.js';
import { useDocumentStore } from '../stores/document.store.js';
import { useProblemsStore } from '../stores/problems.store.js';
import { useRunStore } from '../stores/run.store.js';
import { useUiStore } from '../stores/ui.store.js';
import { lodDragOffsetFor } from './lod-drag-offset.js';
import { computeLodDrawList } from './lod-draw-list.js';
import { useLodHover } from './lod-hover.js';
import { createColourCache, paintLod } from './lod-paint.js';
import type { LodScene } from './lod-scene.js';
import { usePaintLoop, type Painter } from './use-paint-loop.js';

function HoverTip({ scene }: { scene: LodScene }) {
  const id = useLodHover((s) => s.id);
  const store = useStoreApi();
  const node = useDocumentStore(
    useCallback((s) => (id ? s.nodes.find((n) => n.id === id) : undefined), [id]),
  );
  const typeTitle = useCatalogStore((s) => (node ? s.byType[node.type]?.title : undefined));
  const status = useRunStore((s) => (id ? s.nodes[id]?.status : undefined));
  if (!id || !node) return null;
  const box = scene.boxes[scene.ids.indexOf(id)];
  if (!box) return null;
  // The tip is cleared whenever the view moves, so the transform read here stays current.
  const [x, y, zoom] = store.getState().transform;
  return (
    <div
      className="weft-lod-tip"
      role="tooltip"
      style={{ left: (box.x + box.width / 2) * zoom + x, top: box.y * zoom + y }}
    >
      <strong>{node.label || typeTitle || node.type}</strong>
      <span>
        {id}
        {status ? ` · ${status}` : ''}
      </span>
    </div>
  );
}

export function LodLayer({ scene }: { scene: LodScene }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const store = useStoreApi();
  const coloursOf = useMemo(createColourCache, []);

  const sizeOf = useCallback(() => {
    const { width, height } = store.getState();
    return { width, height };
  }, [store]);

  const paint: Painter = useCallback(
    (ctx, width, height) => {
      const canvas = canvasRef.current;
      if (!canvas) return;
      const [x, y, zoom] = store.getState().transform;
      const runNodes = useRunStore.getState().nodes;
      const selected = new Set(useUiStore.getState().selection.nodeIds);
      const problems = useProblemsStore.getState().byNode;
      const list = computeLodDrawList(
        scene,
        { x, y, zoom, width, height },
        {
          statusOf: (id) => runNodes[id]?.status ?? 'idle',
          isSelected: (id) => selected.has(id),
          hasProblems: (id) => (problems[id]?.length ?? 0) > 0,
        },
        lodDragOffsetFor(scene),
      );
      const hoveredId = useLodHover.getState().id;
      const box = hoveredId ? scene.boxes[scene.ids.indexOf(hoveredId)] : undefined;
      const hovered = box ? [box.x * zoom + x, box.y * zoom + y, box.width * zoom, box.height * zoom] : [];
      paintLod(ctx, list, coloursOf(canvas), zoom, hovered);
      canvas.dataset['drawn'] = String(list.drawn);
    },
    [scene, store, coloursOf],
  );

  const request = usePaintLoop(canvasRef, sizeOf, paint);
  // A new scene (the document changed): paint it.
  useEffect(request, [scene, request]);

  return (
    <>
      <canvas ref={canvasRef} className="weft-lod-canvas" data-testid="lod-canvas" aria-hidden="true" />
      <HoverTip scene={scene} />
    </>
  );
}
