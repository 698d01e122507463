// The overview map in the canvas's corner: every node as a small box in its run-status colour, the
// part in view framed. Drawn on a <canvas> (React Flow's own minimap is an SVG with one element per
// node, repainted on every frame of a pan, and shows nothing while the simplified drawing hides the
// nodes). Pressing or dragging on it moves the view there; the wheel over it zooms.
import { Panel, useReactFlow, useStore, useStoreApi } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, type PointerEvent } from 'react';
import { useRunStore } from '../stores/run.store.js';
import { useUiStore } from '../stores/ui.store.js';
import { createColourCache } from './lod-paint.js';
import type { LodScene } from './lod-scene.js';
import { frameMiniMap, mapToFlow, viewBox, type MiniMapFrame } from './minimap-frame.js';
import type { ShownStatus } from './node-status.js';
import { usePaintLoop, type Painter } from './use-paint-loop.js';

const SIZE = { width: 200, height: 150 } as const;
/** On a narrow canvas (a small window, wide side panels) the map shrinks rather than cover the graph. */
const SMALL_SIZE = { width: 136, height: 102 } as const;
const NARROW_PANE_PX = 720;
/** Zoom change per pixel of wheel travel (React Flow's own wheel zoom speed). */
const WHEEL_ZOOM_PER_PIXEL = 0.002;

export function OverviewMap({ scene }: { scene: LodScene }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const store = useStoreApi();
  const flow = useReactFlow();
  const coloursOf = useMemo(createColourCache, []);
  const frameRef = useRef<MiniMapFrame | null>(null);
  const size = useStore((s) => (s.width > 0 && s.width < NARROW_PANE_PX ? SMALL_SIZE : SIZE));
  const sizeOf = useCallback(() => size, [size]);

  const paint: Painter = useCallback(
    (ctx, width, height) => {
      const canvas = canvasRef.current;
      if (!canvas) return;
      const colours = coloursOf(canvas);
      const { transform, width: paneWidth, height: paneHeight } = store.getState();
      const view = viewBox({
        x: transform[0],
        y: transform[1],
        zoom: transform[2],
        width: paneWidth,
        height: paneHeight,
      });
      const frame = frameMiniMap(scene.bounds, view, width, height);
      frameRef.current = frame;
      const { scale } = frame;
      const runNodes = useRunStore.getState().nodes;
      const selected = new Set(useUiStore.getState().selection.nodeIds);

      const byStatus = new Map<ShownStatus | 'selected', number[]>();
      scene.boxes.forEach((b, i) => {
        const id = scene.ids[i]!;
        const key = selected.has(id) ? 'selected' : (runNodes[id]?.status ?? 'idle');
        const list = byStatus.get(key) ?? [];
        // At least a pixel, or a large graph's nodes vanish.
        list.push(
          (b.x - frame.x) * scale,
          (b.y - frame.y) * scale,
          Math.max(1, b.width * scale),
          Math.max(1, b.height * scale),
        );
        byStatus.set(key, list);
      });
      for (const [key, rects] of byStatus) {
        ctx.beginPath();
        for (let k = 0; k < rects.length; k += 4)
          ctx.rect(rects[k]!, rects[k + 1]!, rects[k + 2]!, rects[k + 3]!);
        ctx.fillStyle =
          key === 'selected' ? colours.selected : key === 'idle' ? colours.nodeBorder : colours.status[key];
        ctx.fill();
      }

      // Everything outside the view is veiled; the view itself stays clear, with a frame.
      const vx = (view.x - frame.x) * scale;
      const vy = (view.y - frame.y) * scale;
      const vw = view.width * scale;
      const vh = view.height * scale;
      ctx.beginPath();
      ctx.rect(0, 0, width, height);
      ctx.rect(vx, vy, vw, vh);
      ctx.globalAlpha = 0.6;
      ctx.fillStyle = colours.mask;
      ctx.fill('evenodd');
      ctx.globalAlpha = 1;
      ctx.strokeStyle = colours.selected;
      ctx.lineWidth = 1;
      ctx.strokeRect(vx, vy, vw, vh);
    },
    [scene, store, coloursOf],
  );

  const request = usePaintLoop(canvasRef, sizeOf, paint);
  useEffect(request, [scene, request]);

  /** Centres the view on the flow point under the pointer, at the zoom it has. */
  const centreOn = useCallback(
    (event: PointerEvent<HTMLCanvasElement>) => {
      const frame = frameRef.current;
      if (!frame) return;
      const rect = event.currentTarget.getBoundingClientRect();
      const p = mapToFlow(frame, event.clientX - rect.left, event.clientY - rect.top);
      void flow.setCenter(p.x, p.y, { zoom: store.getState().transform[2] });
    },
    [flow, store],
  );

  const onPointerDown = useCallback(
    (event: PointerEvent<HTMLCanvasElement>) => {
      if (event.button !== 0) return;
      event.currentTarget.setPointerCapture(event.pointerId);
      centreOn(event);
    },
    [centreOn],
  );
  const onPointerMove = useCallback(
    (event: PointerEvent<HTMLCanvasElement>) => {
      if (event.currentTarget.hasPointerCapture(event.pointerId)) centreOn(event);
    },
    [centreOn],
  );

  // React's wheel listeners are passive; this one must keep the page from scrolling.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const { transform, minZoom, maxZoom } = store.getState();
      const pixels = event.deltaMode === 1 ? event.deltaY * 20 : event.deltaY;
      const zoom = Math.min(maxZoom, Math.max(minZoom, transform[2] * 2 ** (-pixels * WHEEL_ZOOM_PER_PIXEL)));
      void flow.zoomTo(zoom);
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => canvas.removeEventListener('wheel', onWheel);
  }, [flow, store]);

  return (
    <Panel position="bottom-right" className="weft-overview">
      <canvas
        ref={canvasRef}
        role="img"
        aria-label="Overview"
        title="Overview: press or drag to move the view, scroll to zoom"
        style={size}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
      />
    </Panel>
  );
}
