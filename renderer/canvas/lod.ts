// Level of detail: zoomed out far enough that a node's text cannot be read (12 px type below 4 px),
// a large graph is drawn as boxes and lines on one <canvas> (LodLayer) instead of as thousands of React
// node views, which are what made opening and panning slow. A small graph keeps its real node views at
// every zoom: drawing them costs little, and they can still be dragged and connected there.

/** Below this zoom the view counts as zoomed out... */
export const LOD_ENTER_ZOOM = 0.35;
/**
 * ...and above this one no longer. The gap keeps a zoom that hovers around one value (a trackpad's
 * small steps) from switching back and forth, which would re-create hundreds of node views each time.
 */
export const LOD_LEAVE_ZOOM = 0.4;
/** Graphs with fewer nodes than this are never simplified. */
export const LOD_MIN_NODES = 100;

/** Whether the view is zoomed out, given whether it was (the hysteresis above). */
export function isZoomedOut(wasZoomedOut: boolean, zoom: number): boolean {
  return zoom < (wasZoomedOut ? LOD_LEAVE_ZOOM : LOD_ENTER_ZOOM);
}

/** Whether the simplified drawing replaces the node views. */
export function wantsLod(zoomedOut: boolean, nodeCount: number, enabled = true): boolean {
  return enabled && zoomedOut && nodeCount >= LOD_MIN_NODES;
}
