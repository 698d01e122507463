// Repaints a <canvas> at most once per animation frame, and only when something a drawing of the graph
// shows has changed: React Flow's view, run statuses, the selection, problems, the hovered node, boxes
// being dragged or the theme (the caller asks again itself when its own input changes, with the
// function answered). Sizes the canvas's pixels to its CSS size × the device pixel ratio, so lines
// stay sharp.
import { useStoreApi } from '@xyflow/react';
import { useEffect, useRef, type RefObject } from 'react';
import { useProblemsStore } from '../stores/problems.store.js';
import { useRunStore } from '../stores/run.store.js';
import { useUiStore } from '../stores/ui.store.js';
import { useLodDragOffset } from './lod-drag-offset.js';
import { useLodHover } from './lod-hover.js';

/** Paints in CSS pixels: the context is already scaled and cleared. */
export type Painter = (ctx: CanvasRenderingContext2D, width: number, height: number) => void;

export function usePaintLoop(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  sizeOf: () => { width: number; height: number },
  painter: Painter,
): () => void {
  const store = useStoreApi();
  const painterRef = useRef(painter);
  painterRef.current = painter;
  const sizeRef = useRef(sizeOf);
  sizeRef.current = sizeOf;
  const requestRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    let frame = 0;
    const paint = () => {
      frame = 0;
      const { width, height } = sizeRef.current();
      const dpr = window.devicePixelRatio || 1;
      const pixelWidth = Math.round(width * dpr);
      const pixelHeight = Math.round(height * dpr);
      if (canvas.width !== pixelWidth || canvas.height !== pixelHeight) {
        canvas.width = pixelWidth;
        canvas.height = pixelHeight;
      }
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, width, height);
      painterRef.current(ctx, width, height);
    };
    const request = () => {
      if (frame === 0) frame = requestAnimationFrame(paint);
    };
    requestRef.current = request;
    const stops = [
      store.subscribe((s, prev) => {
        if (s.transform !== prev.transform || s.width !== prev.width || s.height !== prev.height) request();
      }),
      useRunStore.subscribe((s, prev) => {
        if (s.nodes !== prev.nodes) request();
      }),
      useUiStore.subscribe((s, prev) => {
        if (s.selection !== prev.selection || s.theme !== prev.theme) request();
      }),
      useProblemsStore.subscribe((s, prev) => {
        if (s.byNode !== prev.byNode) request();
      }),
      useLodHover.subscribe(request),
      useLodDragOffset.subscribe(request),
    ];
    request();
    return () => {
      if (frame !== 0) cancelAnimationFrame(frame);
      for (const stop of stops) stop();
      requestRef.current = () => undefined;
    };
  }, [canvasRef, store]);

  // A stable function that always reaches the current loop.
  const request = useRef(() => requestRef.current());
  return request.current;
}
