// The drag handle on the inner edge of the right and bottom slots. Dragging (or the arrow keys when it
// has focus) sets the slot's size as a CSS variable on `.weft-shell`; the size is remembered.
import { useEffect, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { clampSlotSize, readSlotSize, SLOT_SIZE_VARIABLE, writeSlotSize, type ResizableSlot } from './slot-size.js';

const KEY_STEP = 16;

function shellOf(element: Element | null): HTMLElement | null {
  return element?.closest<HTMLElement>('.weft-shell') ?? null;
}

function storage(): Storage | undefined {
  return typeof localStorage === 'undefined' ? undefined : localStorage;
}

function available(slot: ResizableSlot): number {
  return slot === 'right' ? window.innerWidth : window.innerHeight;
}

function applySize(shell: HTMLElement, slot: ResizableSlot, size: number): number {
  const clamped = clampSlotSize(slot, size, available(slot));
  shell.style.setProperty(SLOT_SIZE_VARIABLE[slot], `${clamped}px`);
  return clamped;
}

export function SlotResizeHandle({ slot }: { slot: ResizableSlot }) {
  const ref = useRef<HTMLDivElement>(null);
  const drag = useRef<{ start: number; size: number } | null>(null);

  // Restores the remembered size when the slot appears (the right slot mounts again when reopened).
  useEffect(() => {
    const shell = shellOf(ref.current);
    const remembered = readSlotSize(storage(), slot);
    if (shell && remembered !== undefined) applySize(shell, slot, remembered);
  }, [slot]);

  const currentSize = (): number => {
    const panel = ref.current?.parentElement;
    if (!panel) return 0;
    return slot === 'right' ? panel.getBoundingClientRect().width : panel.getBoundingClientRect().height;
  };
  // The handle sits on the slot's left or top edge, so moving towards the canvas makes it bigger.
  const position = (ev: PointerEvent): number => (slot === 'right' ? -ev.clientX : -ev.clientY);

  const resizeTo = (size: number): void => {
    const shell = shellOf(ref.current);
    if (shell) writeSlotSize(storage(), slot, applySize(shell, slot, size));
  };

  const onPointerDown = (ev: PointerEvent<HTMLDivElement>): void => {
    if (ev.button !== 0) return;
    ev.preventDefault();
    ev.currentTarget.setPointerCapture(ev.pointerId);
    drag.current = { start: position(ev), size: currentSize() };
  };
  const onPointerMove = (ev: PointerEvent<HTMLDivElement>): void => {
    if (drag.current) resizeTo(drag.current.size + position(ev) - drag.current.start);
  };
  const onPointerUp = (ev: PointerEvent<HTMLDivElement>): void => {
    drag.current = null;
    if (ev.currentTarget.hasPointerCapture(ev.pointerId)) ev.currentTarget.releasePointerCapture(ev.pointerId);
  };
  const onKeyDown = (ev: KeyboardEvent<HTMLDivElement>): void => {
    const grow = slot === 'right' ? 'ArrowLeft' : 'ArrowUp';
    const shrink = slot === 'right' ? 'ArrowRight' : 'ArrowDown';
    if (ev.key !== grow && ev.key !== shrink) return;
    ev.preventDefault();
    ev.stopPropagation(); // the arrow keys also nudge selected nodes on the canvas
    resizeTo(currentSize() + (ev.key === grow ? KEY_STEP : -KEY_STEP));
  };

  return (
    <div
      ref={ref}
      className={`slot-resize-handle slot-resize-${slot}`}
      role="separator"
      aria-orientation={slot === 'right' ? 'vertical' : 'horizontal'}
      aria-label={slot === 'right' ? 'Resize the side panel' : 'Resize the bottom panel'}
      title="Drag to resize"
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
