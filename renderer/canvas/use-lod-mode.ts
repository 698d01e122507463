// Whether the simplified drawing (lod.ts) replaces the node views: follows React Flow's zoom, and
// re-renders the canvas only when the answer changes, not on every frame of a zoom.
import { useStore } from '@xyflow/react';
import { useCallback, useRef } from 'react';
import { readSetting } from '../stores/local-settings.js';
import { isZoomedOut, wantsLod } from './lod.js';

/** `weft.canvas.lod` = `off` in localStorage keeps the node views at every zoom (to compare, or by taste). */
const LOD_ENABLED = readSetting('canvas.lod') !== 'off';

export function useLodMode(nodeCount: number): boolean {
  const zoomedOutRef = useRef(false);
  // The selector reads the answer it gave last, for the hysteresis between entering and leaving.
  const zoomedOut = useStore(useCallback((s) => isZoomedOut(zoomedOutRef.current, s.transform[2]), []));
  zoomedOutRef.current = zoomedOut;
  return wantsLod(zoomedOut, nodeCount, LOD_ENABLED);
}
