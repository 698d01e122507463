// The boxes being dragged in the simplified drawing and how far, for LodLayer to paint them moved
// until the drop is committed. Its own tiny store (as lod-hover.ts), so a pointer move asks for one
// repaint and re-renders nothing. Tied to the scene it was made for: once the committed move has
// produced a new scene, a leftover offset is ignored, so the boxes never flash back to where they were.
import { create } from 'zustand';
import type { LodBoxOffset } from './lod-draw-list.js';
import type { LodScene } from './lod-scene.js';

export interface LodDragOffset extends LodBoxOffset {
  readonly scene: LodScene;
}

export const useLodDragOffset = create<{ readonly offset: LodDragOffset | null }>()(() => ({ offset: null }));

export function setLodDragOffset(offset: LodDragOffset | null): void {
  if (useLodDragOffset.getState().offset !== offset) useLodDragOffset.setState({ offset });
}

/** The offset to paint `scene` with: none when the drag belongs to an earlier scene. */
export function lodDragOffsetFor(scene: LodScene): LodBoxOffset | undefined {
  const offset = useLodDragOffset.getState().offset;
  return offset && offset.scene === scene ? offset : undefined;
}
