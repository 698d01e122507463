// Dragging boxes in the simplified drawing (lod-drag.ts has the rules). A press on a box is taken
// before React Flow's pane sees its mousedown (the one event its pan listens to), so the view stays
// put while the box moves; a press on empty space is left alone and still pans. The dragged boxes are
// painted moved by an offset (lod-drag-offset.ts) — the scene is not rebuilt per pointer move — and
// the drop is one `moveNodes` inside a gesture: one undo step. Escape cancels a drag.
import { useReactFlow } from '@xyflow/react';
import { useEffect, type RefObject } from 'react';
import { useDocumentStore } from '../stores/document.store.js';
import { useUiStore } from '../stores/ui.store.js';
import { finalPositions, IDLE, movePointer, press, type LodDragState, type PointerAt } from './lod-drag.js';
import { setLodDragOffset } from './lod-drag-offset.js';
import { setLodHover } from './lod-hover.js';
import type { LodScene } from './lod-scene.js';
import { POINTING_CLASS } from './use-lod-pointer.js';

/** On the canvas wrapper while boxes are dragged (canvas.css: a grabbing hand). */
const DRAGGING_CLASS = 'lod-dragging';

/** Stops the click that ends a drag: it would otherwise select (or clear) as a click on the pane. */
function swallowNextClick(): void {
  const swallow = (event: MouseEvent) => {
    event.stopPropagation();
    event.preventDefault();
  };
  window.addEventListener('click', swallow, { capture: true, once: true });
  // The click, when there is one, comes in the same task as the release.
  setTimeout(() => window.removeEventListener('click', swallow, { capture: true }), 0);
}

export function useLodDrag(wrapperRef: RefObject<HTMLElement | null>, scene: LodScene | null): void {
  const flow = useReactFlow();

  useEffect(() => {
    const wrapper = wrapperRef.current;
    if (!wrapper || !scene) return;
    const drawn = scene; // narrowed for the handlers below
    let state: LodDragState = IDLE;
    let indexOf: Map<string, number> | null = null;
    let moving: Uint8Array | null = null;

    const pointerAt = (event: MouseEvent): PointerAt => ({
      screen: { x: event.clientX, y: event.clientY },
      flow: flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }),
    });

    const startDragging = (ids: readonly string[], pressedId: string) => {
      const ui = useUiStore.getState();
      // As React Flow does with a node view: dragging a node outside the selection selects it alone.
      if (!ui.selection.nodeIds.includes(pressedId)) ui.select({ nodeIds: [pressedId], edgeIds: [] });
      indexOf = new Map(drawn.ids.map((id, i) => [id, i]));
      moving = new Uint8Array(drawn.ids.length);
      for (const id of ids) {
        const i = indexOf.get(id);
        if (i !== undefined) moving[i] = 1;
      }
      setLodHover(null);
      wrapper.classList.remove(POINTING_CLASS);
      wrapper.classList.add(DRAGGING_CLASS);
    };

    const stopListening = () => {
      window.removeEventListener('pointermove', onPointerMove);
      window.removeEventListener('pointerup', onPointerUp);
      window.removeEventListener('pointercancel', cancel);
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('blur', cancel);
    };

    const reset = () => {
      stopListening();
      state = IDLE;
      moving = null;
      indexOf = null;
      wrapper.classList.remove(DRAGGING_CLASS);
    };

    function cancel() {
      reset();
      setLodDragOffset(null);
    }

    function onPointerMove(event: PointerEvent) {
      if (!event.isPrimary) return;
      const wasDragging = state.phase === 'dragging';
      state = movePointer(state, pointerAt(event), useUiStore.getState().selection.nodeIds);
      if (state.phase !== 'dragging') return;
      if (!wasDragging) startDragging(state.ids, state.id);
      if (moving) setLodDragOffset({ scene: drawn, moving, dx: state.dx, dy: state.dy });
    }

    function onPointerUp(event: PointerEvent) {
      if (!event.isPrimary) return;
      const ended = state;
      const boxes = indexOf;
      reset();
      if (ended.phase !== 'dragging' || !boxes) return; // a click: selection is onPaneClick's job
      swallowNextClick();
      const positions = finalPositions(ended, (id) => {
        const box = drawn.boxes[boxes.get(id) ?? -1];
        return box && { x: box.x, y: box.y };
      });
      const documentStore = useDocumentStore.getState();
      const before = documentStore.nodes;
      if (positions) {
        documentStore.beginGesture();
        documentStore.moveNodes(positions);
        documentStore.endGesture();
      }
      // Moved: the offset stays painted until the new scene replaces it. Otherwise drop it now.
      if (useDocumentStore.getState().nodes === before) setLodDragOffset(null);
    }

    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape' || state.phase === 'idle') return;
      event.stopPropagation();
      cancel();
    }

    const onPointerDown = (event: PointerEvent) => {
      if (state.phase !== 'idle' || !event.isPrimary || event.button !== 0) return;
      // With a modifier the press is a click that adds to the selection (or React Flow's selection box).
      if (event.shiftKey || event.ctrlKey || event.metaKey || event.altKey) return;
      if (!(event.target as Element).closest('.react-flow__pane')) return;
      const at = pointerAt(event);
      const id = drawn.index.hit(at.flow.x, at.flow.y);
      if (id === undefined) return;
      state = press(id, at);
      window.addEventListener('pointermove', onPointerMove);
      window.addEventListener('pointerup', onPointerUp);
      window.addEventListener('pointercancel', cancel);
      window.addEventListener('keydown', onKeyDown, true);
      window.addEventListener('blur', cancel);
    };

    // React Flow pans on mousedown (which follows pointerdown): keep it from the pane while a box is pressed.
    const onMouseDown = (event: MouseEvent) => {
      if (state.phase !== 'idle') event.stopPropagation();
    };

    wrapper.addEventListener('pointerdown', onPointerDown, true);
    wrapper.addEventListener('mousedown', onMouseDown, true);
    return () => {
      wrapper.removeEventListener('pointerdown', onPointerDown, true);
      wrapper.removeEventListener('mousedown', onMouseDown, true);
      cancel();
    };
  }, [wrapperRef, scene, flow]);
}
