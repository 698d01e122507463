// Pointer input in the simplified drawing, hit-tested against the node index instead of the DOM:
// hovering a box names it, a click selects it (Ctrl/Cmd adds to the selection), a double click
// zooms in on it far enough that it is drawn in full again. Every handler does nothing outside it.
import { useReactFlow } from '@xyflow/react';
import { useCallback, type MouseEvent } from 'react';
import { useUiStore } from '../stores/ui.store.js';
import { setLodHover } from './lod-hover.js';
import type { LodScene } from './lod-scene.js';

/** On the canvas wrapper while the pointer is over a box (canvas.css: a pointing hand). */
export const POINTING_CLASS = 'pointing';

/** The zoom a double click brings a node to: every part of it readable. */
const FOCUS_ZOOM = 1;

export interface LodPointerHandlers {
  onPaneMouseMove(event: MouseEvent): void;
  onPaneMouseLeave(): void;
  onPaneClick(event: MouseEvent): void;
  onDoubleClick(event: MouseEvent): void;
}

export function useLodPointer(scene: LodScene | null): LodPointerHandlers {
  const flow = useReactFlow();

  const hit = useCallback(
    (event: MouseEvent): number => {
      if (!scene) return -1;
      const p = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const id = scene.index.hit(p.x, p.y);
      return id === undefined ? -1 : scene.ids.indexOf(id);
    },
    [flow, scene],
  );

  const onPaneMouseMove = useCallback(
    (event: MouseEvent) => {
      if (!scene) return;
      // A button held down: the pane is being dragged (panned), nothing is being pointed at.
      const at = event.buttons === 0 ? hit(event) : -1;
      (event.currentTarget as Element).closest('.weft-flow')?.classList.toggle(POINTING_CLASS, at >= 0);
      setLodHover(at >= 0 ? scene.ids[at]! : null);
    },
    [scene, hit],
  );

  const onPaneMouseLeave = useCallback(() => setLodHover(null), []);

  const onPaneClick = useCallback(
    (event: MouseEvent) => {
      const at = hit(event);
      if (at < 0 || !scene) return;
      const id = scene.ids[at]!;
      const additive = event.shiftKey || event.ctrlKey || event.metaKey;
      // React Flow clears the selection right after this handler returns: read it now, select after.
      const before = useUiStore.getState().selection;
      queueMicrotask(() => {
        useUiStore.getState().select(clickSelection(before, id, additive));
      });
    },
    [hit, scene],
  );

  const onDoubleClick = useCallback(
    (event: MouseEvent) => {
      if (!(event.target as Element).closest('.react-flow__pane')) return;
      const at = hit(event);
      if (at < 0 || !scene) return;
      const box = scene.boxes[at]!;
      setLodHover(null);
      useUiStore.getState().select({ nodeIds: [scene.ids[at]!], edgeIds: [] });
      void flow.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom: FOCUS_ZOOM, duration: 300 });
    },
    [flow, hit, scene],
  );

  return { onPaneMouseMove, onPaneMouseLeave, onPaneClick, onDoubleClick };
}

/**
 * The selection after a click on a box: that box alone, or with Shift/Ctrl/Cmd the selection before the
 * click with the box added (or taken out again, if it was in it).
 */
export function clickSelection(
  before: { readonly nodeIds: readonly string[]; readonly edgeIds: readonly string[] },
  id: string,
  additive: boolean,
): { nodeIds: string[]; edgeIds: string[] } {
  if (!additive) return { nodeIds: [id], edgeIds: [] };
  const nodeIds = before.nodeIds.includes(id) ? before.nodeIds.filter((n) => n !== id) : [...before.nodeIds, id];
  return { nodeIds, edgeIds: [...before.edgeIds] };
}
