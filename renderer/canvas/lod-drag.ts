// Moving boxes in the simplified drawing: a press on a box becomes a drag once the pointer has gone
// DRAG_THRESHOLD screen pixels (less is a click, which selects); the drag carries the pressed node, or
// the whole selection when the pressed node is part of one. Pure, so the rules are tested without a
// DOM; use-lod-drag.ts feeds it pointer events and commits the positions it answers.
import type { Position } from '../stores/document-model.js';

/** Screen pixels a press must travel to become a drag, as React Flow's own node drags. */
export const DRAG_THRESHOLD = 4;

export interface PointerAt {
  /** Screen (client) pixels: the threshold is measured here. */
  readonly screen: Position;
  /** Flow coordinates of the same point: the boxes move by this much. */
  readonly flow: Position;
}

export type LodDragState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'pressed'; readonly id: string; readonly start: PointerAt }
  | {
      readonly phase: 'dragging';
      readonly id: string;
      readonly start: PointerAt;
      /** The nodes that follow the pointer. */
      readonly ids: readonly string[];
      /** How far they have moved, in flow coordinates. */
      readonly dx: number;
      readonly dy: number;
    };

export const IDLE: LodDragState = { phase: 'idle' };

export function press(id: string, at: PointerAt): LodDragState {
  return { phase: 'pressed', id, start: at };
}

/** The pressed node with the rest of the selection when it is part of it; alone otherwise. */
export function nodesToMove(pressedId: string, selectedIds: readonly string[]): readonly string[] {
  return selectedIds.includes(pressedId) ? selectedIds : [pressedId];
}

/**
 * The state after the pointer moved to `at`. A press turns into a drag past the threshold (then the
 * selection decides what moves); a drag follows the pointer. Idle stays idle.
 */
export function movePointer(
  state: LodDragState,
  at: PointerAt,
  selectedIds: readonly string[],
): LodDragState {
  if (state.phase === 'idle') return state;
  const { start } = state;
  if (state.phase === 'pressed') {
    const distance = Math.hypot(at.screen.x - start.screen.x, at.screen.y - start.screen.y);
    if (distance < DRAG_THRESHOLD) return state;
    return {
      phase: 'dragging',
      id: state.id,
      start,
      ids: nodesToMove(state.id, selectedIds),
      dx: at.flow.x - start.flow.x,
      dy: at.flow.y - start.flow.y,
    };
  }
  return { ...state, dx: at.flow.x - start.flow.x, dy: at.flow.y - start.flow.y };
}

/**
 * Where the dragged nodes end up (whole flow pixels, as a document is easier to read that way);
 * null when the press never became a drag (a click) or nothing moved. Unknown ids are left out.
 */
export function finalPositions(
  state: LodDragState,
  positionOf: (id: string) => Position | undefined,
): Map<string, Position> | null {
  if (state.phase !== 'dragging') return null;
  const positions = new Map<string, Position>();
  for (const id of state.ids) {
    const from = positionOf(id);
    if (!from) continue;
    const to = { x: Math.round(from.x + state.dx), y: Math.round(from.y + state.dy) };
    if (to.x !== from.x || to.y !== from.y) positions.set(id, to);
  }
  return positions.size > 0 ? positions : null;
}
